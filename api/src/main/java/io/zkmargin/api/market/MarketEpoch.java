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
    private final MarketTree tree;
    private final byte[] signature;

    private MarketEpoch(long epochId, long timestampMillis, MarketTree tree, byte[] signature) {
        this.epochId = epochId;
        this.timestampMillis = timestampMillis;
        this.tree = tree;
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
        checkSignatureLength(epochId, signature);
        MarketTree tree = MarketTree.of(table);
        if (!tree.root().equals(marketRoot)) {
            throw new IllegalArgumentException("epoch " + epochId + ": market root does not match the market table");
        }
        return of(epochId, timestampMillis, tree, signature);
    }

    /** From an already built tree (no rehashing): the root is the tree's. */
    public static MarketEpoch of(long epochId, long timestampMillis, MarketTree tree, byte[] signature) {
        if (epochId < 0) {
            throw new IllegalArgumentException("epoch id must be >= 0");
        }
        if (timestampMillis < 0) {
            throw new IllegalArgumentException("epoch " + epochId + ": timestamp must be >= 0");
        }
        if (tree == null) {
            throw new IllegalArgumentException("epoch " + epochId + ": market tree is required");
        }
        checkSignatureLength(epochId, signature);
        return new MarketEpoch(epochId, timestampMillis, tree, signature.clone());
    }

    private static void checkSignatureLength(long epochId, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("epoch " + epochId + ": signature must be " + SIGNATURE_BYTES + " bytes");
        }
    }

    public long epochId() {
        return epochId;
    }

    public long timestampMillis() {
        return timestampMillis;
    }

    public MarketTable table() {
        return tree.table();
    }

    /** The market tree, for Merkle paths (built once per epoch object). */
    public MarketTree tree() {
        return tree;
    }

    public Fr marketRoot() {
        return tree.root();
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** Poseidon(epochId, marketRoot). */
    public Fr epochDigest() {
        return MarketTree.epochDigest(epochId, tree.root());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarketEpoch e && epochId == e.epochId && timestampMillis == e.timestampMillis
                && table().equals(e.table()) && marketRoot().equals(e.marketRoot())
                && Arrays.equals(signature, e.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(epochId, timestampMillis, marketRoot(), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "MarketEpoch[" + epochId + " @" + timestampMillis + ", " + table() + ", root=" + marketRoot().toDecimalString()
                + "]";
    }
}
