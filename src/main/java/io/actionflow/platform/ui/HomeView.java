package io.actionflow.platform.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.actionflow.platform.UserService;
import jakarta.annotation.security.PermitAll;

/** The landing page after sign-in. */
@Route("")
@PermitAll
class HomeView extends Div implements HasDynamicTitle {

    private final UserService users;
    private final H2 greeting = new H2();

    HomeView(UserService users) {
        this.users = users;
        addClassName("af-home");
        var intro = new Paragraph(getTranslation("home.intro"));
        intro.addClassName("af-muted");
        add(greeting, intro);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        users.current().ifPresent(u -> greeting.setText(getTranslation("home.welcome", u.displayName())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
