package io.zkmargin.service.store;

import java.math.BigInteger;

/**
 * A stored, accepted market epoch: its id, timestamp, root, digest and signature, the venue's message as
 * protobuf bytes ({@code encoded}, api MarketEpoch, table included) and the time the service published it.
 */
public record EpochRecord(long epochId, long timestampMillis, BigInteger marketRoot, BigInteger digest,
                          byte[] encoded, byte[] signature, long publishedAt) {
    public EpochRecord {
        encoded = encoded.clone();
        signature = signature.clone();
    }
    @Override public byte[] encoded() { return encoded.clone(); }
    @Override public byte[] signature() { return signature.clone(); }
}
