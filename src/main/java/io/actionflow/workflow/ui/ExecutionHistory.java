package io.actionflow.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.actionflow.platform.ValidationException;
import io.actionflow.platform.ui.Notices;
import io.actionflow.platform.ui.Times;
import io.actionflow.workflow.ExecutionQuery;
import io.actionflow.workflow.ExecutionSummary;
import io.actionflow.workflow.WorkflowDefinition;
import io.actionflow.workflow.WorkflowService;
import io.actionflow.workflow.engine.ExecutionStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The executions of a workflow across its versions, newest first and paged from the database, filtered by version,
 * status, dates and test runs. Each can be shown on the canvas; failed asynchronous ones retried, waiting ones canceled.
 */
final class ExecutionHistory extends VerticalLayout {

    private static final Long ALL_VERSIONS = 0L;

    private final WorkflowService workflows;
    private final Consumer<ExecutionSummary> show;
    /** Every workflow's executions (the admin page), or one workflow's (its editor). */
    private final boolean across;
    private final com.vaadin.flow.component.combobox.ComboBox<WorkflowDefinition> workflowFilter =
            new com.vaadin.flow.component.combobox.ComboBox<>();
    private java.util.Map<String, WorkflowDefinition> byKey = java.util.Map.of();
    private final Grid<ExecutionSummary> grid = new Grid<>();
    private final Select<Long> version = new Select<>();
    private final MultiSelectComboBox<ExecutionStatus> status = new MultiSelectComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Checkbox testRuns = new Checkbox();
    private final Span count = new Span();
    private WorkflowDefinition workflow;
    private List<WorkflowDefinition> versions = List.of();

    /** One workflow's history, in its editor. */
    ExecutionHistory(WorkflowService workflows, Consumer<ExecutionSummary> show) {
        this(workflows, show, false);
    }

    /** The history of every workflow ({@code across}) or of the one shown; {@code show} opens an execution. */
    ExecutionHistory(WorkflowService workflows, Consumer<ExecutionSummary> show, boolean across) {
        this.workflows = workflows;
        this.show = show;
        this.across = across;
        setPadding(false);
        setSizeFull();
        addClassName("af-history");

        version.setLabel(getTranslation("workflows.version"));
        version.setItemLabelGenerator(v -> ALL_VERSIONS.equals(v) ? getTranslation("workflows.history.allVersions")
                : getTranslation("workflows.versionOf", v));
        status.setLabel(getTranslation("users.status"));
        status.setItems(ExecutionStatus.values());
        status.setItemLabelGenerator(s -> statusLabel(s));
        status.setPlaceholder(getTranslation("workflows.history.anyStatus"));
        from.setLabel(getTranslation("workflows.history.from"));
        to.setLabel(getTranslation("workflows.history.to"));
        testRuns.setLabel(getTranslation("workflows.history.testRuns"));
        testRuns.setValue(true);
        var reset = new Button(getTranslation("workflows.history.reset"), e -> reset());
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        count.addClassName("af-muted");
        workflowFilter.setLabel(getTranslation("executions.workflow"));
        workflowFilter.setPlaceholder(getTranslation("executions.anyWorkflow"));
        workflowFilter.setItemLabelGenerator(WorkflowDefinition::title);
        workflowFilter.setClearButtonVisible(true);
        workflowFilter.setWidth("18em");
        workflowFilter.addValueChangeListener(e -> refresh());
        var filters = new HorizontalLayout(across ? workflowFilter : version, status, from, to, testRuns, reset, count);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("af-history-filters");
        version.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        testRuns.addValueChangeListener(e -> refresh());

        grid.addColumn(ExecutionSummary::id).setHeader(getTranslation("records.id")).setAutoWidth(true).setFlexGrow(0);
        if (across) {
            grid.addColumn(e -> byKey.containsKey(e.key()) ? byKey.get(e.key()).title() : e.key()).setKey("workflow")
                    .setHeader(getTranslation("executions.workflow")).setAutoWidth(true).setResizable(true);
        }
        grid.addComponentColumn(this::statusBadge).setKey("status").setHeader(getTranslation("users.status")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("workflows.versionOf", e.version())).setHeader(getTranslation("workflows.version")).setAutoWidth(true);
        grid.addColumn(e -> Times.format(e.createdAt(), getLocale())).setHeader(getTranslation("workflows.history.started")).setAutoWidth(true);
        grid.addColumn(this::startedBy).setKey("origin").setHeader(getTranslation("workflows.history.origin")).setAutoWidth(true);
        grid.addColumn(e -> e.finishedAt() == null ? "" : took(Duration.between(e.createdAt(), e.finishedAt())))
                .setHeader(getTranslation("workflows.history.took")).setAutoWidth(true);
        grid.addColumn(e -> io.actionflow.platform.Text.format(e.error(), this::getTranslation)).setHeader(getTranslation("workflows.history.error")).setFlexGrow(1);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("workflows.history.empty"));
        grid.setSizeFull();
        add(filters, grid);
        setFlexGrow(1, grid);
    }

    /** Shows the history of this workflow's key, starting with the shown version. */
    void show(WorkflowDefinition shown, List<WorkflowDefinition> versions) {
        boolean sameKey = workflow != null && workflow.key().equals(shown.key());
        workflow = shown;
        this.versions = versions;
        version.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(ALL_VERSIONS),
                versions.stream().map(v -> (long) v.version())).toList());
        if (!sameKey || version.getValue() == null) {
            version.setValue(ALL_VERSIONS);
        }
        refresh();
    }

    /** Every workflow's executions, the workflows listed for the filter. */
    void showAll() {
        var list = workflows.list();
        byKey = list.stream().collect(java.util.stream.Collectors.toMap(WorkflowDefinition::key, w -> w, (a, b) -> a));
        workflowFilter.setItems(list);
        refresh();
    }

    private void reset() {
        workflowFilter.clear();
        version.setValue(ALL_VERSIONS);
        status.clear();
        from.clear();
        to.clear();
        testRuns.setValue(true);
    }

    void refresh() {
        if (workflow == null && !across) {
            return;
        }
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("workflows.history.toBeforeFrom"));
            return;
        }
        to.setInvalid(false);
        var query = query();
        long total = workflows.countExecutions(query);
        count.setText(getTranslation("workflows.history.count", total));
        grid.setItems(q -> workflows.executions(query, q.getPage(), q.getPageSize()).stream(), q -> (int) Math.min(total, Integer.MAX_VALUE));
    }

    private ExecutionQuery query() {
        if (across) {
            return new ExecutionQuery(workflowFilter.getValue() == null ? null : workflowFilter.getValue().key(), null,
                    status.getValue(), start(), end(), testRuns.getValue());
        }
        Long workflowId = null;
        if (version.getValue() != null && !ALL_VERSIONS.equals(version.getValue())) {
            workflowId = versions.stream().filter(v -> v.version() == version.getValue())
                    .findFirst().map(WorkflowDefinition::id).orElse(null);
        }
        return new ExecutionQuery(workflow.key(), workflowId, status.getValue(), start(), end(), testRuns.getValue());
    }

    private java.time.Instant start() {
        LocalDate start = from.getValue();
        return start == null ? null : start.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    private java.time.Instant end() {
        LocalDate end = to.getValue();
        return end == null ? null : end.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    private Component statusBadge(ExecutionSummary execution) {
        var badge = new Span(statusLabel(execution.status()));
        badge.addClassNames("af-badge", switch (execution.status()) {
            case RESOLVED -> "af-badge-success";
            case FAILED, ERROR, ABORTED, REJECTED -> "af-badge-error";
            case QUEUED, STARTED, WAITING -> "af-badge-warning";
            case CANCELED -> "af-badge-muted";
        });
        if (execution.testRun()) {
            var test = new Span(getTranslation("workflows.history.testRun"));
            test.addClassNames("af-badge", "af-badge-muted");
            return new Div(badge, test);
        }
        return new Div(badge);
    }

    /** Who and what started it: the operator, the button (or the API, or a change in the collection), the records. */
    private String startedBy(ExecutionSummary execution) {
        var origin = execution.origin();
        var parts = new java.util.ArrayList<String>();
        if (origin.operator() != null) {
            parts.add(origin.operator());
        }
        if ("SCHEDULE".equals(origin.source())) {
            parts.add(getTranslation("workflows.history.schedule", origin.label()));
        } else if ("WEBHOOK".equals(origin.source())) {
            parts.add(origin.label() == null ? getTranslation("workflows.history.webhook")
                    : getTranslation("workflows.history.webhookDelivery", origin.label()));
        } else if (origin.label() != null) {
            parts.add(origin.label());
        } else if ("API".equals(origin.source())) {
            parts.add(getTranslation("workflows.history.api"));
        } else if (origin.operator() == null && !origin.recordIds().isEmpty()) {
            parts.add(getTranslation("workflows.history.change"));
        }
        if (!origin.recordIds().isEmpty()) {
            parts.add(getTranslation("workflows.history.records", String.join(", ", origin.recordIds().stream()
                    .limit(5).map(id -> "#" + id).toList()) + (origin.recordIds().size() > 5 ? " …" : "")));
        }
        return String.join(" · ", parts);
    }

    private String statusLabel(ExecutionStatus status) {
        return getTranslation("executionStatus." + status.name().toLowerCase(Locale.ROOT));
    }

    private String took(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? getTranslation("workflows.history.millis", millis)
                : getTranslation("workflows.history.seconds", String.format(getLocale(), "%.1f", millis / 1000.0));
    }

    private Component actions(ExecutionSummary execution) {
        var open = new Button(getTranslation("workflows.history.open"), e -> show.accept(execution));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var row = new Div(open);
        row.addClassName("af-row-actions");
        var of = across ? byKey.get(execution.key()) : workflow;
        if (of != null && !of.synchronous() && !execution.testRun() && (execution.status() == ExecutionStatus.FAILED
                || execution.status() == ExecutionStatus.ERROR)) {
            var retry = new Button(getTranslation("workflows.history.retry"), e -> act(() -> workflows.retry(execution.id()),
                    "workflows.history.retried", execution.id()));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            retry.setDisableOnClick(true);
            row.add(retry);
        }
        if (!execution.status().isFinal()) {
            var cancel = new Button(getTranslation("workflows.history.cancel"), e -> act(() -> workflows.cancel(execution.id()),
                    "workflows.history.canceled", execution.id()));
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            cancel.setDisableOnClick(true);
            row.add(cancel);
        }
        return row;
    }

    private void act(Runnable action, String doneKey, long executionId) {
        try {
            action.run();
            Notices.success(getTranslation(doneKey, executionId));
        } catch (ValidationException refused) {
            refused.errors().forEach(error -> Notices.error(getTranslation(error.messageKey(), error.args().toArray())));
        }
        refresh();
    }
}
