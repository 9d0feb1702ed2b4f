package io.zkmargin.crypto.hash;

import io.zkmargin.crypto.field.Fr;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Membership proof in a {@link PoseidonMerkleTree}: the leaf index and one sibling per level,
 * bottom-up. Bit {@code l} of the index says whether the path node at level {@code l} is a right
 * child (its sibling is then on the left). Immutable. The proof is witness material (it reveals
 * which leaf is proven), so {@link #toString} shows only the depth.
 */
public final class MerkleProof {
    private final int leafIndex;
    private final Fr[] siblings;

    private MerkleProof(int leafIndex, Fr[] siblings) {
        this.leafIndex = leafIndex;
        this.siblings = siblings;
    }

    /**
     * A proof for the leaf at {@code leafIndex} with the given siblings (level 0 first); the depth
     * is the number of siblings, 1..{@value PoseidonMerkleTree#MAX_DEPTH}, and the index must be
     * below 2^depth.
     */
    public static MerkleProof of(int leafIndex, List<Fr> siblings) {
        int depth = siblings.size();
        if (depth < 1 || depth > PoseidonMerkleTree.MAX_DEPTH) {
            throw new IllegalArgumentException("Merkle proof depth must be in [1, " + PoseidonMerkleTree.MAX_DEPTH + "], got " + depth);
        }
        if (leafIndex < 0 || leafIndex >= (1 << depth)) {
            throw new IllegalArgumentException("leaf index out of range for depth " + depth);
        }
        Fr[] s = new Fr[depth];
        for (int i = 0; i < depth; i++) s[i] = Objects.requireNonNull(siblings.get(i), "Merkle sibling is null");
        return new MerkleProof(leafIndex, s);
    }

    /** Position of the proven leaf, 0-based from the left. */
    public int leafIndex() {
        return leafIndex;
    }

    /** Number of levels (siblings). */
    public int depth() {
        return siblings.length;
    }

    /** The sibling at {@code level} (0 = the leaf's sibling). */
    public Fr sibling(int level) {
        return siblings[level];
    }

    /** All siblings, bottom-up (unmodifiable). */
    public List<Fr> siblings() {
        return List.of(siblings);
    }

    /** True if the path node at {@code level} is a right child (bit {@code level} of the index). */
    public boolean isRight(int level) {
        if (level < 0 || level >= siblings.length) throw new IndexOutOfBoundsException("level " + level);
        return ((leafIndex >>> level) & 1) == 1;
    }

    /** Index bits, least significant (level 0) first. */
    public boolean[] indexBits() {
        boolean[] bits = new boolean[siblings.length];
        for (int l = 0; l < bits.length; l++) bits[l] = isRight(l);
        return bits;
    }

    /** The root obtained by hashing {@code leaf} up the path. */
    public Fr computeRoot(Fr leaf) {
        Objects.requireNonNull(leaf, "leaf");
        long[] node = new long[4];
        long[] sib = new long[4];
        long[] scratch = new long[Poseidon.scratchLength(2)];
        leaf.writeMont(node, 0);
        for (int l = 0; l < siblings.length; l++) {
            siblings[l].writeMont(sib, 0);
            if (isRight(l)) {
                Poseidon.hash2(sib, 0, node, 0, node, 0, scratch);
            } else {
                Poseidon.hash2(node, 0, sib, 0, node, 0, scratch);
            }
        }
        return Fr.readMont(node, 0);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof MerkleProof)) return false;
        MerkleProof p = (MerkleProof) o;
        return leafIndex == p.leafIndex && Arrays.equals(siblings, p.siblings);
    }

    @Override
    public int hashCode() {
        return 31 * leafIndex + Arrays.hashCode(siblings);
    }

    @Override
    public String toString() {
        return "MerkleProof[depth=" + siblings.length + "]";
    }
}
