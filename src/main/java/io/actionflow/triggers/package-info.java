/**
 * The trigger types (pre-action, post-action, approval, custom action, collection event, schedule, webhook) and the
 * configuration each one takes, checked against the collections it names; {@link io.actionflow.triggers.ScheduleTimes}
 * says when a schedule fires.
 */
package io.actionflow.triggers;
