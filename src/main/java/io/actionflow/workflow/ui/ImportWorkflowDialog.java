package io.actionflow.workflow.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.FormDialog;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowService;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Imports a workflow from a document that Export made: pasted, or read from a file. It becomes a new version of its
 * key (or a new workflow), not enabled; a document that is not valid is refused with its problems and nothing is saved.
 */
final class ImportWorkflowDialog extends FormDialog {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final WorkflowService workflows;
    private final Consumer<WorkflowDefinition> onImported;
    private final TextArea document = new TextArea();

    ImportWorkflowDialog(WorkflowService workflows, Consumer<WorkflowDefinition> onImported) {
        super(null);
        this.workflows = workflows;
        this.onImported = onImported;
        setHeaderTitle(getTranslation("workflows.import"));
        setWidth("min(720px, 95vw)");
        document.setLabel(getTranslation("workflows.import.document"));
        document.setHelperText(getTranslation("workflows.import.help"));
        document.setMinHeight("14em");
        document.setMaxLength(MAX_BYTES);
        document.addClassName("af-code");
        var file = new Upload(UploadHandler.inMemory((metadata, data) -> {
            String text = new String(data, StandardCharsets.UTF_8);
            UI ui = getUI().orElse(null);
            if (ui != null) {
                ui.access(() -> document.setValue(text));
            }
        }));
        file.setMaxFiles(1);
        file.setMaxFileSize(MAX_BYTES);
        file.setAcceptedFileTypes("application/json", ".json");
        file.setDropLabel(new com.vaadin.flow.component.html.Span(getTranslation("workflows.import.drop")));
        file.addFileRejectedListener(e -> {
            document.setInvalid(true);
            document.setErrorMessage(getTranslation("workflows.import.fileRefused", e.getFileName()));
        });
        errors.bind("document", document);
        form.add(file, document);
    }

    @Override
    protected void save() {
        if (document.getValue().isBlank()) {
            throw new ValidationException(FieldError.of("document", "validation.required"));
        }
        WorkflowDefinition imported;
        try {
            imported = workflows.importJson(document.getValue());
        } catch (ValidationException refused) {
            // every problem belongs to the document, whatever part of it is wrong
            throw new ValidationException(refused.errors().stream()
                    .map(e -> FieldError.of("document", e.messageKey(), e.args().toArray())).toList());
        }
        onImported.accept(imported);
    }
}
