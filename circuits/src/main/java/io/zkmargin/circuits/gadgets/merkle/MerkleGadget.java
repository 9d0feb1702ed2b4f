package io.zkmargin.circuits.gadgets.merkle;

import io.zkmargin.circuits.Api;
import io.zkmargin.circuits.Scope;
import io.zkmargin.circuits.Var;
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
     * index bit is asserted boolean here.
     */
    public static Var root(Api api, Var leaf, Var[] siblings, Var[] indexBits) {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(leaf, "leaf");
        int depth = siblings.length;
        if (depth < 1 || depth > PoseidonMerkleTree.MAX_DEPTH) {
            throw new IllegalArgumentException("Merkle depth must be in [1, " + PoseidonMerkleTree.MAX_DEPTH + "], got " + depth);
        }
        if (indexBits.length != depth) {
            throw new IllegalArgumentException("need one index bit per level: " + depth + " siblings, " + indexBits.length + " bits");
        }
        Var node = leaf;
        try (Scope scope = api.scope("merkle")) {
            for (int l = 0; l < depth; l++) {
                Var bit = Objects.requireNonNull(indexBits[l], "index bit is null");
                Var sibling = Objects.requireNonNull(siblings[l], "sibling is null");
                try (Scope level = api.scope("indexBit")) {
                    api.assertBoolean(bit);
                }
                Var d = api.mul(bit, api.sub(sibling, node));
                Var left = api.add(node, d);
                Var right = api.sub(sibling, d);
                node = PoseidonGadget.hash(api, left, right);
            }
        }
        return node;
    }

    /** Asserts that {@code leaf} sits at the position given by {@code indexBits} under {@code root}. */
    public static void assertMember(Api api, Var root, Var leaf, Var[] siblings, Var[] indexBits) {
        api.assertEqual(Objects.requireNonNull(root, "root"), root(api, leaf, siblings, indexBits));
    }

    /**
     * Decomposes {@code index} into {@code depth} boolean bits (least significant first) constrained
     * to recompose to it: depth + 1 constraints (the bits are asserted boolean again by {@link #root},
     * so a caller that passes them on may rely on that). Solving fails if index >= 2^depth.
     */
    public static Var[] indexBits(Api api, Var index, int depth) {
        Objects.requireNonNull(index, "index");
        if (depth < 1 || depth > PoseidonMerkleTree.MAX_DEPTH) {
            throw new IllegalArgumentException("Merkle depth must be in [1, " + PoseidonMerkleTree.MAX_DEPTH + "], got " + depth);
        }
        try (Scope scope = api.scope("merkleIndex")) {
            Var[] bits = api.hint("indexBits", depth, in -> {
                long[] limbs = in[0].toCanonicalLimbs();
                if ((limbs[1] | limbs[2] | limbs[3]) != 0 || Long.compareUnsigned(limbs[0], 1L << depth) >= 0) {
                    throw new IllegalArgumentException("Merkle index does not fit " + depth + " bits");
                }
                Fr[] out = new Fr[depth];
                for (int l = 0; l < depth; l++) out[l] = ((limbs[0] >>> l) & 1) == 1 ? Fr.ONE : Fr.ZERO;
                return out;
            }, index);
            Var sum = api.zero();
            for (int l = 0; l < depth; l++) {
                api.assertBoolean(bits[l]);
                sum = api.add(sum, api.mul(bits[l], 1L << l));
            }
            api.assertEqual(sum, index);
            return bits;
        }
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
