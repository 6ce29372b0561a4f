/**
 * The metamodel (collections, fields, relations), the real tables behind it and {@code RecordService},
 * the one write path for records.
 */
package io.actionflow.collections;
