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

/** The menu behind the user's name: who they are, their language, their password, and signing out. */
final class ProfileMenu {

    private final UserService users;
    private final AuthenticationContext authentication;
    private final io.actionflow.platform.ApiTokens tokens;
    private final java.time.Clock clock;

    ProfileMenu(UserService users, AuthenticationContext authentication, io.actionflow.platform.ApiTokens tokens, java.time.Clock clock) {
        this.users = users;
        this.authentication = authentication;
        this.tokens = tokens;
        this.clock = clock;
    }

    void fill(SubMenu menu, UserSummary user) {
        var who = new Div(new Span(user.displayName()), new Span("@" + user.username()));
        who.addClassName("af-profile-header");
        menu.addItem(who).setEnabled(false);

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

    private void choose(Language language) {
        users.setOwnLanguage(language);
        VaadinSession.getCurrent().setLocale(language.locale());
        UI.getCurrent().getPage().reload();
    }

    private static String t(String key) {
        return UI.getCurrent().getTranslation(key);
    }
}
