/**
 * Pages, blocks and buttons: what admins compose and business users click.
 */
package io.actionflow.pages;
