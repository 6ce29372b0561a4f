/**
 * The workflow engine in plain Java: a graph of nodes, one {@link io.actionflow.workflow.engine.NodeExecutor} per
 * node type, a {@link io.actionflow.workflow.engine.Processor} that walks the graph (and replays it to resume after a
 * wait), templates and sandboxed expressions. No Spring context, no Vaadin: it is tested on its own. Its model (nodes,
 * graphs, statuses) is part of the workflow API, so other modules may use it.
 */
@org.springframework.modulith.NamedInterface("engine")
package io.actionflow.workflow.engine;
