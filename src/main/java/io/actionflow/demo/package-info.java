/**
 * The first-run demo workspace that shows every workflow type on real buttons.
 */
package io.actionflow.demo;
