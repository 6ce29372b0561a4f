package io.actionflow.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the HTTP API (served at {@code /v3/api-docs}, shown at {@code /swagger-ui.html} to admins).
 * The record actions answer one pattern for every collection, so they are described here as that pattern, with the
 * parameters and answers each action has, rather than read from the controller's generic mapping.
 */
@Configuration
class ApiDescription {

    /**
     * springdoc's beans are made when the description is first asked for, not at every start: they bring their own
     * Jackson 2 and swagger's models (about 1,000 classes) and build mappers at once, for a page admins open now and then.
     */
    @Bean
    static BeanFactoryPostProcessor describeOnFirstUse() {
        return factory -> {
            for (String name : factory.getBeanDefinitionNames()) {
                BeanDefinition definition = factory.getBeanDefinition(name);
                if (springdoc(factory, definition)) {
                    definition.setLazyInit(true);
                }
            }
        };
    }

    /** Whether springdoc defines this bean: its class, or the class whose method makes it, is springdoc's. */
    private static boolean springdoc(ConfigurableListableBeanFactory factory, BeanDefinition definition) {
        String type = definition.getBeanClassName();
        String maker = definition.getFactoryBeanName();
        if (type == null && maker != null && factory.containsBeanDefinition(maker)) {
            type = factory.getBeanDefinition(maker).getBeanClassName();
        }
        if (type == null) {
            Class<?> resolved = definition.getResolvableType().resolve();
            type = resolved == null ? null : resolved.getName();
        }
        return type != null && type.startsWith("org.springdoc.");
    }

    @Bean
    OpenApiCustomizer actionflowApi() {
        return api -> {
            api.info(new Info().title("Actionflow HTTP API").version("1")
                    .description("Record actions in the resource:action style. Every write goes through the same dispatcher as a "
                            + "click: bound (triggerWorkflows) and global workflows fire exactly as in the UI. Answers are "
                            + "{\"data\": …} (with meta for lists), {\"messages\": …} when a workflow stopped the action with "
                            + "success, and {\"errors\": [{\"message\": …}]} for refusals."));
            api.components(new Components().addSecuritySchemes("token",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("A personal API token, or one from auth:signIn")));
            api.security(List.of(new SecurityRequirement().addList("token")));
            var paths = new Paths();
            paths.addPathItem("/api/auth:signIn", new PathItem().post(operation("Sign in: a token for 12 hours", "auth")
                    .requestBody(json("{\"account\": \"admin\", \"password\": \"…\"}"))
                    .responses(answers("200", "The token", "400", "Account or password missing", "401", "Wrong account or password"))
                    .security(List.of())));
            paths.addPathItem("/api/{collection}:create", new PathItem().post(write("Create a record", true, false)));
            paths.addPathItem("/api/{collection}:update", new PathItem().post(write("Change a record", true, true)));
            paths.addPathItem("/api/{collection}:destroy", new PathItem().post(write("Delete records", false, true)));
            paths.addPathItem("/api/{collection}:trigger", new PathItem().post(write("Run custom-action workflows on the records "
                    + "named by filterByTk (none: the form values alone)", true, false).addParametersItem(query("filterByTk[]",
                    "Records for a multiple-records custom action"))));
            paths.addPathItem("/api/{collection}:trigger/{id}", new PathItem().post(write("Run custom-action workflows on one "
                    + "record, the body laid over it", true, false).addParametersItem(path("id"))));
            paths.addPathItem("/api/workflows:trigger", new PathItem().post(operation("Run custom-action workflows with no record", "workflows")
                    .addParametersItem(query("triggerWorkflows", "Workflow keys, in order").required(true))
                    .requestBody(json("{\"reason\": \"nightly\"}"))
                    .responses(writeAnswers())));
            paths.addPathItem("/api/approvals:todos", new PathItem().get(operation("The signed-in user's open approval tasks", "approvals")
                    .responses(answers("200", "Tasks with their requests"))));
            paths.addPathItem("/api/approvals:get", new PathItem().get(operation("A request, for its submitter, its approvers and admins",
                    "approvals").addParametersItem(query("filterByTk", "The request's id").required(true))
                    .responses(answers("200", "The request", "403", "Not a party to it", "404", "No such request"))));
            for (var decision : List.of("approve", "reject", "return")) {
                paths.addPathItem("/api/approvals:" + decision, new PathItem().post(operation(switch (decision) {
                    case "approve" -> "Approve a task of yours (with changes to the editable fields)";
                    case "reject" -> "Reject a task of yours";
                    default -> "Return the request to its submitter (a comment is needed)";
                }, "approvals").requestBody(json("{\"task\": 12, \"comment\": \"Fine\", \"changes\": {\"amount\": 1100}}"))
                        .responses(answers("200", "The request", "400", "No task, a task already decided, or no comment to return",
                                "403", "Not your task", "404", "No such task"))));
            }
            paths.addPathItem("/api/{collection}:list", new PathItem().get(operation("List records, a page at a time", "records")
                    .addParametersItem(path("collection"))
                    .addParametersItem(query("page", "From 1"))
                    .addParametersItem(query("pageSize", "1 to 500, 20 by default"))
                    .addParametersItem(query("sort", "Fields, comma-separated; a leading - sorts descending"))
                    .addParametersItem(query("filter", "JSON: {\"amount\": {\"$gt\": 100}}, $and, $or; $eq $ne $gt $gte $lt $lte "
                            + "$includes $in $between $empty $notEmpty"))
                    .addParametersItem(query("appends", "To-one relations to load as objects, comma-separated"))
                    .responses(answers("200", "{\"data\": [...], \"meta\": {\"count\", \"page\", \"pageSize\", \"totalPage\"}}",
                            "400", "A bad filter, sort or page", "401", "No valid token", "404", "No such collection"))));
            paths.addPathItem("/api/{collection}:get", new PathItem().get(operation("One record", "records")
                    .addParametersItem(path("collection"))
                    .addParametersItem(query("filterByTk", "The record's id").required(true))
                    .addParametersItem(query("appends", "To-one relations to load as objects"))
                    .responses(answers("200", "{\"data\": {…}}", "401", "No valid token", "404", "No such collection or record"))));
            // admin resources (admin role)
            for (String resource : List.of("collections", "pages", "workflows")) {
                paths.addPathItem("/api/" + resource + ":list", new PathItem().get(operation("All " + resource + " (admins)", "admin")
                        .responses(answers("200", "{\"data\": [...]}", "403", "Not an admin"))));
                paths.addPathItem("/api/" + resource + ":get", new PathItem().get(operation("One of the " + resource + " (admins)", "admin")
                        .addParametersItem(query("filterByTk", "Its name, slug or key").required(true))
                        .responses(answers("200", "{\"data\": {…}}", "403", "Not an admin", "404", "No such one"))));
                paths.addPathItem("/api/" + resource + ":create", new PathItem().post(operation("Create one of the " + resource
                        + ", in the shape :get answers (admins)", "admin").requestBody(json("{}"))
                        .responses(answers("200", "{\"data\": {…}}", "400", "The problems, one per entry", "403", "Not an admin"))));
            }
            paths.addPathItem("/api/collections/{name}/fields:create", new PathItem().post(operation("Add a field (admins)", "admin")
                    .addParametersItem(path("name")).requestBody(json("{\"name\": \"amount\", \"type\": \"integer\", \"title\": \"Amount\"}"))
                    .responses(answers("200", "The collection", "400", "The problems", "403", "Not an admin"))));
            paths.addPathItem("/api/workflows:enable", new PathItem().post(operation("Enable a workflow's current version (admins)", "admin")
                    .addParametersItem(query("filterByTk", "Its key").required(true))
                    .responses(answers("200", "The workflow", "400", "Why it cannot run", "403", "Not an admin"))));
            paths.addPathItem("/api/buttons:bind", new PathItem().post(operation("Set the workflows a button runs, in order (admins)", "admin")
                    .addParametersItem(query("filterByTk", "The button's id").required(true))
                    .requestBody(json("{\"bindings\": [{\"workflowKey\": \"wf_…\"}]}"))
                    .responses(answers("200", "The button's bindings", "400", "A workflow the button cannot run", "403", "Not an admin"))));
            paths.addPathItem("/api/workspace:export", new PathItem().get(operation("The whole workspace as one document (admins)", "admin")
                    .responses(answers("200", "{\"format\": \"actionflow-workspace\", \"collections\", \"workflows\", \"pages\"}",
                            "403", "Not an admin"))));
            paths.addPathItem("/api/workspace:import", new PathItem().post(operation("Import a workspace document: checked whole first, "
                    + "what exists is kept (admins)", "admin").requestBody(json("{\"format\": \"actionflow-workspace\"}"))
                    .responses(answers("200", "What was created and kept", "400", "Its problems; nothing written", "403", "Not an admin"))));
            api.paths(paths);
        };
    }

    private static Operation write(String summary, boolean body, boolean needsRecord) {
        var operation = operation(summary, "records").addParametersItem(path("collection"))
                .addParametersItem(query("triggerWorkflows", "Workflow keys to bind to this call, in order; key!association runs a "
                        + "post-action for the associated record"))
                .addParametersItem(new Parameter().in("header").name("Idempotency-Key").schema(new Schema<String>().type("string"))
                        .description("A repeat within 24 hours gets the first answer and runs nothing again"))
                .addParametersItem(new Parameter().in("header").name("X-Role").schema(new Schema<String>().type("string"))
                        .description("One of your roles to act with"))
                .responses(writeAnswers());
        if (needsRecord) {
            operation.addParametersItem(query("filterByTk", "The record's id (filterByTk[] for several)").required(true));
        }
        if (body) {
            operation.requestBody(json("{\"title\": \"Chairs\", \"amount\": 120}"));
        }
        return operation;
    }

    private static ApiResponses writeAnswers() {
        return answers("200", "Done: {\"data\": …}, or stopped by a pre-action workflow with success: {\"messages\": […]}",
                "202", "Held for approval: {\"data\": {\"approvals\": [ids]}}",
                "400", "Blocked by a workflow, invalid values (per field), or a workflow the action cannot run",
                "401", "No valid token", "403", "Not allowed", "404", "No such collection or record",
                "413", "Body larger than 1 MB");
    }

    private static Operation operation(String summary, String tag) {
        return new Operation().summary(summary).addTagsItem(tag);
    }

    private static Parameter path(String name) {
        return new Parameter().in("path").name(name).required(true).schema(new Schema<String>().type("string"));
    }

    private static Parameter query(String name, String description) {
        return new Parameter().in("query").name(name).description(description).schema(new Schema<String>().type("string"));
    }

    private static RequestBody json(String example) {
        return new RequestBody().content(new Content().addMediaType("application/json",
                new MediaType().schema(new ObjectSchema()).example(example)));
    }

    private static ApiResponses answers(String... codesAndTexts) {
        var responses = new ApiResponses();
        for (int i = 0; i + 1 < codesAndTexts.length; i += 2) {
            responses.addApiResponse(codesAndTexts[i], new ApiResponse().description(codesAndTexts[i + 1]));
        }
        return responses;
    }
}
