package io.actionflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.IntegrationTest;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.RecordService;
import io.actionflow.demo.DemoWorkspace;
import io.actionflow.platform.ApiTokens;
import io.actionflow.workflow.WorkflowService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.json.JsonMapper;

/** Every curl example of docs/api.md, run as written against the live application, answers as the document says. */
class ApiDocsTest extends IntegrationTest {

    private static final Pattern EXAMPLE = Pattern.compile("```bash\\n# expect (\\d{3})\\n(curl [^\\n]+)\\n```");

    @LocalServerPort
    int port;

    @Autowired
    DemoWorkspace demo;

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    WorkflowService workflows;

    @Autowired
    ApiTokens tokens;

    record Example(int status, String command) {
    }

    @Test
    @WithMockUser(username = "admin", roles = "admin")
    void every_example_answers_as_documented() throws Exception {
        if (collections.find("purchase_requests").isEmpty()) {
            demo.create();
        }
        long id = records.create("purchase_requests", Map.of("title", "Docs example", "amount", 10)).id();
        String key = workflows.list().stream().filter(w -> w.title().equals("Tell the admin about new purchase requests"))
                .findFirst().orElseThrow().key();
        String approval = workflows.list().stream().filter(w -> w.title().equals("Approve purchases above 500"))
                .findFirst().orElseThrow().key();
        String token = tokens.create("admin", "docs examples").secret();
        String memberToken = tokens.create("member", "docs examples").secret();
        var examples = new ArrayList<Example>();
        var matcher = EXAMPLE.matcher(Files.readString(Path.of("docs", "api.md")));
        while (matcher.find()) {
            examples.add(new Example(Integer.parseInt(matcher.group(1)), matcher.group(2)));
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(12);

        var failures = new ArrayList<String>();
        for (Example example : examples) {
            String command = example.command().replaceFirst("^curl ", "curl -w '\\\\n%{http_code}' ");
            var process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
            process.environment().putAll(Map.of("BASE", "http://localhost:" + port, "TOKEN", token, "ID", String.valueOf(id),
                    "KEY", key, "APPROVAL", approval, "MEMBER_TOKEN", memberToken));
            var running = process.start();
            String output = new String(running.getInputStream().readAllBytes()).strip();
            running.waitFor(30, TimeUnit.SECONDS);
            List<String> lines = output.lines().toList();
            String status = lines.isEmpty() ? "" : lines.getLast();
            String body = String.join("\n", lines.subList(0, Math.max(0, lines.size() - 1)));
            if (!status.equals(String.valueOf(example.status())) || !isJson(body)) {
                failures.add("expected " + example.status() + " from " + example.command() + "\n  got " + status + ": " + body);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static boolean isJson(String body) {
        try {
            return JsonMapper.builder().build().readValue(body, Object.class) instanceof Map<?, ?>;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
