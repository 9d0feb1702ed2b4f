/**
 * Groth16 verification over BN254: prepared keys, single and batch verification, proof and key
 * encodings, snarkjs JSON interop and the Solidity verifier export.
 */
package io.zkmargin.verifier;
