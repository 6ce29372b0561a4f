package io.actionflow.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** The question asked before something is removed for good (confirm is red) or changed for everyone: cancel is always offered. */
public final class Confirmations {

    private Confirmations() {
    }

    public static ConfirmDialog destructive(Component owner, String header, String text, String confirmLabel, Runnable action) {
        var dialog = ask(owner, header, text, confirmLabel, action);
        dialog.setConfirmButtonTheme("error primary");
        return dialog;
    }

    /** A question whose answer changes what others get (a rule that runs everywhere), not one that loses anything. */
    public static ConfirmDialog ask(Component owner, String header, String text, String confirmLabel, Runnable action) {
        var dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(owner.getTranslation("common.cancel"));
        dialog.setConfirmText(confirmLabel);
        dialog.setConfirmButtonTheme("primary");
        dialog.addConfirmListener(e -> action.run());
        return dialog;
    }
}
