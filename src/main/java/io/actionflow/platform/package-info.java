/**
 * Security, users, roles and the current user; shared errors and the language bundles.
 * Everything a feature needs to know about who is clicking lives here.
 */
package io.actionflow.platform;
