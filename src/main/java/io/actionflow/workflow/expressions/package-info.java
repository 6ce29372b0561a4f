/**
 * The expression language behind the engine's {@code Expressions} port: Spring Expression Language, restricted to
 * reading bound variables.
 */
package io.actionflow.workflow.expressions;
