/**
 * Byte and text encodings of BN254 points: EIP-196/197 (Ethereum precompiles), gnark compressed
 * and raw, and snarkjs decimal strings. Every decoder validates fully (range, curve, G2 subgroup).
 */
package io.zkmargin.crypto.encoding;
