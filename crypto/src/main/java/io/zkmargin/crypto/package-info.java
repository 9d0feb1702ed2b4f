/**
 * BN254 cryptography for zkmargin: fields, curves, pairing, MSM, NTT, encodings and Poseidon live in the
 * sub-packages; this package holds only what they share (the worker pool).
 */
package io.zkmargin.crypto;
