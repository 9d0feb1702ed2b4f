package io.zkmargin.service;

import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.Threshold;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a submitter sends: account id, epoch id, size class, threshold and the 128-byte proof. The public
 * inputs are rebuilt by the service from the account's registered commitment and the epoch's digest.
 */
public record ProofSubmission(long accountId, long epochId, SizeClass sizeClass, long thresholdBps, byte[] proof) {
    public static final int PROOF_BYTES = 128;

    public ProofSubmission {
        if (accountId < 0) {
            throw new Rejection(ErrorCode.MALFORMED_REQUEST, "accountId must be below 2^63");
        }
        if (epochId < 0) {
            throw new Rejection(ErrorCode.MALFORMED_REQUEST, "epochId must be below 2^63");
        }
        Objects.requireNonNull(sizeClass, "sizeClass");
        if (thresholdBps < 1 || thresholdBps > Threshold.MAX_BPS) {
            throw new Rejection(ErrorCode.THRESHOLD_OUT_OF_RANGE, "thresholdBps must be in 1.." + Threshold.MAX_BPS);
        }
        if (proof == null || proof.length != PROOF_BYTES) {
            throw new Rejection(ErrorCode.MALFORMED_PROOF, "proof must be exactly " + PROOF_BYTES + " bytes");
        }
        proof = proof.clone();
    }

    @Override
    public byte[] proof() { return proof.clone(); }
    @Override
    public boolean equals(Object o) {
        return o instanceof ProofSubmission p && p.accountId == accountId && p.epochId == epochId
                && p.sizeClass == sizeClass && p.thresholdBps == thresholdBps && Arrays.equals(p.proof, proof);
    }
    @Override
    public int hashCode() { return Arrays.hashCode(proof); }
    @Override
    public String toString() {
        return "ProofSubmission{account=" + accountId + ", epoch=" + epochId + ", class=" + sizeClass
                + ", f=" + thresholdBps + "}";
    }
}
