package io.actionflow.platform.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.router.HasDynamicTitle;

/** A centred message with an icon and a way back home: the body of every error page. */
abstract class MessagePage extends Div implements HasDynamicTitle {

    private String title = "";

    MessagePage() {
        addClassName("af-message-page");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    protected void show(String icon, String title, String message) {
        this.title = title;
        removeAll();
        String[] parts = icon.split(":", 2);
        var symbol = new Icon(parts[0], parts[1]);
        symbol.addClassName("af-message-icon");
        var home = new Anchor("", getTranslation("error.backHome"));
        home.addClassName("af-message-link");
        add(symbol, new H2(title), new Paragraph(message), home);
    }
}
