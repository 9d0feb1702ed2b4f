/**
 * Number-theoretic transforms over Fr: radix-2 FFT, inverse FFT and coset FFT on power-of-two
 * evaluation domains, in place on Montgomery-form {@code long[]} buffers, parallel for large sizes.
 */
package io.zkmargin.crypto.ntt;
