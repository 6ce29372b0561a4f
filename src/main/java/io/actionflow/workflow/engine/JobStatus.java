package io.actionflow.workflow.engine;

/** Where the run of one node stands. */
public enum JobStatus { WAITING, RESOLVED, FAILED, ERROR, CANCELED }
