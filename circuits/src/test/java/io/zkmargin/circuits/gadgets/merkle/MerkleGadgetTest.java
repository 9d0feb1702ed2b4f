package io.zkmargin.circuits.gadgets.merkle;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Compiler;
import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.UnsatisfiedConstraintException;
import io.zkmargin.circuits.Var;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.testing.CircuitTester;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.hash.MerkleProof;
import io.zkmargin.crypto.hash.PoseidonMerkleTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MerkleGadgetTest {
    private static final int DEPTH = 12;
    private static PoseidonMerkleTree tree;
    private static List<Fr> leaves;
    private static CompiledCircuit membership;

    @BeforeAll
    static void setUp() {
        Random rnd = new Random(31);
        leaves = new ArrayList<>();
        for (int i = 0; i < 3000; i++) leaves.add(Fr.random(rnd));
        tree = PoseidonMerkleTree.of(DEPTH, leaves);
        // public root; secret leaf, siblings and index bits
        membership = Compiler.compile(api -> {
            Var root = api.publicInput("root");
            Var leaf = api.secretInput("leaf");
            Var[] siblings = api.secretInputs("sibling", DEPTH);
            Var[] bits = api.secretInputs("bit", DEPTH);
            MerkleGadget.assertMember(api, root, leaf, siblings, bits);
        });
    }

    private static Assignment assign(Fr root, Fr leaf, Fr[] siblings, Fr[] bits) {
        return Assignment.builder().set("root", root).set("leaf", leaf).set("sibling", siblings).set("bit", bits).build();
    }

    private static Assignment honest(int index) {
        MerkleProof p = tree.proof(index);
        return assign(tree.root(), tree.leaf(index), MerkleGadget.siblingValues(p), MerkleGadget.indexBitValues(p));
    }

    @Test
    void validPathsSolve() {
        for (int index : new int[] {0, 1, 2047, 2999, 3000, 4095}) {
            Witness w = membership.solve(honest(index));
            assertEquals(List.of(tree.root()), w.publicValues());
        }
    }

    @Test
    void constraintCountForDepth12() {
        assertEquals(MerkleGadget.constraints(DEPTH) + 1, membership.r1cs().nConstraints());
        assertEquals(12 * 242, MerkleGadget.constraints(DEPTH));
        System.out.println("Merkle depth 12 membership: " + membership.r1cs().nConstraints() + " constraints, "
                + membership.r1cs().nWires() + " wires; A/B/C terms " + membership.r1cs().a().terms() + "/"
                + membership.r1cs().b().terms() + "/" + membership.r1cs().c().terms());
    }

    @Test
    void wrongSibling_fails() {
        int index = 1234;
        MerkleProof p = tree.proof(index);
        for (int l = 0; l < DEPTH; l += 3) {
            Fr[] siblings = MerkleGadget.siblingValues(p);
            siblings[l] = siblings[l].add(Fr.ONE);
            Assignment a = assign(tree.root(), tree.leaf(index), siblings, MerkleGadget.indexBitValues(p));
            assertThrows(UnsatisfiedConstraintException.class, () -> membership.solve(a), "level " + l);
        }
    }

    @Test
    void wrongIndexBit_fails() {
        int index = 1234;
        MerkleProof p = tree.proof(index);
        for (int l = 0; l < DEPTH; l++) {
            Fr[] bits = MerkleGadget.indexBitValues(p);
            bits[l] = Fr.ONE.sub(bits[l]);
            Assignment a = assign(tree.root(), tree.leaf(index), MerkleGadget.siblingValues(p), bits);
            assertThrows(UnsatisfiedConstraintException.class, () -> membership.solve(a), "bit " + l);
        }
    }

    @Test
    void wrongLeafOrRoot_fails() {
        MerkleProof p = tree.proof(7);
        Fr[] s = MerkleGadget.siblingValues(p), b = MerkleGadget.indexBitValues(p);
        assertThrows(UnsatisfiedConstraintException.class, () -> membership.solve(assign(tree.root(), tree.leaf(8), s, b)));
        assertThrows(UnsatisfiedConstraintException.class,
                () -> membership.solve(assign(tree.root().add(Fr.ONE), tree.leaf(7), s, b)));
    }

    @Test
    void nonBooleanIndexBit_failsOnTheBooleanConstraint() {
        MerkleProof p = tree.proof(5);
        Fr[] bits = MerkleGadget.indexBitValues(p);
        bits[4] = Fr.of(2);
        UnsatisfiedConstraintException e = assertThrows(UnsatisfiedConstraintException.class,
                () -> membership.solve(assign(tree.root(), tree.leaf(5), MerkleGadget.siblingValues(p), bits)));
        assertEquals("merkle/indexBit", e.label());
    }

    /**
     * A cheating prover who picks a non-boolean bit b so that the mux yields exactly the pair it wants
     * (here: hashing (node, node)) still fails on the boolean constraint: the other constraints alone
     * would accept it.
     */
    @Test
    void nonBooleanBitThatSatisfiesTheMux_isStillRejected() {
        CompiledCircuit c = Compiler.compile(api -> {
            Var root = api.publicInput("root");
            Var leaf = api.secretInput("leaf");
            Var[] siblings = api.secretInputs("sibling", 1);
            Var[] bits = api.secretInputs("bit", 1);
            MerkleGadget.assertMember(api, root, leaf, siblings, bits);
        });
        Fr leaf = Fr.of(3), sibling = Fr.of(10);
        // left = leaf + b (sibling - leaf) and right = sibling - b (sibling - leaf) meet at b = 1/2
        Fr half = Fr.of(2).inverse();
        Fr mid = leaf.add(half.mul(sibling.sub(leaf)));
        Fr root = io.zkmargin.crypto.hash.Poseidon.hash(mid, mid);
        Assignment a = Assignment.builder().set("root", root).set("leaf", leaf)
                .set("sibling", new Fr[] {sibling}).set("bit", new Fr[] {half}).build();
        Witness w = c.solveUnchecked(a);
        R1cs r = c.r1cs();
        List<String> unsatisfied = new ArrayList<>();
        for (int i = 0; i < r.nConstraints(); i++) {
            if (!holds(r, w, i)) unsatisfied.add(r.constraintLabel(i));
        }
        assertEquals(List.of("merkle/indexBit"), unsatisfied);
    }

    /** Independent evaluation of constraint i: (A.w) * (B.w) == C.w. */
    private static boolean holds(R1cs r, Witness w, int i) {
        Fr[] abc = new Fr[3];
        R1cs.Matrix[] ms = {r.a(), r.b(), r.c()};
        for (int k = 0; k < 3; k++) {
            Fr acc = Fr.ZERO;
            for (int t = ms[k].rowStart(i); t < ms[k].rowStart(i + 1); t++) acc = acc.add(ms[k].coeff(t).mul(w.get(ms[k].wire(t))));
            abc[k] = acc;
        }
        return abc[0].mul(abc[1]).equals(abc[2]);
    }

    /** Both forms of a numeric private index: indexBits + root (as the margin circuit uses) and rootAt. */
    @Test
    void numericPrivateIndex_decomposesAndProves() {
        for (boolean viaRootAt : new boolean[] {false, true}) {
            CompiledCircuit c = CircuitTester.compile(api -> {
                Var root = api.publicInput("root");
                Var leaf = api.secretInput("leaf");
                Var index = api.secretInput("index");
                Var[] siblings = api.secretInputs("sibling", DEPTH);
                Var computed = viaRootAt
                        ? MerkleGadget.rootAt(api, leaf, siblings, index)
                        : MerkleGadget.root(api, leaf, siblings, MerkleGadget.indexBits(api, index, DEPTH));
                api.assertEqual(root, computed);
            });
            int expectedConstraints = MerkleGadget.constraints(DEPTH) + DEPTH + 1 + 1 - (viaRootAt ? DEPTH : 0);
            assertEquals(expectedConstraints, c.r1cs().nConstraints(), "rootAt=" + viaRootAt);
            int index = 2741;
            MerkleProof p = tree.proof(index);
            CircuitTester.assertSolves(c, numeric(index, tree.leaf(index), p), List.of(tree.root()));
            // the neighbouring index with the same path data is rejected
            CircuitTester.assertRejected(c, numeric(index ^ 1, tree.leaf(index), p));
            // an index beyond the tree has no 12-bit decomposition
            assertTrue(CircuitTester.assertRejected(c, numeric(index + 4096, tree.leaf(index), p)).startsWith("toBits12"));
        }
    }

    /** No wire of a one-level path may change alone, in either form (the check is quadratic in circuit size). */
    @Test
    void noFreeWiresInSmallPaths() {
        PoseidonMerkleTree small = PoseidonMerkleTree.of(1, List.of(Fr.of(5), Fr.of(6)));
        MerkleProof p = small.proof(1);
        for (boolean viaRootAt : new boolean[] {false, true}) {
            CompiledCircuit c = CircuitTester.compile(api -> {
                Var root = api.publicInput("root");
                Var leaf = api.secretInput("leaf");
                Var index = api.secretInput("index");
                Var[] siblings = api.secretInputs("sibling", 1);
                Var computed = viaRootAt
                        ? MerkleGadget.rootAt(api, leaf, siblings, index)
                        : MerkleGadget.root(api, leaf, siblings, MerkleGadget.indexBits(api, index, 1));
                api.assertEqual(root, computed);
            });
            Witness w = CircuitTester.assertSolves(c, Assignment.builder().set("root", small.root()).set("leaf", Fr.of(6))
                    .set("index", 1).set("sibling", MerkleGadget.siblingValues(p)).build(), List.of(small.root()));
            CircuitTester.assertNoFreeWires(c, w);
        }
    }

    private static Assignment numeric(int index, Fr leaf, MerkleProof p) {
        return Assignment.builder().set("root", tree.root()).set("leaf", leaf).set("index", index)
                .set("sibling", MerkleGadget.siblingValues(p)).build();
    }

    @Test
    void badShapes_throw() {
        assertThrows(IllegalArgumentException.class, () -> Compiler.compile(api ->
                MerkleGadget.root(api, api.secretInput("l"), api.secretInputs("s", 3), api.secretInputs("b", 2))));
        assertThrows(IllegalArgumentException.class, () -> Compiler.compile(api ->
                MerkleGadget.root(api, api.secretInput("l"), new Var[0], new Var[0])));
        assertThrows(IllegalArgumentException.class, () -> Compiler.compile(api ->
                MerkleGadget.indexBits(api, api.secretInput("i"), 31)));
        assertThrows(IllegalArgumentException.class, () -> Compiler.compile(api ->
                MerkleGadget.rootAt(api, api.secretInput("l"), new Var[0], api.secretInput("i"))));
    }
}
