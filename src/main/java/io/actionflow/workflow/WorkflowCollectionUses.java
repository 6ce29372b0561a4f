package io.actionflow.workflow;

import io.actionflow.collections.CollectionUses;
import io.actionflow.platform.Text;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The enabled workflows triggered on a collection: it is not deleted while they would start from it. */
@Component
class WorkflowCollectionUses implements CollectionUses {

    private final WorkflowRepository workflows;
    private final WorkflowJson json;

    WorkflowCollectionUses(WorkflowRepository workflows, WorkflowJson json) {
        this.workflows = workflows;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Text> of(String collection) {
        return workflows.findByEnabledTrueOrderByTitleAscKeyAsc().stream()
                .filter(w -> collection.equals(json.readMap(w.getTriggerConfig()).get("collection")))
                .map(w -> Text.of("collection.use.workflow", w.getTitle())).toList();
    }
}
