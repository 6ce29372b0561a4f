package io.actionflow.pages;

/** Whether a form block creates a record (Submit) or edits one (Save). */
public enum FormMode { CREATE, EDIT }
