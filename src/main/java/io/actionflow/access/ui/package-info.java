/** The Roles page: roles, and what each may do on each collection. */
package io.actionflow.access.ui;
