/**
 * Immutable domain values of MARGIN-MODEL.md and STATEMENT.md: market table entries, account state, thresholds,
 * size classes, salts, epochs and registrations. Every factory enforces the model's bounds.
 */
package io.zkmargin.api.model;
