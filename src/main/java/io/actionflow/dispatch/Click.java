package io.actionflow.dispatch;

import io.actionflow.access.Actor;
import io.actionflow.workflow.ExecutionOrigin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One click or call as the dispatcher runs it: what was asked, who asks (read once, with the permission check), and
 * where it came from, for the executions' history. The submitted values travel beside it, typed ({@code TypedValues}),
 * because pre-action workflows change them on the way.
 */
record Click(ActionRequest request, Actor actor, ExecutionOrigin origin) {

    static Click of(ActionRequest request, Actor actor) {
        var button = request.button();
        return new Click(request, actor, new ExecutionOrigin(request.operator(), request.source().name(),
                button == null ? null : button.pageId(), button == null ? null : button.blockId(),
                button == null ? null : button.buttonId(), request.recordIds(), button == null ? null : button.label()));
    }

    String collection() {
        return request.collection();
    }

    Action action() {
        return request.action();
    }

    List<Long> recordIds() {
        return request.recordIds();
    }

    /** The action as workflows name it: {@code create}, {@code update}, {@code destroy}, {@code trigger}. */
    String actionName() {
        return request.action().name().toLowerCase(Locale.ROOT);
    }

    /** The account that creates records in this click (the "own" scope is theirs), or null. */
    Long createdBy() {
        return actor.username() == null ? null : actor.userId();
    }

    /** The operator and role, as every workflow of the click sees them; each call gives a new map. */
    Map<String, Object> context() {
        var context = new LinkedHashMap<String, Object>();
        if (actor.username() != null) {
            var user = new LinkedHashMap<String, Object>();
            user.put("username", actor.username());
            if (actor.userId() != null) {
                user.put("id", actor.userId());
                user.put("nickname", actor.nickname());
                user.put("email", actor.email());
            }
            context.put("user", user);
        }
        context.put("role", request.role());
        return context;
    }
}
