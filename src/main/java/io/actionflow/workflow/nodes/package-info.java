/** One class per node type: what each kind of step in a workflow does. */
package io.actionflow.workflow.nodes;
