/**
 * The margin statement of STATEMENT.md as circuits (one per size class), and the witness builder that turns an
 * account state, its salt and a market epoch into the circuit's input assignment.
 */
package io.zkmargin.circuits.margin;
