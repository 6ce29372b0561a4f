package io.actionflow.dispatch;

/** Where a request came from: a button in the UI or a call to the HTTP API. */
public enum ActionSource { UI, API }
