package io.actionflow.access;

import io.actionflow.platform.Text;

/**
 * Why an actor may not do what they asked: the action is not theirs on the collection ({@link Kind#ACTION}), a field
 * is not theirs to write ({@link Kind#FIELD}), or a record is outside what they reach ({@link Kind#NOT_FOUND}: said as
 * "not found", so that nobody learns whether a record they may not see exists).
 */
public record Denial(Kind kind, String collection, String collectionTitle, Act act, String field, Long id) {

    public enum Kind { ACTION, FIELD, NOT_FOUND }

    /** What to tell the user. */
    public Text text() {
        return switch (kind) {
            case ACTION -> Text.of("access.denied", Text.of("access.act." + act.key()), collectionTitle);
            case FIELD -> Text.of("access.denied.field", field, collectionTitle);
            case NOT_FOUND -> Text.of("record.notFound", collectionTitle, id);
        };
    }
}
