/**
 * The demo workspace created on first start: purchase requests, support tickets and inventory items, with pages and
 * workflows of every type bound to real buttons.
 */
package io.actionflow.demo;
