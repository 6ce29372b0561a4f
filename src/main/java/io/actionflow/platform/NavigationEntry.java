package io.actionflow.platform;

/**
 * One entry of the side navigation. Feature modules contribute entries through {@link NavigationContributor};
 * the shell groups them by section and sorts them by {@code order}.
 *
 * @param label a message key when {@code translated}, otherwise a name an admin gave (shown as typed)
 * @param icon  a Vaadin icon name such as {@code vaadin:users}
 * @param path  the route to open
 * @param count what the entry shows as a badge (open tasks, say), read again when the user is signaled
 *              ({@link UserSignal}); null for no badge
 */
public record NavigationEntry(Section section, String label, boolean translated, String icon, String path, int order,
        java.util.function.LongSupplier count) {

    public NavigationEntry(Section section, String label, boolean translated, String icon, String path, int order) {
        this(section, label, translated, icon, path, order, null);
    }

    /** An entry of the main section with a message key for its label and a count as badge. */
    public static NavigationEntry counted(String labelKey, String icon, String path, int order, java.util.function.LongSupplier count) {
        return new NavigationEntry(Section.MAIN, labelKey, true, icon, path, order, count);
    }

    public enum Section { MAIN, ADMIN }

    public static NavigationEntry admin(String labelKey, String icon, String path, int order) {
        return new NavigationEntry(Section.ADMIN, labelKey, true, icon, path, order);
    }

    public static NavigationEntry page(String title, String icon, String path, int order) {
        return new NavigationEntry(Section.MAIN, title, false, icon, path, order);
    }
}
