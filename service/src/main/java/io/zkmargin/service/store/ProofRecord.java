package io.zkmargin.service.store;

import io.zkmargin.api.model.SizeClass;

import java.math.BigInteger;

/**
 * An accepted proof with the public inputs it was verified against, in circuit order
 * [accountCommitment, epochDigest, thresholdBps], and the verdict the service reached.
 */
public record ProofRecord(long id, long accountId, long epochId, long countedEpoch, SizeClass sizeClass,
                          String keySha256, long thresholdBps, BigInteger commitment, BigInteger digest,
                          byte[] proof, String verdict, long receivedAt) {
    public ProofRecord {
        proof = proof.clone();
    }
    @Override public byte[] proof() { return proof.clone(); }
}
