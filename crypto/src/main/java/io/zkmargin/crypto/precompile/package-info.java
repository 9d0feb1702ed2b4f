/**
 * The Ethereum BN254 precompiles (0x06 ecAdd, 0x07 ecMul, 0x08 ecPairing) with exact EIP-196/197
 * input handling, for cross-checking against Ethereum vectors and for on-chain-compatible checks.
 */
package io.zkmargin.crypto.precompile;
