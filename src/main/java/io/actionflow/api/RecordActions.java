package io.actionflow.api;

import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.FilterJson;
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.StoredRecord;
import io.actionflow.dispatch.Action;
import io.actionflow.dispatch.ActionDispatcher;
import io.actionflow.dispatch.ActionRequest;
import io.actionflow.dispatch.ActionResult;
import io.actionflow.dispatch.ActionSource;
import io.actionflow.dispatch.WorkflowBinding;
import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.FieldError;
import io.actionflow.platform.Text;
import io.actionflow.platform.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Record actions in the seeds' {@code resource:action} style: {@code POST /api/<collection>:create}, {@code :update},
 * {@code :destroy}, {@code :trigger[/<id>]}, {@code GET :list} and {@code :get}, and {@code POST /api/workflows:trigger}.
 * Every write builds the same {@link ActionRequest} as a click and goes through the dispatcher, so bound
 * ({@code triggerWorkflows=key1,key2!association}) and global workflows fire exactly as for the UI.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class RecordActions {

    /** The largest body a call may send. */
    static final int MAX_BODY = ApiBodies.MAX_BODY;
    private static final int MAX_PAGE_SIZE = 500;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ActionDispatcher dispatcher;
    private final CollectionService collections;
    private final CurrentUser currentUser;
    private final ApiErrors errors;
    private final Idempotency idempotency;

    private final io.actionflow.access.Access access;

    RecordActions(ActionDispatcher dispatcher, CollectionService collections, CurrentUser currentUser,
            ApiErrors errors, Idempotency idempotency, io.actionflow.access.Access access) {
        this.access = access;
        this.dispatcher = dispatcher;
        this.collections = collections;
        this.currentUser = currentUser;
        this.errors = errors;
        this.idempotency = idempotency;
    }

    @GetMapping("/api/{call}")
    ResponseEntity<Object> read(@PathVariable String call, HttpServletRequest request) {
        var target = Target.of(call, null);
        var collection = collection(target.resource());
        if (collection.builtIn() && !currentUser.isAdmin()) {
            // the accounts behind a built-in collection are for admins to read
            throw new ApiExceptions.Refused(HttpStatus.FORBIDDEN, "api.forbidden");
        }
        var reader = access.reader();
        if (List.of("list", "get").contains(target.action()) && !reader.may(collection.name(), io.actionflow.access.Act.VIEW)) {
            throw new ApiExceptions.Refused(HttpStatus.FORBIDDEN, "access.denied", new Text("access.act.view", List.of()), collection.title());
        }
        return switch (target.action()) {
            case "list" -> list(collection, request, reader);
            case "get" -> get(collection, request, reader);
            case "create", "update", "destroy", "trigger" -> throw new ApiExceptions.Refused(HttpStatus.METHOD_NOT_ALLOWED, "api.method", target.action(), "POST");
            default -> throw new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.action.unknown", target.action());
        };
    }

    @PostMapping("/api/{call}")
    ResponseEntity<Object> write(@PathVariable String call, HttpServletRequest request) throws IOException {
        return write(Target.of(call, null), request);
    }

    @PostMapping("/api/{call}/{id}")
    ResponseEntity<Object> writeOne(@PathVariable String call, @PathVariable String id, HttpServletRequest request) throws IOException {
        return write(Target.of(call, id), request);
    }

    private ResponseEntity<Object> write(Target target, HttpServletRequest request) throws IOException {
        byte[] body = ApiBodies.read(request);
        if (target.action().equals("list") || target.action().equals("get")) {
            throw new ApiExceptions.Refused(HttpStatus.METHOD_NOT_ALLOWED, "api.method", target.action(), "GET");
        }
        if (!List.of("create", "update", "destroy", "trigger").contains(target.action())) {
            throw new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.action.unknown", target.action());
        }
        if (target.id() != null && !target.action().equals("trigger")) {
            throw new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.action.unknown", target.action() + "/" + target.id());
        }
        boolean noContext = target.resource().equals("workflows") && target.action().equals("trigger");
        CollectionDefinition collection = noContext ? null : collection(target.resource());
        if (collection != null && collection.builtIn()) {
            throw new ApiExceptions.Refused(HttpStatus.FORBIDDEN, "api.collection.builtIn", collection.name());
        }
        Locale locale = ApiLocale.of(request);
        return idempotency.once(request, body, () -> {
            Map<String, Object> values = target.action().equals("destroy") ? Map.of() : ApiBodies.object(body, request.getContentType());
            List<Long> ids = ids(request, target);
            // named twice (triggerWorkflows=a&triggerWorkflows=b) is as named once with both, in order
            String[] named = request.getParameterValues("triggerWorkflows");
            var bindings = bindings(named == null ? null : String.join(",", named));
            if (noContext && bindings.isEmpty()) {
                throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.trigger.workflows");
            }
            Action action = switch (target.action()) {
                case "create" -> Action.CREATE;
                case "update" -> Action.UPDATE;
                case "destroy" -> Action.DESTROY;
                default -> Action.TRIGGER;
            };
            if (action == Action.CREATE && values.isEmpty()) {
                // an empty body, null or {} would make an empty record that nobody meant
                throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.body.empty");
            }
            if ((action == Action.UPDATE || action == Action.DESTROY) && ids.isEmpty()) {
                throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.filterByTk.required", target.action());
            }
            var result = dispatcher.dispatch(new ActionRequest(collection == null ? null : collection.name(), action, ids, values,
                    bindings, currentUser.username().orElse(null), role(request), ActionSource.API, null));
            return answer(result, action, locale, collection == null ? null : collection.name());
        });
    }

    private ResponseEntity<Object> answer(ActionResult result, Action action, Locale locale, String collection) {
        var reader = access.reader();
        var messages = result.messages().stream().map(m -> m.format((key, args) -> errors.say(new Text(key, List.of(args)), locale)))
                .toList();
        var body = new LinkedHashMap<String, Object>();
        return switch (result) {
            case ActionResult.Done done -> {
                body.put("data", switch (action) {
                    case CREATE -> done.records().isEmpty() ? null : visible(reader, collection, done.records().getFirst());
                    case UPDATE -> done.records().size() == 1 ? visible(reader, collection, done.records().getFirst())
                            : done.records().stream().map(r -> visible(reader, collection, r)).toList();
                    default -> null;
                });
                if (!messages.isEmpty()) {
                    body.put("messages", messages.stream().map(m -> ApiErrors.entry(null, m)).toList());
                }
                yield ResponseEntity.ok(body);
            }
            case ActionResult.Stopped stopped -> {
                body.put("messages", messages.stream().map(m -> ApiErrors.entry(null, m)).toList());
                yield ResponseEntity.ok(body);
            }
            case ActionResult.Held held -> {
                body.put("data", Map.of("approvals", held.approvals()));
                body.put("messages", messages.stream().map(m -> ApiErrors.entry(null, m)).toList());
                yield ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
            }
            case ActionResult.Invalid invalid -> {
                var list = new ArrayList<Map<String, Object>>();
                invalid.errors().forEach(e -> list.add(ApiErrors.entry(e.field(), errors.say(new Text(e.messageKey(), e.args()), locale))));
                messages.forEach(m -> list.add(ApiErrors.entry(null, m)));
                yield ApiErrors.errors(HttpStatus.BAD_REQUEST, list);
            }
            case ActionResult.Forbidden forbidden -> ApiErrors.errors(HttpStatus.FORBIDDEN,
                    messages.stream().map(m -> ApiErrors.entry(null, m)).toList());
            case ActionResult.NotFound missing -> ApiErrors.errors(HttpStatus.NOT_FOUND,
                    messages.stream().map(m -> ApiErrors.entry(null, m)).toList());
            case ActionResult.Blocked blocked -> ApiErrors.errors(HttpStatus.BAD_REQUEST,
                    messages.stream().map(m -> ApiErrors.entry(null, m)).toList());
        };
    }

    private ResponseEntity<Object> list(CollectionDefinition collection, HttpServletRequest request, io.actionflow.access.Access.Reader reader) {
        int page = number(request.getParameter("page"), 1, 1, 1_000_000, "page");
        int pageSize = number(request.getParameter("pageSize"), 20, 1, MAX_PAGE_SIZE, "pageSize");
        var filter = FilterJson.read(request.getParameter("filter"));
        var sorts = new ArrayList<RecordQuery.Sort>();
        String sort = request.getParameter("sort");
        if (sort != null && !sort.isBlank()) {
            for (String part : sort.split(",")) {
                String name = part.strip();
                boolean descending = name.startsWith("-");
                name = descending ? name.substring(1) : name;
                if (!name.equals("id") && (collection.field(name).isEmpty() || !reader.reads(collection.name(), name))) {
                    throw new ValidationException(FieldError.of("sort", "api.sort.invalid", name));
                }
                sorts.add(descending ? RecordQuery.Sort.desc(name) : RecordQuery.Sort.asc(name));
            }
        }
        if (sorts.isEmpty()) {
            sorts.add(RecordQuery.Sort.asc("id"));
        }
        var appends = appends(collection, appendsParameter(request), reader);
        long count = reader.count(collection.name(), filter);
        var rows = reader.find(collection.name(), new RecordQuery(filter, sorts, (page - 1) * pageSize, pageSize)).stream()
                .map(r -> withAppends(collection.name(), r, appends, reader)).toList();
        var meta = new LinkedHashMap<String, Object>();
        meta.put("count", count);
        meta.put("page", page);
        meta.put("pageSize", pageSize);
        meta.put("totalPage", (count + pageSize - 1) / pageSize);
        var body = new LinkedHashMap<String, Object>();
        body.put("data", rows);
        body.put("meta", meta);
        return ResponseEntity.ok(body);
    }

    private ResponseEntity<Object> get(CollectionDefinition collection, HttpServletRequest request, io.actionflow.access.Access.Reader reader) {
        var ids = ids(request, new Target(collection.name(), "get", null));
        if (ids.size() != 1) {
            throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.filterByTk.required", "get");
        }
        // a record outside what the reader may see is not found, whether it exists or not
        var record = reader.get(collection.name(), ids.getFirst())
                .orElseThrow(() -> new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "record.notFound", collection.title(), ids.getFirst()));
        return ResponseEntity.ok(Map.of("data", withAppends(collection.name(), record, appends(collection, appendsParameter(request), reader), reader)));
    }

    /** {@code appends=a,b}, {@code appends=a&appends=b} or {@code appends[]=a&appends[]=b}, as the seeds' clients send it. */
    private static String appendsParameter(HttpServletRequest request) {
        var names = new ArrayList<String>();
        for (String parameter : List.of("appends", "appends[]")) {
            String[] values = request.getParameterValues(parameter);
            if (values != null) {
                names.addAll(List.of(values));
            }
        }
        return String.join(",", names);
    }

    /** The relations named in {@code appends}: a to-one one loaded as its record instead of an id, a to-many one as its rows. */
    private static List<FieldDefinition> appends(CollectionDefinition collection, String appends, io.actionflow.access.Access.Reader reader) {
        if (appends == null || appends.isBlank()) {
            return List.of();
        }
        var fields = new ArrayList<FieldDefinition>();
        for (String name : appends.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            var field = collection.field(name.strip()).filter(f -> f.type().isRelation())
                    .filter(f -> reader.reads(collection.name(), f.name()))
                    .orElseThrow(() -> new ValidationException(FieldError.of("appends", "api.appends.invalid", name.strip())));
            fields.add(field);
        }
        return fields;
    }

    /** The related records named in {@code appends}, as the reader may see them (of an account, only its name). */
    private Map<String, Object> withAppends(String collection, StoredRecord record, List<FieldDefinition> appends,
            io.actionflow.access.Access.Reader reader) {
        var json = json(record);
        for (FieldDefinition field : appends) {
            if (field.type() == FieldType.ONE_TO_MANY) {
                json.put(field.name(), reader.children(collection, record.id(), field.name()).stream().map(RecordActions::json).toList());
            } else if (record.get(field.name()) instanceof Number id) {
                json.put(field.name(), reader.get(field.target(), id.longValue()).map(RecordActions::json).orElse(null));
            }
        }
        return json;
    }

    /**
     * A record the call wrote, as the caller may read it: without the fields they may not read, and only its id when
     * they may not read it at all (no view permission, or outside the records they see).
     */
    private static Map<String, Object> visible(io.actionflow.access.Access.Reader reader, String collection, StoredRecord record) {
        boolean all = reader.visibility().records(collection) instanceof io.actionflow.collections.Filter.All;
        var readable = reader.may(collection, io.actionflow.access.Act.VIEW)
                ? all ? java.util.Optional.of(reader.shown(collection, record)) : reader.get(collection, record.id())
                : java.util.Optional.<StoredRecord>empty();
        return readable.map(RecordActions::json).orElseGet(() -> {
            var id = new LinkedHashMap<String, Object>();
            id.put("id", record.id());
            return id;
        });
    }

    static Map<String, Object> json(StoredRecord record) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", record.id());
        json.putAll(record.values());
        if (record.createdAt() != null) {
            json.put("createdAt", record.createdAt());
            json.put("updatedAt", record.updatedAt());
            json.put("createdById", record.createdBy());
        }
        return json;
    }

    private CollectionDefinition collection(String name) {
        return collections.find(name).orElseThrow(() -> new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.collection.unknown", name));
    }

    /** {@code filterByTk=1}, {@code filterByTk[]=1&filterByTk[]=2}, or the id in the path of {@code :trigger/<id>}. */
    private static List<Long> ids(HttpServletRequest request, Target target) {
        var texts = new ArrayList<String>();
        if (target.id() != null) {
            texts.add(target.id());
        }
        for (String name : List.of("filterByTk", "filterByTk[]")) {
            String[] values = request.getParameterValues(name);
            if (values != null) {
                for (String value : values) {
                    texts.addAll(List.of(value.split(",")));
                }
            }
        }
        if (texts.size() > 1000) {
            throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.filterByTk.invalid", texts.size() + " ids");
        }
        var ids = new ArrayList<Long>();
        for (String text : texts) {
            try {
                long id = Long.parseLong(text.strip());
                if (id < 1) {
                    throw new NumberFormatException();
                }
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            } catch (NumberFormatException e) {
                throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.filterByTk.invalid", cut(text));
            }
        }
        return ids;
    }

    /** {@code key1,key2!association}: workflows bound to this call, in order, each optionally through a to-one relation. */
    private List<WorkflowBinding> bindings(String text) {
        var bindings = new ArrayList<WorkflowBinding>();
        if (text == null || text.isBlank()) {
            return bindings;
        }
        for (String part : text.split(",")) {
            String[] keyAndPath = part.strip().split("!", 2);
            String key = keyAndPath[0].strip();
            String path = keyAndPath.length > 1 ? keyAndPath[1].strip() : null;
            if (!KEY.matcher(key).matches() || dispatcher.enabled(key).isEmpty()) {
                throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.workflow.unknown", cut(key));
            }
            if (path != null && !NAME.matcher(path).matches()) {
                throw new ApiExceptions.Refused(HttpStatus.BAD_REQUEST, "api.workflow.path", cut(path));
            }
            bindings.add(new WorkflowBinding(key, path));
        }
        return bindings;
    }

    private static String role(HttpServletRequest request) {
        return String.valueOf(request.getAttribute(ApiSecurity.ROLE_ATTRIBUTE));
    }

    private static int number(String text, int fallback, int min, int max, String name) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ValidationException(FieldError.of(name, "api.number.range", name, min, max));
        }
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    /** The resource and action a path names: {@code orders:create}, with the id of {@code :trigger/<id>}. */
    record Target(String resource, String action, String id) {

        static Target of(String call, String id) {
            int colon = call.lastIndexOf(':');
            if (colon <= 0 || colon == call.length() - 1) {
                throw new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.path.unknown", cut(call));
            }
            String resource = call.substring(0, colon);
            if (!NAME.matcher(resource).matches()) {
                throw new ApiExceptions.Refused(HttpStatus.NOT_FOUND, "api.collection.unknown", cut(resource));
            }
            return new Target(resource, call.substring(colon + 1), id);
        }
    }
}
