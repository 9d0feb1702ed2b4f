/**
 * Groth16 over BN254: setup from an R1CS (QAP over the NTT domain), proving keys and key files,
 * and the prover (quotient by coset NTT, multi-scalar multiplications).
 */
package io.zkmargin.prover;
