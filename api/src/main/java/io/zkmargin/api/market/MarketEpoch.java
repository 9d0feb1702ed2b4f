package io.zkmargin.api.market;

import io.zkmargin.api.model.MarketTable;
import io.zkmargin.crypto.field.Fr;
import java.util.Arrays;
import java.util.Objects;

/**
 * A published market epoch: (epochId, timestamp, market table, marketRoot, venue signature). The factory
 * recomputes the root from the table and rejects a mismatch; the signature is checked with
 * {@code io.zkmargin.api.sig.VenueSignatures.verifyEpoch}.
 */
public final class MarketEpoch {
    public static final int SIGNATURE_BYTES = 64;

    private final long epochId;
    private final long timestampMillis;
    private final MarketTable table;
    private final Fr marketRoot;
    private final byte[] signature;

    private MarketEpoch(long epochId, long timestampMillis, MarketTable table, Fr marketRoot, byte[] signature) {
        this.epochId = epochId;
        this.timestampMillis = timestampMillis;
        this.table = table;
        this.marketRoot = marketRoot;
        this.signature = signature;
    }

    /**
     * @throws IllegalArgumentException on a negative id or timestamp, a signature that is not 64 bytes, or a root
     *     that is not the root of the table
     */
    public static MarketEpoch of(long epochId, long timestampMillis, MarketTable table, Fr marketRoot,
            byte[] signature) {
        if (epochId < 0) {
            throw new IllegalArgumentException("epoch id must be >= 0");
        }
        if (timestampMillis < 0) {
            throw new IllegalArgumentException("epoch " + epochId + ": timestamp must be >= 0");
        }
        if (table == null || marketRoot == null) {
            throw new IllegalArgumentException("epoch " + epochId + ": table and market root are required");
        }
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("epoch " + epochId + ": signature must be " + SIGNATURE_BYTES + " bytes");
        }
        Fr expected = MarketTree.of(table).root();
        if (!expected.equals(marketRoot)) {
            throw new IllegalArgumentException("epoch " + epochId + ": market root does not match the market table");
        }
        return new MarketEpoch(epochId, timestampMillis, table, marketRoot, signature.clone());
    }

    public long epochId() {
        return epochId;
    }

    public long timestampMillis() {
        return timestampMillis;
    }

    public MarketTable table() {
        return table;
    }

    public Fr marketRoot() {
        return marketRoot;
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** Poseidon(epochId, marketRoot). */
    public Fr epochDigest() {
        return MarketTree.epochDigest(epochId, marketRoot);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarketEpoch e && epochId == e.epochId && timestampMillis == e.timestampMillis
                && table.equals(e.table) && marketRoot.equals(e.marketRoot) && Arrays.equals(signature, e.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(epochId, timestampMillis, marketRoot, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "MarketEpoch[" + epochId + " @" + timestampMillis + ", " + table + ", root=" + marketRoot.toDecimalString()
                + "]";
    }
}
