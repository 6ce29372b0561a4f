/**
 * Pages as users see them: data blocks (table, list, form, details) and their buttons, and in design mode the controls
 * admins compose them with. Every button hands an {@code ActionRequest} to the dispatcher.
 */
package io.actionflow.pages.ui;
