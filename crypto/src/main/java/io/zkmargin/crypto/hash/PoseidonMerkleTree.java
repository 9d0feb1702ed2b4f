package io.zkmargin.crypto.hash;

import io.zkmargin.crypto.field.Fr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Binary Merkle tree of fixed depth over Fr: leaves at level 0, node = Poseidon(left, right)
 * (circomlib {@code Poseidon(2)}), root at level {@code depth}. Leaves not given are empty and equal
 * {@link #EMPTY_LEAF} (zero), so an empty subtree of height h hashes to {@link #emptyRoot(int) emptyRoot(h)}.
 *
 * <p>Immutable. Only the non-empty prefix of each level is stored (Montgomery limbs), so a sparse
 * tree costs memory and hashing in proportion to its leaves, not to 2^depth.
 */
public final class PoseidonMerkleTree {
    /** Largest supported depth (leaf indices are {@code int}). */
    public static final int MAX_DEPTH = 30;
    /** Value of a leaf that was never set. */
    public static final Fr EMPTY_LEAF = Fr.ZERO;

    // EMPTY[h] = root of an empty subtree of height h, Montgomery limbs at 4h
    private static final long[] EMPTY = emptyRoots();

    private final int depth;
    private final int size;
    private final long[][] levels; // levels[l] holds ceil(size / 2^l) nodes

    private PoseidonMerkleTree(int depth, int size, long[][] levels) {
        this.depth = depth;
        this.size = size;
        this.levels = levels;
    }

    private static long[] emptyRoots() {
        long[] z = new long[4 * (MAX_DEPTH + 1)];
        EMPTY_LEAF.writeMont(z, 0);
        long[] scratch = new long[Poseidon.scratchLength(2)];
        for (int h = 0; h < MAX_DEPTH; h++) Poseidon.hash2(z, 4 * h, z, 4 * h, z, 4 * (h + 1), scratch);
        return z;
    }

    /**
     * The tree of the given depth (1..30) whose first leaves are {@code leaves} (at most 2^depth,
     * none null) and whose remaining leaves are empty.
     */
    public static PoseidonMerkleTree of(int depth, List<Fr> leaves) {
        checkDepth(depth);
        int n = leaves.size();
        if (n > (1 << depth)) {
            throw new IllegalArgumentException(n + " leaves do not fit a tree of depth " + depth);
        }
        long[][] levels = new long[depth + 1][];
        levels[0] = new long[4 * n];
        for (int i = 0; i < n; i++) {
            Objects.requireNonNull(leaves.get(i), "Merkle leaf is null").writeMont(levels[0], 4 * i);
        }
        long[] scratch = new long[Poseidon.scratchLength(2)];
        int count = n;
        for (int l = 0; l < depth; l++) {
            long[] below = levels[l];
            int parents = (count + 1) >>> 1;
            long[] above = new long[4 * parents];
            for (int i = 0; i < parents; i++) {
                int left = 2 * i, right = 2 * i + 1;
                if (right < count) {
                    Poseidon.hash2(below, 4 * left, below, 4 * right, above, 4 * i, scratch);
                } else {
                    Poseidon.hash2(below, 4 * left, EMPTY, 4 * l, above, 4 * i, scratch);
                }
            }
            levels[l + 1] = above;
            count = parents;
        }
        return new PoseidonMerkleTree(depth, n, levels);
    }

    /** The root of a tree of the given depth (0..30) with only empty leaves. */
    public static Fr emptyRoot(int depth) {
        if (depth < 0 || depth > MAX_DEPTH) throw new IllegalArgumentException("depth must be in [0, " + MAX_DEPTH + "], got " + depth);
        return Fr.readMont(EMPTY, 4 * depth);
    }

    private static void checkDepth(int depth) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("Merkle tree depth must be in [1, " + MAX_DEPTH + "], got " + depth);
        }
    }

    /** Number of levels above the leaves. */
    public int depth() {
        return depth;
    }

    /** Number of leaf positions, 2^depth. */
    public int capacity() {
        return 1 << depth;
    }

    /** Number of leaves given at construction (the rest are empty). */
    public int size() {
        return size;
    }

    public Fr root() {
        return node(depth, 0);
    }

    /** The leaf at {@code index} (empty leaves read as {@link #EMPTY_LEAF}). */
    public Fr leaf(int index) {
        checkIndex(index);
        return node(0, index);
    }

    private Fr node(int level, int i) {
        long[] lv = levels[level];
        return 4 * i < lv.length ? Fr.readMont(lv, 4 * i) : Fr.readMont(EMPTY, 4 * level);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= capacity()) {
            throw new IndexOutOfBoundsException("leaf index " + index + " outside [0, " + capacity() + ")");
        }
    }

    /** The membership proof of the leaf at {@code index} (an empty position has one too). */
    public MerkleProof proof(int index) {
        checkIndex(index);
        List<Fr> siblings = new ArrayList<>(depth);
        int i = index;
        for (int l = 0; l < depth; l++) {
            siblings.add(node(l, i ^ 1));
            i >>>= 1;
        }
        return MerkleProof.of(index, siblings);
    }

    /** A tree equal to this one with the leaf at {@code index} replaced (this tree is unchanged). */
    public PoseidonMerkleTree withLeaf(int index, Fr value) {
        checkIndex(index);
        Objects.requireNonNull(value, "leaf");
        int newSize = Math.max(size, index + 1);
        long[][] copy = new long[depth + 1][];
        long[] scratch = new long[Poseidon.scratchLength(2)];
        int count = newSize;
        for (int l = 0; l <= depth; l++) {
            copy[l] = java.util.Arrays.copyOf(levels[l], 4 * count);
            // grown positions between the old prefix and the new one are empty subtrees
            for (int k = levels[l].length; k < copy[l].length; k += 4) System.arraycopy(EMPTY, 4 * l, copy[l], k, 4);
            count = (count + 1) >>> 1;
        }
        value.writeMont(copy[0], 4 * index);
        int i = index;
        for (int l = 0; l < depth; l++) {
            int left = i & ~1, right = left | 1;
            long[] below = copy[l];
            long[] rightSrc = 4 * right < below.length ? below : EMPTY;
            int rightOff = 4 * right < below.length ? 4 * right : 4 * l;
            Poseidon.hash2(below, 4 * left, rightSrc, rightOff, copy[l + 1], 4 * (i >>> 1), scratch);
            i >>>= 1;
        }
        return new PoseidonMerkleTree(depth, newSize, copy);
    }

    /** True if {@code proof} leads from {@code leaf} to {@code root}. */
    public static boolean verify(Fr root, Fr leaf, MerkleProof proof) {
        Objects.requireNonNull(root, "root");
        return proof.computeRoot(leaf).equals(root);
    }

    /** Trees are equal when they have the same depth and root (so the same leaves, barring a Poseidon collision). */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof PoseidonMerkleTree)) return false;
        PoseidonMerkleTree other = (PoseidonMerkleTree) o;
        return depth == other.depth && root().equals(other.root());
    }

    @Override
    public int hashCode() {
        return 31 * depth + root().hashCode();
    }

    @Override
    public String toString() {
        return "PoseidonMerkleTree[depth=" + depth + ", size=" + size + ", root=" + root() + "]";
    }
}
