/**
 * BN254 fields: Fp and Fr (Montgomery form, generated from one template) and the pairing tower
 * Fp2 = Fp[u]/(u^2+1), Fp6 = Fp2[v]/(v^3-(9+u)), Fp12 = Fp6[w]/(w^2-v), each with a buffer API.
 */
package io.zkmargin.crypto.field;
