/**
 * The BN254 optimal ate pairing: Miller loop with precomputable G2 line coefficients, sparse line
 * multiplication and the final exponentiation, matching the EIP-197 / gnark conventions.
 */
package io.zkmargin.crypto.pairing;
