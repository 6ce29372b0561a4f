package io.actionflow.workflow.expressions;

import io.actionflow.workflow.engine.Expressions;
import io.actionflow.workflow.engine.NodeFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.SpelEvaluationException;
import org.springframework.expression.spel.SpelMessage;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.ast.Assign;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.OpDec;
import org.springframework.expression.spel.ast.OpInc;
import org.springframework.expression.spel.ast.Projection;
import org.springframework.expression.spel.ast.Selection;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Conditions and calculations in Spring Expression Language, over bound variables only ({@link BoundSource}):
 * arithmetic, comparison, logic, {@code ?:}, list and map literals, indexes, selection and projection. Refused before
 * anything runs: Java types, constructors, beans, methods and functions, assignment, variables other than the bound
 * ones, and expressions longer or more deeply nested than the limits. Maps read leniently (a missing key is null),
 * nothing is written, and a result is a copy that refers to nothing of the run (no cycles).
 */
public final class SpelExpressions implements Expressions {

    static final int MAX_LENGTH = 2000;
    static final int MAX_NESTING = 32;
    private static final int MAX_TREE_DEPTH = 200;
    private static final int MAX_RESULT_DEPTH = 32;
    private static final int CACHED = 2000;

    private final SpelExpressionParser parser = new SpelExpressionParser(
            new SpelParserConfiguration(null, null, false, false, 0, MAX_LENGTH * 4));
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    private record Checked(Expression expression, List<BoundSource.Binding> bindings) {
    }

    @Override
    public Object evaluate(String expression, Map<String, Object> variables) {
        Checked parsed = parsed(expression);
        EvaluationContext context = context(parsed, variables);
        try {
            return detached(parsed.expression().getValue(context), Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        } catch (SpelEvaluationException e) {
            throw new NodeFailure(e, reason(e.getMessageCode()), abbreviated(expression));
        } catch (ArithmeticException e) {
            throw new NodeFailure(e, "workflow.error.expressionDivision", abbreviated(expression));
        } catch (EvaluationException | IllegalArgumentException | IllegalStateException
                | ClassCastException | IndexOutOfBoundsException e) {
            throw new NodeFailure(e, "workflow.error.expressionFailed", abbreviated(expression));
        } catch (StackOverflowError e) {
            throw new NodeFailure("workflow.error.expressionTooDeep", abbreviated(expression), MAX_NESTING);
        }
    }

    @Override
    public void check(String expression) {
        parsed(expression);
    }

    private Checked parsed(String expression) {
        Checked parsed = expression == null ? null : checked.get(expression);
        if (parsed == null) {
            parsed = parse(expression);
            if (checked.size() >= CACHED) {
                checked.clear();
            }
            checked.put(expression, parsed);
        }
        return parsed;
    }

    private Checked parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new NodeFailure("workflow.error.expressionEmpty");
        }
        if (expression.length() > MAX_LENGTH) {
            throw new NodeFailure("workflow.error.expressionTooLong", MAX_LENGTH);
        }
        var bound = BoundSource.of(expression, MAX_NESTING);
        SpelExpression parsed;
        try {
            parsed = parser.parseRaw(bound.text());
        } catch (ParseException e) {
            // SpEL's own words, without its message code
            String why = String.valueOf(e.getSimpleMessage()).replaceFirst("^EL\\d+E:\\s*", "");
            throw new NodeFailure(e, "workflow.error.expressionInvalid", abbreviated(expression), why);
        } catch (StackOverflowError e) {
            throw new NodeFailure("workflow.error.expressionTooDeep", abbreviated(expression), MAX_NESTING);
        }
        var names = bound.bindings().stream().map(BoundSource.Binding::name).toList();
        refuseUnsafe(parsed.getAST(), expression, Set.copyOf(names), false, 0);
        return new Checked(parsed, bound.bindings());
    }

    private static void refuseUnsafe(SpelNode node, String expression, Set<String> bound, boolean inSelection, int depth) {
        if (depth > MAX_TREE_DEPTH) {
            throw new NodeFailure("workflow.error.expressionTooDeep", abbreviated(expression), MAX_NESTING);
        }
        if (node instanceof TypeReference || node instanceof ConstructorReference || node instanceof BeanReference
                || node instanceof MethodReference || node instanceof FunctionReference) {
            throw new NodeFailure("workflow.error.expressionUnsafe", abbreviated(expression));
        }
        if (node instanceof Assign || node instanceof OpInc || node instanceof OpDec) {
            throw new NodeFailure("workflow.error.expressionAssigns", abbreviated(expression));
        }
        if (node instanceof VariableReference) {
            String name = node.toStringAST().substring(1);
            boolean allowed = bound.contains(name) || "this".equals(name) && inSelection;
            if (!allowed) {
                throw new NodeFailure("workflow.error.expressionHashVariable", abbreviated(expression), node.toStringAST());
            }
        }
        boolean selecting = inSelection || node instanceof Selection || node instanceof Projection;
        for (int i = 0; i < node.getChildCount(); i++) {
            refuseUnsafe(node.getChild(i), expression, bound, selecting, depth + 1);
        }
    }

    private static EvaluationContext context(Checked parsed, Map<String, Object> variables) {
        var context = SimpleEvaluationContext.forPropertyAccessors(LenientMaps.INSTANCE).build();
        for (BoundSource.Binding binding : parsed.bindings()) {
            context.setVariable(binding.name(), binding.value(variables));
        }
        return context;
    }

    /** What a result is as data: maps and lists copied, anything met again on the way (a cycle) left out. */
    private static Object detached(Object value, Set<Object> path, int depth) {
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            return value;
        }
        if (depth > MAX_RESULT_DEPTH || !path.add(value)) {
            return null;
        }
        try {
            if (value instanceof Map<?, ?> map) {
                var copy = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), detached(v, path, depth + 1)));
                return copy;
            }
            var copy = new ArrayList<>();
            ((List<?>) value).forEach(v -> copy.add(detached(v, path, depth + 1)));
            return copy;
        } finally {
            path.remove(value);
        }
    }

    /** Why an expression could not be evaluated, in words an admin can act on. */
    private static String reason(SpelMessage message) {
        return switch (message) {
            case OPERATOR_NOT_SUPPORTED_BETWEEN_TYPES, TYPE_CONVERSION_ERROR, NOT_COMPARABLE,
                    INVALID_FIRST_OPERAND_FOR_MATCHES_OPERATOR, INVALID_SECOND_OPERAND_FOR_MATCHES_OPERATOR,
                    INVALID_TYPE_FOR_SELECTION, PROJECTION_NOT_SUPPORTED_ON_TYPE, INDEXING_NOT_SUPPORTED_FOR_TYPE ->
                    "workflow.error.expressionTypes";
            case PROPERTY_OR_FIELD_NOT_READABLE_ON_NULL, METHOD_CALL_ON_NULL_OBJECT_NOT_ALLOWED, CANNOT_INDEX_INTO_NULL_VALUE ->
                    "workflow.error.expressionNull";
            case MAX_REPEATED_TEXT_SIZE_EXCEEDED, MAX_CONCATENATED_STRING_LENGTH_EXCEEDED, MAX_ARRAY_ELEMENTS_THRESHOLD_EXCEEDED,
                    MAX_REGEX_LENGTH_EXCEEDED, MAX_OPERATIONS_EXCEEDED -> "workflow.error.expressionTooLarge";
            default -> "workflow.error.expressionFailed";
        };
    }

    private static String abbreviated(String expression) {
        return expression.length() > 80 ? expression.substring(0, 77) + "…" : expression;
    }

    /** Reads map entries by name, a missing one as null; writes nothing. */
    private enum LenientMaps implements PropertyAccessor {
        INSTANCE;

        @Override
        public Class<?>[] getSpecificTargetClasses() {
            return new Class<?>[] {Map.class};
        }

        @Override
        public boolean canRead(EvaluationContext context, Object target, String name) {
            return target instanceof Map<?, ?>;
        }

        @Override
        public TypedValue read(EvaluationContext context, Object target, String name) {
            return new TypedValue(((Map<?, ?>) target).get(name));
        }

        @Override
        public boolean canWrite(EvaluationContext context, Object target, String name) {
            return false;
        }

        @Override
        public void write(EvaluationContext context, Object target, String name, Object newValue) {
            throw new UnsupportedOperationException();
        }
    }
}
