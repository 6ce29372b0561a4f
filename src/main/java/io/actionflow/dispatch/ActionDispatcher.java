package io.actionflow.dispatch;

import io.actionflow.collections.RecordService;
import io.actionflow.collections.StoredRecord;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path of every click and API call. It performs the data action through {@link RecordService} in one
 * transaction and answers with an {@link ActionResult}; the workflows bound to a request join here in a later step,
 * behind this same interface.
 */
@Service
public class ActionDispatcher {

    private final RecordService records;
    private final TransactionTemplate transaction;

    ActionDispatcher(RecordService records, TransactionTemplate transaction) {
        this.records = records;
        this.transaction = transaction;
    }

    public ActionResult dispatch(ActionRequest request) {
        if (request.action() == Action.TRIGGER) {
            return new ActionResult.Stopped(List.of(Message.key(Message.Level.INFO, "dispatch.trigger.unavailable")));
        }
        if (request.action() != Action.CREATE && request.recordIds().isEmpty()) {
            return new ActionResult.Blocked(List.of(Message.key(Message.Level.ERROR, "dispatch.noRecord")));
        }
        try {
            List<StoredRecord> written = transaction.execute(status -> perform(request));
            return new ActionResult.Done(written, List.of());
        } catch (ValidationException refused) {
            return new ActionResult.Invalid(refused.errors(), List.of());
        } catch (NotFoundException missing) {
            return new ActionResult.NotFound(List.of(
                    Message.key(Message.Level.ERROR, missing.messageKey(), missing.args().toArray())));
        }
    }

    private List<StoredRecord> perform(ActionRequest request) {
        return switch (request.action()) {
            case CREATE -> List.of(records.create(request.collection(), request.values()));
            case UPDATE -> {
                var updated = new ArrayList<StoredRecord>();
                for (long id : request.recordIds()) {
                    updated.add(records.update(request.collection(), id, request.values()));
                }
                yield updated;
            }
            case DESTROY -> {
                records.deleteAll(request.collection(), request.recordIds());
                yield List.of();
            }
            case TRIGGER -> List.of();
        };
    }
}
