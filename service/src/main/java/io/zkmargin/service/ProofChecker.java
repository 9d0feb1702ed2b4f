package io.zkmargin.service;

import java.math.BigInteger;
import java.util.List;

/**
 * The service's port to Groth16 verification (implemented with io.zkmargin.verifier in
 * {@link Groth16ProofChecker}). Decoding errors are {@link IllegalArgumentException}; a well-formed
 * proof that does not verify is {@code false}.
 */
public interface ProofChecker {

    /** A parsed, validated verifying key ready for verification. */
    interface CheckedKey {
        /** Number of public inputs the key expects. */
        int publicInputs();
    }

    /** Parses and validates verifying-key bytes; throws IllegalArgumentException when malformed. */
    CheckedKey parseKey(byte[] verifyingKey);

    /** Checks that proof bytes decode (length, points on curve, subgroup); throws IllegalArgumentException. */
    void checkProofEncoding(byte[] proof);

    boolean verify(CheckedKey key, byte[] proof, BigInteger[] publicInputs);

    /**
     * Verifies several proofs under one key; returns one verdict per proof. The default checks them one by
     * one; implementations with a real batch check override it and must still name each bad proof.
     */
    default boolean[] verifyBatch(CheckedKey key, List<byte[]> proofs, List<BigInteger[]> publicInputs) {
        boolean[] out = new boolean[proofs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = verify(key, proofs.get(i), publicInputs.get(i));
        }
        return out;
    }
}
