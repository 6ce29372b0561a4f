package io.actionflow.platform;

import java.util.Optional;

/**
 * Where a notification leads, resolved when it is opened: to the record it is about (on a page that shows its
 * collection, which the pages module knows), or to an approval task or request.
 */
public final class Links {

    private Links() {
    }

    public static String record(String collection, long id) {
        return "record:" + collection + ":" + id;
    }

    public static String todo(long approvalId) {
        return "todo:" + approvalId;
    }

    /** A Manual task's form, in its person's to-dos. */
    public static String form(long taskId) {
        return "form:" + taskId;
    }

    public static String submission(long approvalId) {
        return "submission:" + approvalId;
    }

    /** Finds the address of a page that shows a record; contributed by the pages module. */
    public interface RecordPages {
        Optional<String> path(String collection, long id);
    }

    /** The address a link leads to, for the signed-in user; empty when it leads nowhere they may go. */
    public static Optional<String> path(String link, RecordPages pages) {
        if (link == null) {
            return Optional.empty();
        }
        String[] parts = link.split(":");
        try {
            return switch (parts[0]) {
                case "todo" -> Optional.of("todos?request=" + Long.parseLong(parts[1]));
                case "form" -> Optional.of("todos?form=" + Long.parseLong(parts[1]));
                case "submission" -> Optional.of("submissions?request=" + Long.parseLong(parts[1]));
                case "record" -> parts.length == 3 ? pages.path(parts[1], Long.parseLong(parts[2])) : Optional.empty();
                default -> Optional.empty();
            };
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
