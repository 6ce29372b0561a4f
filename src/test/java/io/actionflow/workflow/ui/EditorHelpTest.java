package io.actionflow.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.actionflow.KaribuTest;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.platform.Roles;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The editor's help (issue 14.7): variables picked by name, node keys and summaries on cards, values in typed inputs. */
class EditorHelpTest extends KaribuTest {

    @Autowired
    WorkflowService workflows;

    @Autowired
    CollectionService collections;

    @Autowired
    Roles roles;

    private String orders;

    private io.actionflow.workflow.WorkflowDefinition workflow() {
        orders = "orders_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        collections.addField(orders, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        collections.addField(orders, FieldDraft.of("stage", FieldType.SINGLE_SELECT,
                FieldSettings.titled("Stage").withOptions(List.of("New", "Done"))));
        collections.addField(orders, FieldDraft.of("lines", FieldType.TEXT, FieldSettings.titled("Lines")));
        var workflow = workflows.create(new WorkflowDraft("Settle orders", null, TriggerType.POST_ACTION,
                Map.of("collection", orders), true, 0));
        return workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(
                new NodeDef("find", "query", "Find the last order", Map.of("collection", orders,
                        "filter", List.of(Map.of("field", "amount", "op", "gt", "value", "0"))), Map.of()),
                new NodeDef("each", "loop", null, Map.of("target", "3"), Map.of("body", List.of())))));
    }

    @Test
    void cards_show_each_node_s_key_and_a_summary_of_its_settings() {
        signIn("admin");
        var workflow = workflow();
        navigate("admin/workflows/" + workflow.id());

        var find = _get(Div.class, spec -> spec.withAttribute("data-node", "find"));
        assertThat(_get(find, Span.class, spec -> spec.withClasses("af-node-key")).getText()).isEqualTo("find");
        assertThat(_get(find, Span.class, spec -> spec.withClasses("af-node-title")).getText()).isEqualTo("Find the last order");
        assertThat(_get(find, Span.class, spec -> spec.withClasses("af-node-summary")).getText()).isEqualTo("Orders · 1 condition · one record");
        var each = _get(Div.class, spec -> spec.withAttribute("data-node", "each"));
        assertThat(_get(each, Span.class, spec -> spec.withClasses("af-node-summary")).getText()).isEqualTo("3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_value_is_typed_for_its_field_refused_when_the_field_cannot_hold_it_and_variables_are_picked_by_name() {
        signIn("admin");
        var workflow = workflow();
        navigate("admin/workflows/" + workflow.id());

        // after the query, an Update record node
        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "main:1")));
        _setValue(_get(Select.class, spec -> spec.withLabel("Type")), "update");
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Collection")), orders);
        // no condition comes with the type (issue 27: it pointed at the submitted record whatever the collection)
        assertThat(fieldBoxes()).isEmpty();
        _click(_get(Button.class, spec -> spec.withText("Add a condition")));
        var fieldBox = (ComboBox<String>) fieldBoxes().getFirst();
        assertThat(fieldBox.getItemLabelGenerator().apply("amount")).as("fields by title").isEqualTo("Amount");

        // a select field's value is one of its options
        _click(_get(Button.class, spec -> spec.withText("Add a value")));
        _setValue(fieldBoxes().get(1), "stage");
        var stage = (ComboBox<String>) _get(ComboBox.class, spec -> spec.withClasses("af-setting-value"));
        assertThat(stage.getListDataView().getItems()).containsExactly("New", "Done");
        _setValue(stage, "Done");

        // a number field refuses a word, on its input, and the dialog stays open
        _click(_get(Button.class, spec -> spec.withText("Add a value")));
        _setValue(fieldBoxes().get(2), "amount");
        var amount = valueTexts().getLast();
        assertThat(amount.getPlaceholder()).startsWith("A whole number");
        _setValue(amount, "lots");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).isNotBlank();
        assertThat(_find(NodeDialog.class)).hasSize(1);
        assertThat(workflows.get(workflow.id()).graph().chain()).hasSize(2);

        // the picker beside it: the record's fields, the query's result by the node's title and key, the operator, the system
        _setValue(amount, "");
        var picker = (VariablePicker) amount.getSuffixComponent();
        assertThat(headings(picker)).contains("Record · Orders", "Operator", "Node Find the last order (find)", "System")
                .noneMatch(h -> h.startsWith("Loop"));
        assertThat(paths(picker)).contains("$context.data.amount", "$context.user.nickname", "$jobsMapByNodeKey.find.amount",
                "$system.now");
        ContextMenuKt._click(picker, item(picker, "$jobsMapByNodeKey.find.amount"));
        assertThat(amount.getValue()).isEqualTo("{{$jobsMapByNodeKey.find.amount}}");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        var saved = workflows.get(workflow.id()).graph().chain().get(1);
        assertThat(saved.type()).isEqualTo("update");
        assertThat(saved.config()).containsEntry("values", Map.of("stage", "Done", "amount", "{{$jobsMapByNodeKey.find.amount}}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void inside_a_loop_its_item_is_offered_and_a_message_gets_a_variable_added_after_its_text() {
        signIn("admin");
        var workflow = workflow();
        navigate("admin/workflows/" + workflow.id());

        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "each.body:0")));
        _setValue(_get(Select.class, spec -> spec.withLabel("Type")), "notification");
        var title = _get(TextField.class, spec -> spec.withLabel("Notification title"));
        var picker = (VariablePicker) title.getSuffixComponent();
        assertThat(paths(picker)).contains("$scopes.each.item", "$scopes.each.index", "$jobsMapByNodeKey.find.amount");
        _setValue(title, "Order");
        ContextMenuKt._click(picker, item(picker, "$context.data.id"));
        assertThat(title.getValue()).isEqualTo("Order {{$context.data.id}}");

        var users = _get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withLabel("Users to notify"));
        _setValue(users, "admin");
        var usersPicker = (VariablePicker) users.getSuffixComponent();
        ContextMenuKt._click(usersPicker, item(usersPicker, "$context.user.username"));
        assertThat(users.getValue()).as("one user per line").isEqualTo("admin\n{{$context.user.username}}");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        var loop = workflows.get(workflow.id()).graph().chain().get(1);
        assertThat(loop.branch("body").getFirst().config()).containsEntry("title", "Order {{$context.data.id}}")
                .containsEntry("users", List.of("admin", "{{$context.user.username}}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_approval_node_offers_the_workspace_s_roles_and_the_fields_by_title() {
        signIn("admin");
        String role = "auditors_" + UUID.randomUUID().toString().substring(0, 6);
        roles.create(role, "Auditors");
        workflow();
        var approval = workflows.create(new WorkflowDraft("Approve orders", null, TriggerType.APPROVAL,
                Map.of("collection", orders), false, 0));
        navigate("admin/workflows/" + approval.id());
        _click(_get(Button.class, spec -> spec.withAttribute("data-slot", "main:0")));
        _setValue(_get(Select.class, spec -> spec.withLabel("Type")), "approval");
        Select<String> everyone = _get(Select.class, spec -> spec.withLabel("Everyone with the role"));
        assertThat(everyone.getListDataView().getItems()).contains("none", "admin", "member", role);
        assertThat(everyone.getItemLabelGenerator().apply(role)).isEqualTo("Auditors");
        _setValue(everyone, role);
        MultiSelectComboBox<String> editable = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Fields approvers may change"));
        assertThat(editable.getItemLabelGenerator().apply("amount")).isEqualTo("Amount");
        _setValue(editable, java.util.Set.of("amount"));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(workflows.get(approval.id()).graph().chain().getFirst().config()).containsEntry("role", role)
                .containsEntry("editableFields", List.of("amount"));
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(_get(_get(Div.class, spec -> spec.withAttribute("data-node", "approval1")), Span.class,
                spec -> spec.withClasses("af-node-summary")).getText()).isEqualTo("everyone with the role Auditors · Any one approver approves");

        // the trigger's condition offers the trigger's variables
        _click(_get(Div.class, spec -> spec.withClasses("af-trigger-card")));
        var condition = _get(TextField.class, spec -> spec.withLabel("Only when this holds"));
        var picker = (VariablePicker) condition.getSuffixComponent();
        assertThat(paths(picker)).contains("$context.data.amount", "$context.user.id", "$context.approval.id");
        ContextMenuKt._click(picker, item(picker, "$context.data.amount"));
        _setValue(condition, condition.getValue() + " > 1000");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(workflows.versions(approval.key()).getFirst().triggerConfig()).containsEntry("condition", "{{$context.data.amount}} > 1000");
    }

    @SuppressWarnings("rawtypes")
    private static List<ComboBox> fieldBoxes() {
        return _find(ComboBox.class, spec -> spec.withClasses("af-setting-field"));
    }

    private static List<TextField> valueTexts() {
        return _find(TextField.class, spec -> spec.withClasses("af-setting-value"));
    }

    private static List<MenuItem> items(VariablePicker picker) {
        var all = new ArrayList<MenuItem>();
        for (MenuItem root : picker.getItems()) {
            for (MenuItem group : root.getSubMenu().getItems()) {
                all.add(group);
                all.addAll(group.getSubMenu().getItems());
            }
        }
        return all;
    }

    private static List<String> headings(VariablePicker picker) {
        return picker.getItems().getFirst().getSubMenu().getItems().stream()
                .map(i -> i.getElement().getTextRecursively()).toList();
    }

    private static List<String> paths(VariablePicker picker) {
        return items(picker).stream().map(i -> i.getElement().getAttribute("data-variable")).filter(java.util.Objects::nonNull).toList();
    }

    private static MenuItem item(VariablePicker picker, String path) {
        return items(picker).stream().filter(i -> path.equals(i.getElement().getAttribute("data-variable"))).findFirst().orElseThrow();
    }

}
