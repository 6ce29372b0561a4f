package io.actionflow.workflow;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The enabled workflows, for whoever clicks: the dispatcher finds bound workflows by key and global ones by trigger.
 * Read once and kept until a workflow changes (see {@link WorkflowVersions}).
 */
@Component
public class WorkflowDirectory {

    private final WorkflowVersions versions;

    WorkflowDirectory(WorkflowVersions versions) {
        this.versions = versions;
    }

    /** Every enabled workflow, by title then key: the stable order in which global workflows run. */
    public List<EnabledWorkflow> enabled() {
        return versions.enabled();
    }

    /** The enabled version of {@code key}, or empty when the workflow is disabled or does not exist. */
    public Optional<EnabledWorkflow> enabled(String key) {
        return versions.enabled().stream().filter(w -> w.key().equals(key)).findFirst();
    }
}
