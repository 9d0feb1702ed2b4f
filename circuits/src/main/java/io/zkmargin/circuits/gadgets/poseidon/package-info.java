/**
 * In-circuit Poseidon (circomlib-compatible, 1..16 inputs, plus the chained {@code hashMany} mode),
 * matching {@link io.zkmargin.crypto.hash.Poseidon} value for value.
 */
package io.zkmargin.circuits.gadgets.poseidon;
