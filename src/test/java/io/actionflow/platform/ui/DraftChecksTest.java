package io.actionflow.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.collections.CollectionDraft;
import org.junit.jupiter.api.Test;

/** A dialog's fields are checked against the draft's Bean Validation constraints, in our bundles' words. */
class DraftChecksTest {

    @Test
    void a_field_that_breaks_a_constraint_of_the_draft_is_marked_with_the_bundles_message() {
        var title = new TextField();
        var description = new TextArea();
        var checks = new DraftChecks<>(CollectionDraft.class).field("title", title).field("description", description);

        title.setValue("x".repeat(201));
        assertThat(checks.valid()).isFalse();
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Use at most 200 characters.");

        title.setValue(" ");
        assertThat(checks.valid()).isFalse();
        assertThat(title.getErrorMessage()).isEqualTo("This field is required.");

        title.setValue("Orders");
        description.setValue("y".repeat(2000));
        assertThat(checks.valid()).isTrue();
        assertThat(title.isInvalid()).isFalse();
        assertThat(title.isRequiredIndicatorVisible()).isTrue();
    }
}
