package io.actionflow.pages;

/** How a button looks: the main action, an ordinary one, or one that destroys. */
public enum ButtonStyle { PRIMARY, DEFAULT, DANGER }
