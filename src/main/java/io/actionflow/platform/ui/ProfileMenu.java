package io.actionflow.platform.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.actionflow.platform.Language;
import io.actionflow.platform.UserService;
import io.actionflow.platform.UserSummary;

/**
 * The menu behind the user's name: who they are, the role they act with (when they hold several), their language,
 * their password, and signing out.
 */
final class ProfileMenu {

    private final UserService users;
    private final AuthenticationContext authentication;
    private final io.actionflow.platform.ApiTokens tokens;
    private final java.time.Clock clock;
    private final io.actionflow.platform.CurrentUser currentUser;
    private final io.actionflow.platform.Roles roles;

    ProfileMenu(UserService users, AuthenticationContext authentication, io.actionflow.platform.ApiTokens tokens, java.time.Clock clock,
            io.actionflow.platform.CurrentUser currentUser, io.actionflow.platform.Roles roles) {
        this.users = users;
        this.authentication = authentication;
        this.tokens = tokens;
        this.clock = clock;
        this.currentUser = currentUser;
        this.roles = roles;
    }

    void fill(SubMenu menu, UserSummary user) {
        var who = new Div(new Span(user.displayName()), new Span("@" + user.username()));
        who.addClassName("af-profile-header");
        menu.addItem(who).setEnabled(false);

        var held = roles.list().stream().map(io.actionflow.platform.RoleDefinition::id).filter(currentUser.heldRoles()::contains).toList();
        if (held.size() > 1) {
            String acting = currentUser.actingRole().orElse(null);
            var actAs = menu.addItem(UI.getCurrent().getTranslation("profile.actAs", roles.label(acting, ProfileMenu::t)));
            actAs.addClassName("af-act-as");
            var choices = actAs.getSubMenu();
            for (String role : held) {
                var item = choices.addItem(roles.label(role, ProfileMenu::t), e -> actAs(role));
                item.setCheckable(true);
                item.setChecked(role.equals(acting));
            }
        }

        var language = menu.addItem(t("profile.language")).getSubMenu();
        var current = Language.of(UI.getCurrent().getLocale()).orElse(Language.ENGLISH);
        for (Language option : Language.values()) {
            var item = language.addItem(option.nativeName(), e -> choose(option));
            item.setCheckable(true);
            item.setChecked(option == current);
        }
        menu.addItem(t("profile.changePassword"), e -> PasswordDialog.changeOwn(users, MainLayout.AccountsChanged::fire).open());
        menu.addItem(t("profile.apiTokens"), e -> new ApiTokensDialog(tokens, user.username(), clock).open());
        menu.addSeparator();
        menu.addItem(t("profile.signOut"), e -> authentication.logout());
    }

    /** Acts with another of the user's roles from now on, in this session: the whole application follows it. */
    private void actAs(String role) {
        currentUser.switchTo(role).ifPresent(context -> {
            var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
            var response = com.vaadin.flow.server.VaadinServletResponse.getCurrent();
            if (request != null && response != null) {
                new org.springframework.security.web.context.HttpSessionSecurityContextRepository()
                        .saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
            }
            UI.getCurrent().getPage().setLocation("/");
        });
    }

    private void choose(Language language) {
        users.setOwnLanguage(language);
        VaadinSession.getCurrent().setLocale(language.locale());
        UI.getCurrent().getPage().reload();
    }

    private static String t(String key) {
        return UI.getCurrent().getTranslation(key);
    }
}
