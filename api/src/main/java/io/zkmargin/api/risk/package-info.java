/**
 * Venue risk tools (issue 9): Black-76 pricing, the 16 SPAN scenarios of MARGIN-MODEL.md, risk arrays and marks in
 * quote atoms, EWMA-based dynamic scan ranges, and the generator that turns CSV/JSON input into a market table.
 */
package io.zkmargin.api.risk;
