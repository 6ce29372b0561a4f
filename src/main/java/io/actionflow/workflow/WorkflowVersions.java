package io.actionflow.workflow;

import io.actionflow.platform.CommittedCache;
import io.actionflow.platform.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Workflow versions ready to run, read once and kept until a workflow changes (see {@link CommittedCache}). */
@Component
class WorkflowVersions {

    private final WorkflowRepository workflows;
    private final WorkflowJson json;
    private final CommittedCache<Long, Optional<WorkflowVersion>> cache;
    private final CommittedCache<Boolean, java.util.List<EnabledWorkflow>> enabled;

    WorkflowVersions(WorkflowRepository workflows, WorkflowJson json, Clock clock,
            @Value("${actionflow.workflow.definitions-ttl:5s}") Duration ttl) {
        this.workflows = workflows;
        this.json = json;
        this.cache = new CommittedCache<>(ttl, clock, 10_000);
        this.enabled = new CommittedCache<>(ttl, clock, 1);
    }

    java.util.List<EnabledWorkflow> enabled() {
        return enabled.get(Boolean.TRUE, () -> workflows.findByEnabledTrueOrderByTitleAscKeyAsc().stream()
                .map(e -> new EnabledWorkflow(e.getId(), e.getKey(), e.getNumber(), e.getTitle(), e.getTriggerType(),
                        e.isSynchronous(), io.actionflow.triggers.TriggerConfig.read(e.getTriggerType(), json.readMap(e.getTriggerConfig()))))
                .toList());
    }

    WorkflowVersion require(long id) {
        return cache.get(id, () -> workflows.findById(id).map(this::version))
                .orElseThrow(() -> new NotFoundException("workflow.notFound", id));
    }

    WorkflowVersion version(WorkflowEntity entity) {
        return new WorkflowVersion(entity.getId(), entity.getKey(), entity.getNumber(), entity.isSynchronous(),
                entity.getRetries(), json.readGraph(entity.getNodes()), entity.getTriggerType());
    }

    /** The current transaction changes workflows. */
    void changing() {
        cache.changing();
        enabled.changing();
    }
}
