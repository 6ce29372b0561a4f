/**
 * Who may read and change what: per role and collection, the actions allowed, the records each reaches (a scope),
 * and the fields it may read and write. One decision ({@code Access}) serves every path: the dispatcher for every
 * action, and every read (tables, details, pickers, appends, filters, counts, the API).
 */
package io.actionflow.access;
