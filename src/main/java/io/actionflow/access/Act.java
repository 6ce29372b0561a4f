package io.actionflow.access;

import java.util.Locale;

/** What a role may be allowed to do on a collection. */
public enum Act {
    VIEW, CREATE, UPDATE, DELETE, TRIGGER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
