/**
 * BN254 groups: G1 over Fp and G2 on the sextic twist over Fp2, in affine (validated, immutable
 * values) and Jacobian (arithmetic) coordinates, with allocation-free buffer formulas for hot loops.
 */
package io.zkmargin.crypto.curve;
