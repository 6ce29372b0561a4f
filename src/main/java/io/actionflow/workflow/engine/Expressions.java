package io.actionflow.workflow.engine;

import java.util.Map;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.DataBindingPropertyAccessor;
import org.springframework.expression.spel.support.MapAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Conditions and calculations: SpEL over the workflow's variables only. Variables read as {@code $context.data.amount},
 * {@code $jobsMapByNodeKey.q1.total}, {@code $scopes.loop1.item}; arithmetic, comparison, logic, {@code ?:} and list
 * or map literals work. Java types, constructors, beans and method calls are refused before anything is evaluated.
 */
public final class Expressions {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final int MAX_LENGTH = 2000;

    private Expressions() {
    }

    /** Checked expressions by their text; a workflow runs the same few again and again. */
    private static final Map<String, Expression> CHECKED = new java.util.concurrent.ConcurrentHashMap<>();

    public static Object evaluate(String expression, Map<String, Object> variables) {
        Expression parsed = CHECKED.get(expression);
        if (parsed == null) {
            parsed = parse(expression);
            if (CHECKED.size() >= 2000) {
                CHECKED.clear();
            }
            CHECKED.put(expression, parsed);
        }
        var context = SimpleEvaluationContext
                .forPropertyAccessors(new MapAccessor(false), DataBindingPropertyAccessor.forReadOnlyAccess())
                .build();
        try {
            return parsed.getValue(context, variables);
        } catch (RuntimeException e) {
            throw new NodeFailure(e, "workflow.error.expressionFailed", expression, e.getMessage());
        }
    }

    /** Parses and checks an expression; throws {@link NodeFailure} with a readable reason when it is not allowed. */
    public static Expression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new NodeFailure("workflow.error.expressionEmpty");
        }
        if (expression.length() > MAX_LENGTH) {
            throw new NodeFailure("workflow.error.expressionTooLong", MAX_LENGTH);
        }
        SpelExpression parsed;
        try {
            parsed = PARSER.parseRaw(expression);
        } catch (ParseException e) {
            throw new NodeFailure(e, "workflow.error.expressionInvalid", expression, e.getSimpleMessage());
        }
        refuseUnsafe(parsed.getAST(), expression);
        return parsed;
    }

    private static void refuseUnsafe(SpelNode node, String expression) {
        if (node instanceof TypeReference || node instanceof ConstructorReference || node instanceof BeanReference
                || node instanceof MethodReference || node instanceof FunctionReference) {
            throw new NodeFailure("workflow.error.expressionUnsafe", expression);
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            refuseUnsafe(node.getChild(i), expression);
        }
    }
}
