/**
 * The shell the user sees around every page: login, main layout with navigation and profile menu,
 * error and access-denied views, and the admin views for users.
 */
package io.actionflow.platform.ui;
