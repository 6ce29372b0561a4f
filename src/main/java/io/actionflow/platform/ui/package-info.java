/**
 * The shell the user sees around every page: login, main layout with navigation and profile menu,
 * error and access-denied views, and the admin views for users. Its public pieces ({@code FormDialog},
 * {@code FieldErrors}, {@code Notices}) are shared with the views of other modules.
 */
@org.springframework.modulith.NamedInterface("ui")
package io.actionflow.platform.ui;
