package io.zkmargin.api.market;

import io.zkmargin.api.model.Bounds;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.hash.MerkleProof;
import io.zkmargin.crypto.hash.PoseidonMerkleTree;
import java.util.ArrayList;
import java.util.List;

/** The depth-12 Poseidon Merkle tree of a market table: entry leaves at their leaf indices, zero elsewhere. */
public final class MarketTree {
    private final MarketTable table;
    private final PoseidonMerkleTree tree;

    private MarketTree(MarketTable table, PoseidonMerkleTree tree) {
        this.table = table;
        this.tree = tree;
    }

    /** Hashes every entry (two Poseidon permutations per instrument) and the tree; reuse the result. */
    public static MarketTree of(MarketTable table) {
        if (table == null) {
            throw new IllegalArgumentException("market table is required");
        }
        int max = -1;
        for (Instrument i : table.instruments()) {
            max = Math.max(max, i.leafIndex());
        }
        for (CollateralAsset c : table.collaterals()) {
            max = Math.max(max, c.leafIndex());
        }
        List<Fr> leaves = new ArrayList<>(max + 1);
        for (int k = 0; k <= max; k++) {
            leaves.add(PoseidonMerkleTree.EMPTY_LEAF);
        }
        for (Instrument i : table.instruments()) {
            leaves.set(i.leafIndex(), MarketLeaf.hash(i));
        }
        for (CollateralAsset c : table.collaterals()) {
            leaves.set(c.leafIndex(), MarketLeaf.hash(c));
        }
        return new MarketTree(table, PoseidonMerkleTree.of(Bounds.TREE_DEPTH, leaves));
    }

    public MarketTable table() {
        return table;
    }

    public Fr root() {
        return tree.root();
    }

    public Fr leaf(int leafIndex) {
        return tree.leaf(leafIndex);
    }

    /** Membership path of a leaf (12 siblings, bottom first). */
    public MerkleProof proof(int leafIndex) {
        return tree.proof(leafIndex);
    }

    /** epochDigest = Poseidon(epochId, marketRoot), the second public input of the statement. */
    public static Fr epochDigest(long epochId, Fr marketRoot) {
        if (epochId < 0) {
            throw new IllegalArgumentException("epoch id must be >= 0");
        }
        return io.zkmargin.crypto.hash.Poseidon.hash(Fr.of(epochId), marketRoot);
    }
}
