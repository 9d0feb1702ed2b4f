/**
 * circom/snarkjs binary files: the iden3 binfileutils container, .r1cs v1 and .wtns v2 (FORMATS.md).
 * Readers validate everything (magic, version, prime, counts, truncation) and skip unknown sections.
 */
package io.zkmargin.circuits.circom;
