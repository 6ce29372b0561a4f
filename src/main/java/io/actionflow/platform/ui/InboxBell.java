package io.actionflow.platform.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import io.actionflow.platform.Inbox;
import io.actionflow.platform.Notification;

/**
 * The bell in the top bar: how many in-app messages (from Notification nodes) are unread, and a menu that shows the
 * newest and marks them read.
 */
final class InboxBell extends Div {

    private static final int SHOWN = 10;

    private final Inbox inbox;
    private final MenuBar menu = new MenuBar();
    private final Span badge = new Span();

    private final String username;
    private final UserBroadcaster broadcaster;
    private com.vaadin.flow.shared.Registration registration;

    private final io.actionflow.platform.Links.RecordPages pages;

    InboxBell(Inbox inbox, String username, UserBroadcaster broadcaster, io.actionflow.platform.Links.RecordPages pages) {
        this.pages = pages;
        this.inbox = inbox;
        this.username = username;
        this.broadcaster = broadcaster;
        addClassName("af-inbox");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        badge.addClassName("af-inbox-badge");
        add(menu);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
        registration = broadcaster.register(username, this, this::refresh);
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (registration != null) {
            registration.remove();
        }
    }

    void refresh() {
        menu.removeAll();
        long unread = inbox.unreadCount(username);
        var bell = new Div(VaadinIcon.BELL.create());
        bell.addClassName("af-inbox-bell");
        badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
        badge.setVisible(unread > 0);
        bell.add(badge);
        var root = menu.addItem(bell);
        root.setAriaLabel(getTranslation("inbox.label", unread));
        root.getElement().setAttribute("title", getTranslation("inbox.label", unread));
        // the messages are in the menu before it opens (a menu that is open does not take new items);
        // opening it marks them read
        fill(root.getSubMenu(), inbox.latest(username, SHOWN));
        root.addClickListener(e -> {
            inbox.read(SHOWN);
            badge.setVisible(false);
        });
    }

    private void fill(com.vaadin.flow.component.contextmenu.SubMenu submenu, java.util.List<Notification> messages) {
        submenu.removeAll();
        if (messages.isEmpty()) {
            submenu.addItem(getTranslation("inbox.empty")).setEnabled(false);
        } else {
            var all = submenu.addItem(getTranslation("inbox.readAll"), e -> {
                inbox.readAll();
                refresh();
            });
            all.addClassName("af-inbox-read-all");
        }
        for (Notification message : messages) {
            // workflows send what admins typed; the application sends texts in each reader's language
            var title = new Span(message.title().isBlank() ? getTranslation("inbox.untitled")
                    : io.actionflow.platform.Text.format(message.title(), this::getTranslation));
            title.addClassName("af-inbox-title");
            var text = new Span(io.actionflow.platform.Text.format(message.message(), this::getTranslation));
            var when = new Span(Times.format(message.createdAt(), getLocale()));
            when.addClassName("af-muted");
            var entry = new Div(title, text, when);
            entry.addClassNames("af-inbox-entry", message.read() ? "af-inbox-read" : "af-inbox-unread");
            // a message about a record or an approval opens it
            var path = io.actionflow.platform.Links.path(message.link(), pages);
            var item = submenu.addItem(entry, e -> path.ifPresent(p -> getUI().ifPresent(ui -> ui.navigate(p))));
            if (path.isPresent()) {
                item.addClassName("af-inbox-link");
            }
        }
    }
}
