package io.actionflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.English;
import io.actionflow.platform.Text;
import io.actionflow.workflow.nodes.EmailNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Email node: what it sends, and that values stay data (no header, no markup, no second address from a value). */
class EmailNodeTest {

    final FakePorts fake = new FakePorts();
    final NodeRegistry registry = new NodeRegistry(List.of(new EmailNode(fake.ports().mail())));

    @Test
    void it_writes_to_addresses_written_and_held_by_the_data_with_the_values_filled_in() {
        var result = run(email(Map.of("to", List.of("boss@example.com", "{{$context.data.watchers}}"),
                "cc", "{{$context.data.owner}}, desk@example.com", "subject", "Order {{$context.data.ref}} waits",
                "body", "Hello,\n{{$context.data.ref}} needs {{$context.data.total}} EUR.")),
                Map.of("ref", "A-7", "total", 120, "owner", "ann@example.com",
                        "watchers", List.of("bo@example.com", "boss@example.com")));

        assertThat(result.status()).isEqualTo(ExecutionStatus.RESOLVED);
        assertThat(fake.mailed).hasSize(1);
        var mail = fake.mailed.getFirst();
        assertThat(mail.to()).containsExactly("boss@example.com", "bo@example.com");
        assertThat(mail.cc()).as("the admin's comma splits entries").containsExactly("ann@example.com", "desk@example.com");
        assertThat(mail.subject()).isEqualTo("Order A-7 waits");
        assertThat(mail.body()).isEqualTo("Hello,\nA-7 needs 120 EUR.");
        assertThat(mail.html()).isFalse();
    }

    @Test
    void a_value_that_would_add_a_header_or_a_second_address_is_refused_and_nothing_is_sent() {
        for (String sneaky : List.of("ann@example.com\r\nBcc: eve@example.net", "ann@example.com, eve@example.net",
                "Ann <ann@example.com>", "not an address", "ann@example.com\nSubject: hi")) {
            var result = run(email(Map.of("to", "{{$context.data.email}}", "subject", "Hi", "body", "Hello")),
                    Map.of("email", sneaky));

            assertThat(result.status()).as(sneaky).isEqualTo(ExecutionStatus.FAILED);
            assertThat(English.of(result.error())).as(sneaky).contains("is not one email address").doesNotContain("\r", "\n");
        }
        assertThat(fake.mailed).isEmpty();
    }

    @Test
    void a_subject_stays_one_line_and_an_html_body_shows_values_as_text() {
        var result = run(email(Map.of("to", "ann@example.com", "subject", "About {{$context.data.title}}", "format", "html",
                "body", "<p>New: <b>{{$context.data.title}}</b></p>")),
                Map.of("title", "<script>alert(1)</script>\r\nBcc: eve@example.net & \"more\""));

        assertThat(result.status()).isEqualTo(ExecutionStatus.RESOLVED);
        var mail = fake.mailed.getFirst();
        assertThat(mail.subject()).isEqualTo("About <script>alert(1)</script> Bcc: eve@example.net & \"more\"").doesNotContain("\r", "\n");
        assertThat(mail.html()).isTrue();
        assertThat(mail.body()).isEqualTo("<p>New: <b>&lt;script&gt;alert(1)&lt;/script&gt;\r\nBcc: eve@example.net &amp; &quot;more&quot;</b></p>");
    }

    @Test
    void without_a_mail_server_the_node_fails_and_says_why() {
        fake.mailOff = Text.of("workflow.error.mailOffHere");

        var result = run(email(Map.of("to", "ann@example.com", "subject", "Hi", "body", "Hello")), Map.of());

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(English.of(result.error())).isEqualTo("Node mail sends email, but no mail server is set up here.");
        assertThat(fake.mailed).isEmpty();
    }

    @Test
    void settings_are_checked_before_enable_with_the_reason_in_words() {
        fake.mailOff = Text.of("workflow.error.mailOffHere");
        var node = new EmailNode(fake.ports().mail());
        var here = new NodeCheck(null, new References() {
            @Override
            public Optional<Map<String, String>> fields(String collection) {
                return Optional.empty();
            }

            @Override
            public boolean userExists(String username) {
                return false;
            }
        });

        var problems = node.problems(email(Map.of("to", List.of("ann@example", "{{$context.data.email}}"), "subject", "x".repeat(201),
                "format", "pdf")), here);

        assertThat(problems).extracting(English::of).containsExactly(
                "Node mail: “ann@example” is not one email address.",
                "Node mail: use at most 200 characters for the subject.",
                "Node mail: fill in “Body”.",
                "Node mail: the format pdf is not known; use text or HTML.",
                "Node mail: no mail server is set up here: set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD) and restart.");
        assertThat(node.problems(email(Map.of("subject", "Hi", "body", "Hello")), NodeCheck.NONE)).extracting(English::of)
                .containsExactly("Node mail names nobody to write to.");
        assertThat(node.problems(email(Map.of("to", "ann@example.com", "subject", List.of("Hi"), "body", 5)), NodeCheck.NONE))
                .extracting(English::of).containsExactly("Node mail: “Subject” must be text.", "Node mail: “Body” must be text.");
    }

    private RunResult run(NodeDef node, Map<String, Object> data) {
        var state = new ExecutionState(Map.of("data", data), false, null, new ArrayList<>());
        return new Processor(registry, fake.ports()).run(new WorkflowGraph(List.of(node)), state, job -> { });
    }

    private static NodeDef email(Map<String, Object> config) {
        return NodeDef.of("mail", "email", config);
    }
}
