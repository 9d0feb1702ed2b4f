/**
 * Groth16 data types shared by the verifier and the prover: the verifying key and the proof,
 * immutable and validated (points on the curve, G2 points in the prime-order subgroup).
 */
package io.zkmargin.groth16;
