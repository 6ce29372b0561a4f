/**
 * Workflow definitions, versions, executions and jobs; the engine that runs them; and the triggers that start them
 * without a click: schedules ({@code ScheduleTrigger}) and webhooks ({@code Webhooks}).
 */
package io.actionflow.workflow;
