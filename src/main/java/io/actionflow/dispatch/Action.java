package io.actionflow.dispatch;

/** The data actions a click or an API call asks for, named as the HTTP API names them. */
public enum Action { CREATE, UPDATE, DESTROY, TRIGGER }
