/**
 * The HTTP API: resource actions, authentication with tokens, error mapping, import and export.
 */
package io.actionflow.api;
