package io.actionflow.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** The question asked before something is removed for good: cancel is always offered, confirm is red. */
public final class Confirmations {

    private Confirmations() {
    }

    public static ConfirmDialog destructive(Component owner, String header, String text, String confirmLabel, Runnable action) {
        var dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(owner.getTranslation("common.cancel"));
        dialog.setConfirmText(confirmLabel);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> action.run());
        return dialog;
    }
}
