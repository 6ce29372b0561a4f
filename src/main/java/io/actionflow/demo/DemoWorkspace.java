package io.actionflow.demo;

import io.actionflow.access.Grant;
import io.actionflow.access.Permissions;
import io.actionflow.access.Scope;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.RecordService;
import io.actionflow.dispatch.WorkflowBinding;
import io.actionflow.pages.BlockDraft;
import io.actionflow.pages.BlockType;
import io.actionflow.pages.ButtonDefinition;
import io.actionflow.pages.ButtonDraft;
import io.actionflow.pages.ButtonKind;
import io.actionflow.pages.ButtonPlacement;
import io.actionflow.pages.ButtonStyle;
import io.actionflow.pages.FormMode;
import io.actionflow.pages.PageDefinition;
import io.actionflow.pages.PageDraft;
import io.actionflow.pages.PageService;
import io.actionflow.platform.Role;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowDraft;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start (no collections yet), a workspace that shows every workflow type on real buttons (mission.md,
 * "First run"):
 * <ul>
 * <li>Purchase requests: a global approval holds a member's request above 500, from any button or API call, for an
 * admin's approval (before save: it is written only once approved, and the admin may correct its amount); smaller ones
 * are written at once. Either way the admin is notified
 * once it is saved (asynchronous post-action).</li>
 * <li>Support tickets: Submit is checked first (a pre-action that blocks urgent tickets without a description), then
 * the admin is notified (asynchronous post-action); a row button "Escalate" runs a custom action.</li>
 * <li>Inventory items: "Mark discontinued" is an Update record button with a synchronous post-action that logs it;
 * every delete (row, selection or API) is guarded by a global pre-action that keeps items in stock; a collection
 * event keeps a stock log.</li>
 * </ul>
 * Members may read and add purchase requests and tickets (and change and escalate tickets), read, change and delete
 * inventory items, and read the stock log, which only workflows write. Switch the demo off with
 * {@code actionflow.demo.enabled=false}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class DemoWorkspace implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);

    private final CollectionService collections;
    private final RecordService records;
    private final PageService pages;
    private final WorkflowService workflows;
    private final Permissions permissions;
    private final TransactionTemplate transaction;
    private final ObjectProvider<SecurityContextHolderStrategy> contexts;
    private final boolean enabled;
    private final String admin;

    DemoWorkspace(CollectionService collections, RecordService records, PageService pages, WorkflowService workflows,
            Permissions permissions, TransactionTemplate transaction, ObjectProvider<SecurityContextHolderStrategy> contexts,
            @Value("${actionflow.demo.enabled:true}") boolean enabled,
            @Value("${actionflow.accounts.admin.username:admin}") String admin) {
        this.collections = collections;
        this.records = records;
        this.pages = pages;
        this.workflows = workflows;
        this.permissions = permissions;
        this.transaction = transaction;
        this.contexts = contexts;
        this.enabled = enabled;
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && asAdmin(() -> collections.list().stream().noneMatch(c -> !c.builtIn()))) {
            asAdmin(() -> {
                transaction.executeWithoutResult(status -> create());
                return null;
            });
            log.info("Created the demo workspace: purchase requests, support tickets and inventory items.");
        }
    }

    /** Creates the whole workspace; the names are fixed, so it can be made once. */
    public void create() {
        purchaseRequests();
        supportTickets();
        inventory();
    }

    private void purchaseRequests() {
        collections.create(new CollectionDraft("purchase_requests", "Purchase requests", "What the team wants to buy.", null));
        collections.addField("purchase_requests", FieldDraft.of("title", FieldType.TEXT, FieldSettings.titled("Title").withRequired(true)));
        collections.addField("purchase_requests", FieldDraft.of("amount", FieldType.DECIMAL, FieldSettings.titled("Amount")
                .withRequired(true).withRange(BigDecimal.ZERO, null)));
        collections.addField("purchase_requests", FieldDraft.of("status", FieldType.SINGLE_SELECT, FieldSettings.titled("Status")
                .withOptions(List.of("Submitted", "Ordered", "Received")).withDefault("Submitted")));
        collections.update("purchase_requests", new CollectionDraft("purchase_requests", "Purchase requests", "What the team wants to buy.", "title"));
        records.create("purchase_requests", Map.of("title", "Standing desk", "amount", 450));
        records.create("purchase_requests", Map.of("title", "Laptop for Ana", "amount", 1890, "status", "Ordered"));

        var notify = workflow("Tell the admin about new purchase requests", TriggerType.POST_ACTION,
                Map.of("collection", "purchase_requests"), false, List.of(
                        NodeDef.of("tell", "notification", Map.of("users", List.of(admin), "title", "New purchase request",
                                "message", "{{$context.user.nickname}} asks for {{$context.data.title}} ({{$context.data.amount}})."))));

        var ask = new NodeDef("manager", "approval", "Manager approval", Map.of("role", "admin", "agreement", "any",
                "order", "parallel", "editableFields", List.of("amount"), "onReject", "end"), Map.of());
        // global: whatever button or API call a member creates a request with, above 500 it waits for approval
        workflow("Approve purchases above 500", TriggerType.APPROVAL,
                Map.of("collection", "purchase_requests", "mode", "beforeSave", "condition", "$context.data.amount > 500",
                        "global", true, "actions", List.of("create"), "roles", List.of(Role.MEMBER_ID)), false,
                List.of(ask));

        var page = page("Purchase requests", "vaadin:cart", "purchase_requests", List.of("title", "amount", "status"));
        bind(page, BlockType.FORM, ButtonKind.SUBMIT, notify);
        bind(page, BlockType.TABLE, ButtonKind.ADD_NEW, notify);
        permissions.save(Role.MEMBER_ID, "purchase_requests", new Grant(true, true, false, false, false,
                Scope.ALL, Scope.ALL, Scope.ALL, null, null, null));
    }

    private void supportTickets() {
        collections.create(new CollectionDraft("support_tickets", "Support tickets", "Questions and problems from customers.", null));
        collections.addField("support_tickets", FieldDraft.of("subject", FieldType.TEXT, FieldSettings.titled("Subject").withRequired(true)));
        collections.addField("support_tickets", FieldDraft.of("description", FieldType.LONG_TEXT, FieldSettings.titled("Description")));
        collections.addField("support_tickets", FieldDraft.of("priority", FieldType.SINGLE_SELECT, FieldSettings.titled("Priority")
                .withOptions(List.of("Low", "Normal", "High", "Urgent")).withDefault("Normal")));
        collections.addField("support_tickets", FieldDraft.of("status", FieldType.SINGLE_SELECT, FieldSettings.titled("Status")
                .withOptions(List.of("Open", "Escalated", "Closed")).withDefault("Open")));
        collections.update("support_tickets", new CollectionDraft("support_tickets", "Support tickets", "Questions and problems from customers.", "subject"));
        records.create("support_tickets", Map.of("subject", "Printer on floor 2 jams", "priority", "High"));
        records.create("support_tickets", Map.of("subject", "Password reset for Bo", "priority", "Low", "status", "Closed"));

        var check = workflow("Urgent tickets need a description", TriggerType.PRE_ACTION,
                Map.of("collection", "support_tickets"), true, List.of(
                        new NodeDef("urgent", "condition", "Urgent without a description?", Map.of("mode", "branch",
                                "expression", "$context.data.priority == 'Urgent' and ($context.data.description == null or $context.data.description == '')"), Map.of())
                                .withBranch("yes", List.of(
                                        NodeDef.of("say", "response-message", Map.of("message", "Urgent tickets need a description, so that someone can act on them right away.")),
                                        NodeDef.of("stop", "end", Map.of("status", "fail"))))
                                .withBranch("no", List.of())));
        var notify = workflow("Tell the admin about new tickets", TriggerType.POST_ACTION,
                Map.of("collection", "support_tickets"), false, List.of(
                        NodeDef.of("tell", "notification", Map.of("users", List.of(admin), "title", "New ticket",
                                "message", "{{$context.data.subject}} ({{$context.data.priority}})"))));
        var escalate = workflow("Escalate a ticket", TriggerType.CUSTOM_ACTION,
                Map.of("collection", "support_tickets", "contextType", "single"), true, List.of(
                        NodeDef.of("raise", "update", Map.of("collection", "support_tickets",
                                "filter", List.of(Map.of("field", "id", "value", "{{$context.data.id}}")),
                                "values", Map.of("status", "Escalated", "priority", "Urgent"))),
                        NodeDef.of("say", "response-message", Map.of("message", "{{$context.data.subject}} was escalated."))));

        var page = page("Support tickets", "vaadin:lifebuoy", "support_tickets", List.of("subject", "description", "priority", "status"));
        permissions.save(Role.MEMBER_ID, "support_tickets", new Grant(true, true, true, false, true,
                Scope.ALL, Scope.ALL, Scope.ALL, null, null, null));
        bind(page, BlockType.FORM, ButtonKind.SUBMIT, check, notify);
        // the table's Add new and Edit open forms too: the same rule holds there
        bind(page, BlockType.TABLE, ButtonKind.ADD_NEW, check, notify);
        bind(page, BlockType.TABLE, ButtonKind.EDIT, check);
        var table = block(page, BlockType.TABLE);
        page = pages.addButton(table, new ButtonDraft(ButtonKind.TRIGGER_WORKFLOW, ButtonPlacement.ROW, "Escalate", "vaadin:arrow-up",
                ButtonStyle.DEFAULT, "Escalate this ticket?", null, List.of(), true, null, Map.of(), null));
        pages.bind(button(page, table, "Escalate").id(), List.of(new WorkflowBinding(escalate.key(), null)));
    }

    private void inventory() {
        collections.create(new CollectionDraft("inventory_items", "Inventory items", "What is on the shelves.", null));
        collections.addField("inventory_items", FieldDraft.of("name", FieldType.TEXT, FieldSettings.titled("Name").withRequired(true)));
        collections.addField("inventory_items", FieldDraft.of("sku", FieldType.TEXT, FieldSettings.titled("SKU").withUnique(true)));
        collections.addField("inventory_items", FieldDraft.of("quantity", FieldType.INTEGER, FieldSettings.titled("Quantity")
                .withDefault("0").withRange(BigDecimal.ZERO, null)));
        collections.addField("inventory_items", FieldDraft.of("discontinued", FieldType.BOOLEAN, FieldSettings.titled("Discontinued").withDefault("false")));
        collections.update("inventory_items", new CollectionDraft("inventory_items", "Inventory items", "What is on the shelves.", "name"));
        collections.create(new CollectionDraft("stock_log", "Stock log", "Every change of an item's quantity.", null));
        collections.addField("stock_log", FieldDraft.of("entry", FieldType.TEXT, FieldSettings.titled("Entry")));
        collections.update("stock_log", new CollectionDraft("stock_log", "Stock log", "Every change of an item's quantity.", "entry"));
        records.create("inventory_items", Map.of("name", "Label printer", "sku", "LP-100", "quantity", 4));
        records.create("inventory_items", Map.of("name", "Old scanner", "sku", "SC-001", "quantity", 0));

        // global: every delete of an item, from any button (Delete, Delete selected) or API call, is checked
        workflow("Keep items in stock", TriggerType.PRE_ACTION, Map.of("collection", "inventory_items",
                "global", true, "actions", List.of("destroy")), true, List.of(
                NodeDef.of("item", "query", Map.of("collection", "inventory_items", "filter", List.of(
                        Map.of("field", "id", "op", "in", "value", "{{$context.params.filterByTk}}"),
                        Map.of("field", "quantity", "op", "gt", "value", 0)))),
                new NodeDef("stocked", "condition", "Still in stock?", Map.of("mode", "branch",
                        "expression", "$jobsMapByNodeKey.item != null"), Map.of())
                        .withBranch("yes", List.of(
                                NodeDef.of("say", "response-message", Map.of("message",
                                        "{{$jobsMapByNodeKey.item.name}} still has {{$jobsMapByNodeKey.item.quantity}} in stock: mark it discontinued instead.")),
                                NodeDef.of("stop", "end", Map.of("status", "fail"))))
                        .withBranch("no", List.of())));
        var note = workflow("Note discontinued items", TriggerType.POST_ACTION, Map.of("collection", "inventory_items"), true, List.of(
                NodeDef.of("log", "create", Map.of("collection", "stock_log",
                        "values", Map.of("entry", "{{$context.data.name}} discontinued by {{$context.user.nickname}}"))),
                NodeDef.of("say", "response-message", Map.of("message", "{{$context.data.name}} is discontinued and noted in the stock log."))));
        workflow("Log stock changes", TriggerType.COLLECTION, Map.of("collection", "inventory_items", "on", List.of("updated"),
                "changedFields", List.of("quantity")), true, List.of(
                NodeDef.of("log", "create", Map.of("collection", "stock_log",
                        "values", Map.of("entry", "{{$context.data.name}}: {{$context.previous.quantity}} → {{$context.data.quantity}}")))));

        var page = page("Inventory", "vaadin:package", "inventory_items", List.of("name", "sku", "quantity", "discontinued"));
        permissions.save(Role.MEMBER_ID, "inventory_items", new Grant(true, true, true, true, false,
                Scope.ALL, Scope.ALL, Scope.ALL, null, null, null));
        // an audit trail: members read it, only workflows write it
        permissions.save(Role.MEMBER_ID, "stock_log", Grant.READ_ONLY);
        var table = block(page, BlockType.TABLE);
        page = pages.addButton(table, new ButtonDraft(ButtonKind.UPDATE_RECORD, ButtonPlacement.ROW, "Mark discontinued", "vaadin:ban",
                ButtonStyle.DEFAULT, "Mark this item discontinued?", null, List.of(), true, null, Map.of("discontinued", "true"), null));
        pages.bind(button(page, table, "Mark discontinued").id(), List.of(new WorkflowBinding(note.key(), null)));
    }

    private WorkflowDefinition workflow(String title, TriggerType type, Map<String, Object> trigger, boolean synchronous,
            List<NodeDef> nodes) {
        var workflow = workflows.create(new WorkflowDraft(title, null, type, trigger, synchronous, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(nodes));
        return workflows.enable(workflow.id());
    }

    /** A page with a table of the collection and a create form below it, for members and admins. */
    private PageDefinition page(String title, String icon, String collection, List<String> fields) {
        var page = pages.create(new PageDraft(title, null, icon, 1, Set.of(Role.MEMBER_ID, Role.ADMIN_ID)));
        page = pages.addBlock(page.id(), new BlockDraft(BlockType.TABLE, collection, null, 0, fields, null, 20, null));
        return pages.addBlock(page.id(), new BlockDraft(BlockType.FORM, collection, "New", 0, fields, FormMode.CREATE, 0, null));
    }

    private void bind(PageDefinition page, BlockType type, ButtonKind kind, WorkflowDefinition... bound) {
        var button = page.blocks().stream().filter(b -> b.type() == type).findFirst().orElseThrow()
                .buttons().stream().filter(b -> b.kind() == kind).findFirst().orElseThrow();
        pages.bind(button.id(), java.util.Arrays.stream(bound).map(w -> new WorkflowBinding(w.key(), null)).toList());
    }

    private static long block(PageDefinition page, BlockType type) {
        return page.blocks().stream().filter(b -> b.type() == type).findFirst().orElseThrow().id();
    }

    private static ButtonDefinition button(PageDefinition page, long blockId, String label) {
        return page.block(blockId).orElseThrow().buttons().stream().filter(b -> label.equals(b.label())).findFirst().orElseThrow();
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        var strategy = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        var before = strategy.getContext();
        var context = strategy.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Role.ADMIN_ID))));
        strategy.setContext(context);
        try {
            return work.get();
        } finally {
            strategy.setContext(before);
        }
    }
}
