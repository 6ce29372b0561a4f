package io.actionflow.dispatch;

import io.actionflow.approval.HeldActions;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Lets approvals write what they held through the dispatcher, the one path of every write a user asks for. */
@Component
class HeldSubmissions implements HeldActions {

    private final ActionDispatcher dispatcher;

    HeldSubmissions(ActionDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public long release(String collection, String action, Long recordId, Map<String, Object> data, Map<String, Object> held) {
        return dispatcher.release(collection, action, recordId, data, held);
    }
}
