/**
 * Workflow trigger types (pre-action, post-action, custom action, collection event) and their configuration.
 */
package io.actionflow.triggers;
