package io.actionflow.platform.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.actionflow.platform.NavigationContributor;
import io.actionflow.platform.NavigationEntry;
import io.actionflow.platform.UserService;
import io.actionflow.platform.UserSummary;
import java.util.Comparator;
import java.util.List;

/**
 * The shell around every signed-in page: side navigation (pages, and an Admin section for admins), the page title,
 * the profile menu, and a warning while accounts keep their first-start passwords.
 */
@Layout
@jakarta.annotation.security.PermitAll
class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final UserService users;
    private final io.actionflow.platform.Inbox inbox;
    private final AuthenticationContext authentication;
    private final List<NavigationContributor> navigation;

    private final H1 viewTitle = new H1();
    private final Div navigationArea = new Div();
    private final Div userArea = new Div();
    private final Div banner = new Div();
    private final Div content = new Div();
    private UserSummary user;
    private Registration accountsChanged;

    private final UserBroadcaster broadcaster;
    private final io.actionflow.platform.ApiTokens tokens;
    private final java.time.Clock clock;

    private final io.actionflow.platform.CurrentUser currentUser;
    private final io.actionflow.platform.Roles roles;
    private final org.springframework.beans.factory.ObjectProvider<io.actionflow.platform.Links.RecordPages> recordPages;

    MainLayout(UserService users, io.actionflow.platform.Inbox inbox, AuthenticationContext authentication,
            List<NavigationContributor> navigation, UserBroadcaster broadcaster, io.actionflow.platform.ApiTokens tokens,
            java.time.Clock clock, io.actionflow.platform.CurrentUser currentUser, io.actionflow.platform.Roles roles,
            org.springframework.beans.factory.ObjectProvider<io.actionflow.platform.Links.RecordPages> recordPages) {
        this.recordPages = recordPages;
        this.currentUser = currentUser;
        this.roles = roles;
        this.tokens = tokens;
        this.clock = clock;
        this.broadcaster = broadcaster;
        this.users = users;
        this.inbox = inbox;
        this.authentication = authentication;
        this.navigation = navigation;
        setPrimarySection(Section.DRAWER);

        viewTitle.addClassName("af-view-title");
        userArea.addClassName("af-user-area");
        var toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.toggleMenu"));
        addToNavbar(true, toggle, viewTitle, userArea);

        var logo = VaadinIcon.CONNECT_O.create();
        logo.addClassName("af-brand-logo");
        var brand = new Anchor("", logo, new Span(getTranslation("app.name")));
        brand.addClassName("af-brand");
        navigationArea.addClassName("af-navigation");
        addToDrawer(brand, new Scroller(navigationArea));

        banner.addClassName("af-banner");
        banner.setVisible(false);
        content.addClassName("af-content");
        var main = new Div(banner, content);
        main.addClassName("af-main");
        setContent(main);
    }

    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement routed) {
        content.removeAll();
        if (routed != null) {
            content.getElement().appendChild(routed.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(com.vaadin.flow.component.HasElement oldContent) {
        content.removeAll();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        user = users.current().orElse(null);
        buildNavigation();
        buildUserMenu();
        refreshBanner();
        accountsChanged = ComponentUtil.addListener(event.getUI(), AccountsChanged.class, e -> refreshBanner());
        if (user != null) {
            signaled = broadcaster.register(user.username(), this, this::refreshCounts);
        }
    }

    private Registration signaled;

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (accountsChanged != null) {
            accountsChanged.remove();
        }
        if (signaled != null) {
            signaled.remove();
            signaled = null;
        }
        super.onDetach(event);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Component routed = content.getChildren().findFirst().orElse(null);
        viewTitle.setText(routed instanceof HasDynamicTitle titled ? titled.getPageTitle() : "");
    }

    private void buildNavigation() {
        navigationArea.removeAll();
        var main = new SideNav();
        main.addItem(item(getTranslation("nav.home"), "vaadin:home", ""));
        var admin = new SideNav(getTranslation("nav.admin"));
        admin.setCollapsible(true);
        admin.addClassName("af-admin-nav");
        var entries = navigation.stream()
                .flatMap(c -> c.entries().stream())
                .sorted(Comparator.comparingInt(NavigationEntry::order))
                .toList();
        counters.clear();
        for (NavigationEntry entry : entries) {
            String label = entry.translated() ? getTranslation(entry.label()) : entry.label();
            var item = item(label, entry.icon(), entry.path());
            if (entry.count() != null) {
                var badge = new Span();
                badge.addClassName("af-nav-badge");
                badge.getElement().setAttribute("data-count-of", entry.path());
                item.setSuffixComponent(badge);
                counters.add(new Counter(badge, entry.count()));
            }
            (entry.section() == NavigationEntry.Section.ADMIN ? admin : main).addItem(item);
        }
        refreshCounts();
        navigationArea.add(main);
        if (!admin.getItems().isEmpty()) {
            navigationArea.add(admin);
        }
    }

    /** A badge in the navigation and where its count comes from. */
    private record Counter(Span badge, java.util.function.LongSupplier count) {
    }

    private final List<Counter> counters = new java.util.ArrayList<>();

    /** Reads the counts again: on attach, and through server push when the user is signaled. */
    private void refreshCounts() {
        for (Counter counter : counters) {
            long count = counter.count().getAsLong();
            counter.badge().setText(count > 99 ? "99+" : String.valueOf(count));
            counter.badge().setVisible(count > 0);
        }
    }

    private static SideNavItem item(String label, String icon, String path) {
        String[] parts = icon.split(":", 2);
        return new SideNavItem(label, path, new Icon(parts[0], parts[1]));
    }

    private void buildUserMenu() {
        userArea.removeAll();
        if (user == null) {
            return;
        }
        if (currentUser.isAdmin()) {
            var design = new com.vaadin.flow.component.checkbox.Checkbox(getTranslation("shell.designMode"), DesignMode.isOn());
            design.addClassName("af-design-toggle");
            design.addValueChangeListener(e -> DesignMode.set(e.getValue()));
            userArea.add(design);
        }
        userArea.add(new InboxBell(inbox, user.username(), broadcaster,
                recordPages.getIfAvailable(() -> (collection, id) -> java.util.Optional.empty())));
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("af-user-menu");
        var avatar = new Avatar(user.displayName());
        avatar.addClassName("af-avatar");
        var name = new Span(user.displayName());
        name.addClassName("af-user-name");
        var chip = new Div(avatar, name);
        chip.addClassName("af-user-chip");
        var root = menu.addItem(chip);
        root.setAriaLabel(getTranslation("shell.profileMenu"));
        new ProfileMenu(users, authentication, tokens, clock, currentUser, roles).fill(root.getSubMenu(), user);
        userArea.add(menu);
    }

    private void refreshBanner() {
        if (user == null || !currentUser.isAdmin()) {
            banner.setVisible(false);
            return;
        }
        List<String> unchanged = users.usernamesWithDefaultPassword();
        banner.removeAll();
        banner.setVisible(!unchanged.isEmpty());
        if (!unchanged.isEmpty()) {
            var icon = VaadinIcon.WARNING.create();
            var link = new Anchor("admin/users", getTranslation("shell.defaultPassword.action"));
            banner.add(icon, new Span(getTranslation("shell.defaultPassword.warning", String.join(", ", unchanged))), link);
        }
    }

    /** Fired on the UI when accounts change, so the shell can recheck its warnings. */
    static final class AccountsChanged extends com.vaadin.flow.component.ComponentEvent<UI> {
        AccountsChanged(UI ui) {
            super(ui, false);
        }

        static void fire() {
            UI ui = UI.getCurrent();
            if (ui != null) {
                ComponentUtil.fireEvent(ui, new AccountsChanged(ui));
            }
        }
    }
}
