package io.actionflow.dispatch;

/** A workflow bound to a button or a call, by its key; {@code associationPath} names a to-one relation, or is null. */
public record WorkflowBinding(String workflowKey, String associationPath) {
}
