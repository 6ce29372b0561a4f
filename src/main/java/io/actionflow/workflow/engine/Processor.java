package io.actionflow.workflow.engine;

import io.actionflow.platform.Text;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a workflow's graph, node by node, in the caller's thread. Jobs already recorded in the state are replayed (their
 * output reused, their branch taken again) rather than run twice, which is how an execution resumes after a wait.
 */
public final class Processor {

    private final NodeRegistry registry;
    private final Ports ports;

    public Processor(NodeRegistry registry, Ports ports) {
        this.registry = registry;
        this.ports = ports;
    }

    public RunResult run(WorkflowGraph graph, ExecutionState state, JobSink sink) {
        var walk = new Walk(state, sink);
        Step step;
        try {
            step = walk.chain(graph.chain(), new Frame("", Map.of()));
        } catch (ErrorInNode e) {
            return result(ExecutionStatus.ERROR, state, e.getMessage(), null);
        }
        return switch (step) {
            case Step.Proceed p -> result(ExecutionStatus.RESOLVED, state, null, null);
            case Step.Ended e -> new RunResult(e.status(), List.copyOf(state.messages()), null, null,
                    e.status() == ExecutionStatus.RESOLVED, state.submitted(), state.response());
            case Step.Failed f -> result(f.status(), state, f.error(), null);
            case Step.Waiting w -> result(ExecutionStatus.WAITING, state, null, w.until());
        };
    }

    private static RunResult result(ExecutionStatus status, ExecutionState state, String error, Instant resumeAt) {
        return new RunResult(status, List.copyOf(state.messages()), error, resumeAt, false, state.submitted(), state.response());
    }

    /** How walking a chain ended. */
    private sealed interface Step {
        record Proceed() implements Step {
        }

        record Ended(ExecutionStatus status) implements Step {
        }

        record Failed(ExecutionStatus status, String error) implements Step {
        }

        record Waiting(Instant until) implements Step {
        }
    }

    /** Where in the loops a node runs: the job key suffix and the {@code $scopes} it sees. */
    private record Frame(String suffix, Map<String, Object> scopes) {

        String jobKey(String nodeKey) {
            return nodeKey + suffix;
        }

        Frame iteration(String loopKey, int index, Object item) {
            var inner = new LinkedHashMap<>(scopes);
            var scope = new HashMap<String, Object>();
            scope.put("item", item);
            scope.put("index", index);
            inner.put(loopKey, scope);
            return new Frame(suffix + "@" + loopKey + ":" + index, inner);
        }
    }

    private final class Walk {

        private final ExecutionState state;
        private final JobSink sink;
        private final Map<String, Object> outputs = new LinkedHashMap<>();

        Walk(ExecutionState state, JobSink sink) {
            this.state = state;
            this.sink = sink;
        }

        Step chain(List<NodeDef> nodes, Frame frame) {
            for (NodeDef node : nodes) {
                if (state.deadline() != null && ports.clock().instant().isAfter(state.deadline())) {
                    return new Step.Failed(ExecutionStatus.ABORTED, Text.of("workflow.error.timeLimit", node.key()).encoded());
                }
                Step step = node(node, frame);
                if (!(step instanceof Step.Proceed)) {
                    return step;
                }
            }
            return new Step.Proceed();
        }

        private Step node(NodeDef node, Frame frame) {
            String jobKey = frame.jobKey(node.key());
            JobState recorded = state.jobs().get(jobKey);
            NodeResult result;
            if (recorded != null && recorded.status() == JobStatus.RESOLVED) {
                result = replay(recorded);
            } else if (recorded != null && recorded.status() == JobStatus.WAITING) {
                if (recorded.resumeAt() != null && ports.clock().instant().isBefore(recorded.resumeAt())
                        && !registry.get(node.type()).wakesEarly()) {
                    return new Step.Waiting(recorded.resumeAt());
                }
                result = run(node, frame, jobKey, recorded);
            } else if (recorded != null) {
                return new Step.Failed(ExecutionStatus.FAILED, recorded.error());
            } else {
                result = run(node, frame, jobKey, null);
            }
            return follow(node, frame, result);
        }

        private Step follow(NodeDef node, Frame frame, NodeResult result) {
            return switch (result) {
                case NodeResult.Continue c -> {
                    outputs.put(node.key(), c.output());
                    yield new Step.Proceed();
                }
                case NodeResult.Branch b -> {
                    outputs.put(node.key(), b.output());
                    yield chain(node.branch(b.branch()), frame);
                }
                case NodeResult.Repeat r -> {
                    outputs.put(node.key(), r.output());
                    for (int i = 0; i < r.items().size(); i++) {
                        Step step = chain(node.branch("body"), frame.iteration(node.key(), i, r.items().get(i)));
                        if (!(step instanceof Step.Proceed)) {
                            yield step;
                        }
                    }
                    yield new Step.Proceed();
                }
                case NodeResult.Wait w -> new Step.Waiting(w.until());
                case NodeResult.End e -> {
                    outputs.put(node.key(), e.output());
                    yield new Step.Ended(e.success() ? ExecutionStatus.RESOLVED : ExecutionStatus.FAILED);
                }
                case NodeResult.Reject r -> {
                    outputs.put(node.key(), r.output());
                    yield new Step.Ended(ExecutionStatus.REJECTED);
                }
                case NodeResult.Fail f -> new Step.Failed(ExecutionStatus.FAILED, f.message());
            };
        }

        /** A job that ran before: the same result again, without running the node. */
        private NodeResult replay(JobState job) {
            if (job.branch() == null) {
                return new NodeResult.Continue(job.output());
            }
            if (job.branch().startsWith("repeat:")) {
                @SuppressWarnings("unchecked")
                List<Object> items = job.output() instanceof Map<?, ?> m && m.get("items") instanceof List<?> l
                        ? (List<Object>) l : List.of();
                return new NodeResult.Repeat(items, job.output());
            }
            if (job.branch().equals("end:rejected")) {
                return new NodeResult.Reject(job.output());
            }
            if (job.branch().startsWith("end:")) {
                return new NodeResult.End(job.branch().equals("end:success"), job.output());
            }
            return new NodeResult.Branch(job.branch(), job.output());
        }

        private NodeResult run(NodeDef node, Frame frame, String jobKey, JobState waited) {
            long started = System.nanoTime();
            Map<String, Object> variables = variables(frame);
            Object input = null;
            NodeResult result;
            JobStatus status;
            String error = null;
            try {
                NodeExecutor executor = registry.get(node.type());
                @SuppressWarnings("unchecked")
                Map<String, Object> config = (Map<String, Object>) Templates.render(settingsToFill(node, executor), variables);
                for (String own : executor.filledByNode()) {
                    // the history shows these as written; the node fills them in
                    if (node.config().containsKey(own)) {
                        config.put(own, node.config().get(own));
                    }
                }
                input = config;
                var context = new NodeContext(node, jobKey, config, variables, ports, state.synchronous(), state.messages(), state);
                result = waited == null ? executor.execute(context) : executor.resume(context, waited);
                status = switch (result) {
                    case NodeResult.Wait w -> JobStatus.WAITING;
                    case NodeResult.Fail f -> JobStatus.FAILED;
                    case NodeResult.End e -> e.success() ? JobStatus.RESOLVED : JobStatus.FAILED;
                    default -> JobStatus.RESOLVED;
                };
                if (result instanceof NodeResult.Fail f) {
                    error = f.message();
                }
            } catch (NodeFailure e) {
                error = e.text().encoded();
                result = new NodeResult.Fail(error);
                status = JobStatus.FAILED;
            } catch (Exception e) {
                error = Text.of("workflow.error.crashed", node.key(), node.type(),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()).encoded();
                result = new NodeResult.Fail(error);
                status = JobStatus.ERROR;
            }
            long micros = (System.nanoTime() - started) / 1000;
            var job = new JobState(jobKey, node.key(), status, input, output(result), branch(result),
                    result instanceof NodeResult.Wait w ? w.until() : null, error, micros);
            state.jobs().put(jobKey, job);
            sink.record(job);
            if (status == JobStatus.ERROR) {
                throw new ErrorInNode(error);
            }
            return result;
        }

        /** The node's settings but its expressions and those it fills in itself, which are never filled in as text. */
        private static Map<String, Object> settingsToFill(NodeDef node, NodeExecutor executor) {
            if (executor.expressions().isEmpty() && executor.filledByNode().isEmpty()) {
                return node.config();
            }
            var settings = new java.util.LinkedHashMap<>(node.config());
            executor.expressions().forEach(settings::remove);
            executor.filledByNode().forEach(settings::remove);
            return settings;
        }

        private Map<String, Object> variables(Frame frame) {
            var variables = new HashMap<String, Object>();
            variables.put("$context", state.context());
            variables.put("$jobsMapByNodeKey", java.util.Collections.unmodifiableMap(outputs));
            variables.put("$scopes", frame.scopes());
            variables.put("$system", Map.of("now", ports.clock().instant().toString()));
            return variables;
        }
    }

    private static Object output(NodeResult result) {
        return switch (result) {
            case NodeResult.Continue c -> c.output();
            case NodeResult.Branch b -> b.output();
            case NodeResult.Repeat r -> Map.of("items", r.items(), "count", r.items().size());
            case NodeResult.Wait w -> w.output();
            case NodeResult.End e -> e.output();
            case NodeResult.Reject r -> r.output();
            case NodeResult.Fail f -> null;
        };
    }

    private static String branch(NodeResult result) {
        return switch (result) {
            case NodeResult.Branch b -> b.branch();
            case NodeResult.Repeat r -> "repeat:" + r.items().size();
            case NodeResult.End e -> e.success() ? "end:success" : "end:fail";
            case NodeResult.Reject r -> "end:rejected";
            default -> null;
        };
    }

    /** An unexpected failure inside a node: the execution ends in ERROR. */
    private static final class ErrorInNode extends RuntimeException {
        ErrorInNode(String message) {
            super(message, null, false, false);
        }
    }
}
