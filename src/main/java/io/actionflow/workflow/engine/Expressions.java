package io.actionflow.workflow.engine;

import java.util.Map;

/**
 * The expression language of conditions and calculations, as the engine needs it. Variables are named as in
 * templates, {@code {{$context.data.amount}}} or bare {@code $context.data.amount}, and are bound as values: no value
 * a caller sends can change an expression's structure. A missing value reads as null. Implementations refuse what
 * could reach beyond the workflow's variables, assign, or run without bound.
 */
public interface Expressions {

    /** The value of the expression over these variables ({@code $context}, {@code $jobsMapByNodeKey}, …). */
    Object evaluate(String expression, Map<String, Object> variables);

    /** Checks an expression without running it; throws {@link NodeFailure} with the reason when it is not allowed. */
    void check(String expression);
}
