/**
 * Poseidon hashing over the BN254 scalar field, bit-compatible with circomlib (1..16 inputs), a
 * length-prefixed chained mode for longer inputs, and fixed-depth binary Poseidon Merkle trees.
 */
package io.zkmargin.crypto.hash;
