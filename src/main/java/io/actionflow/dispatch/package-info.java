/**
 * The support matrix, action requests, the dispatch plan and the {@code ActionDispatcher}:
 * the one path every click and API call takes.
 */
package io.actionflow.dispatch;
