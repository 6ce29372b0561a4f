/**
 * The trigger types (pre-action, post-action, approval, custom action, collection event) and the configuration each
 * one takes, checked against the collections it names.
 */
package io.actionflow.triggers;
