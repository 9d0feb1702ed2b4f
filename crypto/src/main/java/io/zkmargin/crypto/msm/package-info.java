/**
 * Multi-scalar multiplication on G1 and G2: Pippenger's bucket method with signed digits over packed
 * affine point arrays, parallel over windows, plus naive references for tests.
 */
package io.zkmargin.crypto.msm;
