package io.actionflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowRunner;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin page of every execution (issue 17): filtered by workflow and status, opened on its canvas, admins only. */
class ExecutionsViewTest extends KaribuTest {

    @Autowired
    WorkflowService workflows;

    @Autowired
    WorkflowRunner runner;

    @Autowired
    CollectionService collections;

    @Test
    @SuppressWarnings("unchecked")
    void admin_filters_every_execution_by_workflow_and_status_and_opens_one() {
        signIn("admin");
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String logs = "runs_" + s;
        collections.create(new CollectionDraft(logs, "Runs", null, null));
        collections.addField(logs, FieldDraft.of("note", FieldType.TEXT, FieldSettings.titled("Note")));
        var writes = workflow("Writes " + s, logs, NodeDef.of("write", "create", Map.of("collection", logs, "values", Map.of("note", "x"))));
        var fails = workflow("Fails " + s, logs, NodeDef.of("stop", "end", Map.of("status", "fail")));
        long written = runner.runSync(writes.id(), Map.of(), 0).executionId();
        long failed = runner.runSync(fails.id(), Map.of(), 0).executionId();

        navigate("admin/executions");
        _get(ExecutionsView.class);
        Grid<io.actionflow.workflow.ExecutionSummary> grid = _get(Grid.class);
        assertThat(ids(grid)).contains(written, failed);

        ComboBox<WorkflowDefinition> workflow = _get(ComboBox.class, spec -> spec.withLabel("Workflow"));
        _setValue(workflow, workflow.getListDataView().getItems().filter(w -> w.key().equals(fails.key())).findFirst().orElseThrow());
        assertThat(ids(grid)).containsExactly(failed);
        assertThat(GridKt._getFormatted(grid, 0, "workflow")).isEqualTo("Fails " + s);

        workflow.clear();
        MultiSelectComboBox<ExecutionStatus> status = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Status"));
        _setValue(status, Set.of(ExecutionStatus.RESOLVED));
        assertThat(ids(grid)).contains(written).doesNotContain(failed);

        _click(_get(GridKt._getCellComponent(grid, rowOf(grid, written), "actions"), Button.class, spec -> spec.withText("Show")));
        _get(WorkflowEditorView.class);
        // its run on the workflow's canvas
        assertThat(_get(WorkflowEditorView.class).getElement().getTextRecursively()).contains("Execution " + written + ".");

        // an address with a wrong execution, or another workflow's, shows the workflow and no run
        navigate("admin/workflows/" + writes.id() + "?execution=abc");
        assertThat(_get(WorkflowEditorView.class).getElement().getTextRecursively()).doesNotContain("Click a node to see");
        navigate("admin/workflows/" + writes.id() + "?execution=" + failed);
        assertThat(_get(WorkflowEditorView.class).getElement().getTextRecursively()).doesNotContain("Execution " + failed + ".");
    }

    @Test
    void a_member_is_refused() {
        signIn("member");
        navigate("admin/executions");
        assertThat(_get(com.vaadin.flow.component.html.H2.class).getText()).isEqualTo("Access denied");
        _assertNone(ExecutionsView.class);
    }

    private WorkflowDefinition workflow(String title, String collection, NodeDef node) {
        var workflow = workflows.create(new WorkflowDraft(title, null, TriggerType.POST_ACTION, Map.of("collection", collection), true, 0));
        return workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(node)));
    }

    private static List<Long> ids(Grid<io.actionflow.workflow.ExecutionSummary> grid) {
        var ids = new java.util.ArrayList<Long>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            ids.add(GridKt._get(grid, i).id());
        }
        return ids;
    }

    private static int rowOf(Grid<io.actionflow.workflow.ExecutionSummary> grid, long id) {
        return ids(grid).indexOf(id);
    }

}
