package io.actionflow.workflow;

import io.actionflow.platform.Inbox;
import io.actionflow.workflow.engine.Expressions;
import io.actionflow.workflow.engine.GraphCheck;
import io.actionflow.workflow.expressions.SpelExpressions;
import io.actionflow.workflow.engine.NodeExecutor;
import io.actionflow.workflow.engine.NodeRegistry;
import io.actionflow.workflow.engine.Ports;
import io.actionflow.workflow.engine.TaskPort;
import io.actionflow.workflow.engine.Processor;
import io.actionflow.workflow.nodes.CalculationNode;
import io.actionflow.workflow.nodes.ConditionNode;
import io.actionflow.workflow.nodes.CreateRecordNode;
import io.actionflow.workflow.nodes.DelayNode;
import io.actionflow.workflow.nodes.DeleteRecordsNode;
import io.actionflow.workflow.nodes.EmailNode;
import io.actionflow.workflow.nodes.EndNode;
import io.actionflow.workflow.nodes.HttpRequestNode;
import io.actionflow.workflow.nodes.LoopNode;
import io.actionflow.workflow.nodes.ManualTaskNode;
import io.actionflow.workflow.nodes.NotificationNode;
import io.actionflow.workflow.nodes.QueryNode;
import io.actionflow.workflow.nodes.ResponseMessageNode;
import io.actionflow.workflow.nodes.SwitchNode;
import io.actionflow.workflow.nodes.UpdateRecordsNode;
import io.actionflow.workflow.nodes.UpdateSubmittedNode;
import io.actionflow.workflow.nodes.WebhookResponseNode;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the plain-Java engine to the application: the node types, and ports that reach records, HTTP, the inbox, mail and
 * people's forms.
 */
@Configuration
@EnableConfigurationProperties({HttpAdapter.HttpSettings.class, WorkflowRunner.RunnerSettings.class, ExecutionRetention.Settings.class,
        ScheduleTrigger.Settings.class, Webhooks.Settings.class})
class WorkflowEngineConfig {

    @Bean
    Expressions expressions() {
        return new SpelExpressions();
    }

    @Bean
    NodeRegistry nodeRegistry(List<NodeExecutor> contributed, Expressions expressions, HttpAdapter http, MailAdapter mail) {
        // the plain node types, and those other modules contribute as beans (Approval)
        var all = new java.util.ArrayList<NodeExecutor>(List.of(new ConditionNode(expressions), new LoopNode(),
                new CalculationNode(expressions),
                new QueryNode(), new CreateRecordNode(), new UpdateRecordsNode(), new DeleteRecordsNode(), new UpdateSubmittedNode(),
                new EndNode(), new ResponseMessageNode(), new HttpRequestNode(http), new DelayNode(), new NotificationNode(), new EmailNode(mail),
                new WebhookResponseNode(), new ManualTaskNode(), new SwitchNode(expressions)));
        all.addAll(contributed);
        return new NodeRegistry(all);
    }

    @Bean
    Processor processor(NodeRegistry registry, RecordsAdapter records, HttpAdapter http, Inbox inbox, MailAdapter mail, TaskPort tasks,
            Clock clock) {
        return new Processor(registry, new Ports(records, http, (users, title, message, link) -> inbox.send(users, title, message, link), mail,
                tasks, clock));
    }

    @Bean
    GraphCheck graphCheck(NodeRegistry registry, WorkspaceReferences references) {
        return new GraphCheck(registry, references);
    }
}
