package io.actionflow.workflow;

import io.actionflow.workflow.engine.ExecutionState;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.JobState;
import io.actionflow.workflow.engine.Processor;
import io.actionflow.workflow.engine.RunResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Service;

/**
 * Runs a workflow synchronously, in the caller's thread and transaction: what its nodes write commits or rolls back
 * with the caller. Workflows started by workflows carry their depth; past the stack limit they are aborted unrun.
 */
@Service
public class WorkflowRunner {

    /** Time limit of a synchronous execution, and how deep workflows may start workflows. */
    @ConfigurationProperties("actionflow.workflow")
    record RunnerSettings(@DefaultValue("10s") Duration syncTimeout, @DefaultValue("5") int maxDepth) {
    }

    private final WorkflowRepository workflows;
    private final Processor processor;
    private final ExecutionRecorder recorder;
    private final WorkflowJson json;
    private final RunnerSettings settings;
    private final Clock clock;

    WorkflowRunner(WorkflowRepository workflows, Processor processor, ExecutionRecorder recorder, WorkflowJson json,
            RunnerSettings settings, Clock clock) {
        this.workflows = workflows;
        this.processor = processor;
        this.recorder = recorder;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs this version now, whatever its state (test runs and the service API). */
    public RunOutcome runSync(long workflowId, Map<String, Object> context, int depth) {
        var workflow = workflows.findById(workflowId).orElseThrow(() -> new io.actionflow.platform.NotFoundException("workflow.notFound", workflowId));
        return run(workflow, context, depth, null, false);
    }

    RunOutcome run(WorkflowEntity workflow, Map<String, Object> context, int depth, Long parentId, boolean testRun) {
        long executionId = recorder.start(workflow, context, depth, parentId, testRun);
        var ran = new ArrayList<JobState>();
        RunResult result;
        if (depth > settings.maxDepth()) {
            result = new RunResult(ExecutionStatus.ABORTED, List.of(),
                    "Workflows started one another more than " + settings.maxDepth() + " levels deep.", null);
        } else {
            var state = new ExecutionState(context, workflow.isSynchronous(), clock.instant().plus(settings.syncTimeout()), List.of());
            result = processor.run(json.readGraph(workflow.getNodes()), state, ran::add);
        }
        recorder.finish(executionId, ran, result);
        return new RunOutcome(executionId, result.status(), result.messages(), result.error());
    }
}
