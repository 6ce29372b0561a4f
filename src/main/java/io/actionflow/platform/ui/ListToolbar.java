package io.actionflow.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The bar above an admin list: what the list is for, and the button that creates a new entry. */
public final class ListToolbar {

    private ListToolbar() {
    }

    public static HorizontalLayout of(String intro, String createLabel, Runnable create) {
        var text = new Span(intro);
        text.addClassName("af-muted");
        var button = new Button(createLabel, VaadinIcon.PLUS.create(), e -> create.run());
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return of(text, button);
    }

    static HorizontalLayout of(Component start, Component end) {
        var toolbar = new HorizontalLayout(start, end);
        toolbar.setWidthFull();
        toolbar.expand(start);
        toolbar.addClassName("af-toolbar");
        return toolbar;
    }
}
