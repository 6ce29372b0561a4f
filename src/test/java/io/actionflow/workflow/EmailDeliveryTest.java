package io.actionflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.triggers.TriggerType;
import io.actionflow.workflow.engine.ExecutionStatus;
import io.actionflow.workflow.engine.NodeDef;
import io.actionflow.workflow.engine.WorkflowGraph;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Email node through Spring's mail sender to a real SMTP server (GreenMail) started by the test: the message
 * arrives with its recipients, subject and body as the workflow filled them in, and a value that is not one address
 * sends nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:email;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "actionflow.mail.from=Actionflow <flows@actionflow.test>"})
@ActiveProfiles("test")
@WithMockUser(username = "admin", roles = "admin")
class EmailDeliveryTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    WorkflowService workflows;

    @Autowired
    WorkflowRunner runner;

    @Autowired
    CollectionService collections;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void an_enabled_workflow_sends_its_email_filled_in_and_a_value_that_is_no_address_sends_nothing() throws Exception {
        String orders = "orders_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(orders, "Orders", null, null));
        for (String field : List.of("ref", "buyer", "note")) {
            collections.addField(orders, FieldDraft.of(field, FieldType.TEXT, FieldSettings.titled(field)));
        }
        var workflow = workflows.create(new WorkflowDraft("Tell the buyer", null, TriggerType.POST_ACTION,
                Map.of("collection", orders), false, 0));
        workflows.updateGraph(workflow.id(), new WorkflowGraph(List.of(NodeDef.of("mail", "email", Map.of(
                "to", List.of("{{$context.data.buyer}}"), "cc", List.of("desk@actionflow.test"),
                "subject", "Order {{$context.data.ref}} is on its way", "format", "html",
                "body", "<p>Dear customer, <b>{{$context.data.ref}}</b> left: {{$context.data.note}}</p>")))));
        // a mail server is set up here, so nothing stands in the way of Enable
        workflows.enable(workflow.id());

        long sent = transaction.execute(s -> runner.queue(workflow.id(), Map.of("data",
                Map.of("ref", "A-7", "buyer", "ann@example.com", "note", "<i>fragile</i> & heavy")), 0, null));
        // one message in each mailbox: the buyer's and the desk's
        await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.getReceivedMessages().length >= 2);
        MimeMessage message = SMTP.getReceivedMessagesForDomain("example.com")[0];
        assertThat(message.getSubject()).isEqualTo("Order A-7 is on its way");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Actionflow <flows@actionflow.test>");
        assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("ann@example.com");
        assertThat(message.getRecipients(Message.RecipientType.CC)).extracting(Object::toString).containsExactly("desk@actionflow.test");
        assertThat(message.getContentType()).startsWith("text/html");
        assertThat(GreenMailUtil.getBody(message)).contains("<b>A-7</b>").contains("&lt;i&gt;fragile&lt;/i&gt; &amp; heavy");
        awaitStatus(workflow.id(), sent, ExecutionStatus.RESOLVED);

        long refused = transaction.execute(s -> runner.queue(workflow.id(), Map.of("data",
                Map.of("ref", "A-8", "buyer", "ann@example.com\r\nBcc: eve@example.net", "note", "")), 0, null));
        var failed = awaitStatus(workflow.id(), refused, ExecutionStatus.FAILED);
        assertThat(io.actionflow.English.of(failed.error())).contains("is not one email address");
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    private static int freePort() {
        try {
            return io.actionflow.Instance.freePort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ExecutionSummary awaitStatus(long workflowId, long executionId, ExecutionStatus status) {
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> summary(workflowId, executionId).status() == status);
        return summary(workflowId, executionId);
    }

    private ExecutionSummary summary(long workflowId, long executionId) {
        return workflows.executions(workflowId, 20).stream().filter(e -> e.id() == executionId).findFirst().orElseThrow();
    }
}
