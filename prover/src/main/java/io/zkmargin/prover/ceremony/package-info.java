/**
 * Trusted setup without a trusted party: phase-1 powers of tau (.ptau import, consistency check, local dev
 * phase 1) and the per-circuit phase-2 MPC ceremony (transcript, contribute, beacon, verify, key export).
 */
package io.zkmargin.prover.ceremony;
