package io.zkmargin.circuits.gadgets.merkle;

import io.zkmargin.circuits.Api;
import io.zkmargin.circuits.Scope;
import io.zkmargin.circuits.Var;
import io.zkmargin.circuits.gadgets.Bits;
import io.zkmargin.circuits.gadgets.poseidon.PoseidonGadget;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.hash.MerkleProof;
import io.zkmargin.crypto.hash.PoseidonMerkleTree;
import java.util.Objects;

/**
 * Merkle membership in a {@link PoseidonMerkleTree} at a private position.
 *
 * <p>Per level: one constraint asserts the index bit boolean, one computes
 * {@code d = bit * (sibling - node)} so that {@code left = node + d} and {@code right = sibling - d}
 * (the path node goes right when the bit is 1), and Poseidon(left, right) costs 240; a depth-12 path
 * is {@link #constraints(int) 12 * 242}. The caller constrains the returned root (public or private).
 */
public final class MerkleGadget {
    private MerkleGadget() {}

    /**
     * The root reached from {@code leaf} with {@code siblings} (level 0 first) and {@code indexBits}
     * (least significant first; bit l = 1 means the path node at level l is a right child). Every
     * index bit is asserted boolean here: {@link #constraints(int) 242 per level}.
     */
    public static Var root(Api api, Var leaf, Var[] siblings, Var[] indexBits) {
        return path(api, leaf, siblings, indexBits, true);
    }

    /**
     * The root reached from {@code leaf} at the private position {@code index}, decomposed here into
     * boolean bits proven to recompose to it (so 0 <= index < 2^depth): {@code depth * 242 + 1}
     * constraints, {@code depth} fewer than {@link #indexBits} followed by {@link #root}.
     */
    public static Var rootAt(Api api, Var leaf, Var[] siblings, Var index) {
        checkDepth(siblings.length);
        return path(api, leaf, siblings, Bits.toBits(api, Objects.requireNonNull(index, "index"), siblings.length), false);
    }

    private static Var path(Api api, Var leaf, Var[] siblings, Var[] indexBits, boolean assertBits) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(leaf, "leaf");
        int depth = siblings.length;
        checkDepth(depth);
        if (indexBits.length != depth) {
            throw new IllegalArgumentException("need one index bit per level: " + depth + " siblings, " + indexBits.length + " bits");
        }
        Var node = leaf;
        try (Scope scope = api.scope("merkle")) {
            for (int l = 0; l < depth; l++) {
                Var bit = Objects.requireNonNull(indexBits[l], "index bit is null");
                Var sibling = Objects.requireNonNull(siblings[l], "sibling is null");
                if (assertBits) {
                    try (Scope level = api.scope("indexBit")) {
                        api.assertBoolean(bit);
                    }
                }
                // one product selects the order: (node, sibling) for bit 0, (sibling, node) for bit 1
                Var d = api.mul(bit, api.sub(sibling, node));
                Var left = api.add(node, d);
                Var right = api.sub(sibling, d);
                node = PoseidonGadget.hash(api, left, right);
            }
        }
        return node;
    }

    private static void checkDepth(int depth) {
        if (depth < 1 || depth > PoseidonMerkleTree.MAX_DEPTH) {
            throw new IllegalArgumentException("Merkle depth must be in [1, " + PoseidonMerkleTree.MAX_DEPTH + "], got " + depth);
        }
    }

    /** Asserts that {@code leaf} sits at the position given by {@code indexBits} under {@code root}. */
    public static void assertMember(Api api, Var root, Var leaf, Var[] siblings, Var[] indexBits) {
        api.assertEqual(Objects.requireNonNull(root, "root"), root(api, leaf, siblings, indexBits));
    }

    /**
     * Decomposes {@code index} into {@code depth} boolean bits (least significant first) constrained
     * to recompose to it ({@link Bits#toBits}, depth + 1 constraints); an index >= 2^depth cannot
     * satisfy them. {@link #root} asserts the bits boolean again; {@link #rootAt} avoids that.
     */
    public static Var[] indexBits(Api api, Var index, int depth) {
        checkDepth(depth);
        return Bits.toBits(api, Objects.requireNonNull(index, "index"), depth);
    }

    /** Constraints of {@link #root} (and of {@link #assertMember} minus one) for a path of {@code depth} levels. */
    public static int constraints(int depth) {
        return depth * (2 + PoseidonGadget.constraints(2));
    }

    /** Sibling values of a native proof, level 0 first (for an assignment). */
    public static Fr[] siblingValues(MerkleProof proof) {
        return proof.siblings().toArray(new Fr[0]);
    }

    /** Index bit values (0 or 1) of a native proof, least significant first (for an assignment). */
    public static Fr[] indexBitValues(MerkleProof proof) {
        Fr[] bits = new Fr[proof.depth()];
        for (int l = 0; l < bits.length; l++) bits[l] = proof.isRight(l) ? Fr.ONE : Fr.ZERO;
        return bits;
    }
}
