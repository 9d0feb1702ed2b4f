package io.zkmargin.crypto.hash;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.field.Fr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoseidonMerkleTreeTest {

    /** Independent model: pad to 2^depth with zeros and hash level by level with the value API. */
    private static Fr naiveRoot(int depth, List<Fr> leaves) {
        List<Fr> level = new ArrayList<>(leaves);
        while (level.size() < (1 << depth)) level.add(Fr.ZERO);
        for (int l = 0; l < depth; l++) {
            List<Fr> up = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) up.add(Poseidon.hash(level.get(i), level.get(i + 1)));
            level = up;
        }
        return level.get(0);
    }

    private static List<Fr> randomLeaves(Random rnd, int n) {
        List<Fr> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) xs.add(Fr.random(rnd));
        return xs;
    }

    @Test
    void rootMatchesNaiveRecomputation() {
        Random rnd = new Random(11);
        for (int depth = 1; depth <= 6; depth++) {
            for (int n : new int[] {0, 1, 2, 3, (1 << depth) - 1, 1 << depth}) {
                if (n > (1 << depth)) continue;
                List<Fr> leaves = randomLeaves(rnd, n);
                assertEquals(naiveRoot(depth, leaves), PoseidonMerkleTree.of(depth, leaves).root(), "depth " + depth + " n " + n);
            }
        }
    }

    @Test
    void depth12RootMatchesNaiveRecomputation() {
        List<Fr> leaves = randomLeaves(new Random(12), 3000);
        PoseidonMerkleTree tree = PoseidonMerkleTree.of(12, leaves);
        assertEquals(naiveRoot(12, leaves), tree.root());
        assertEquals(4096, tree.capacity());
        assertEquals(3000, tree.size());
    }

    @Test
    void emptyRootsChain() {
        assertEquals(Fr.ZERO, PoseidonMerkleTree.emptyRoot(0));
        // circomlib Poseidon(0, 0), an independent constant
        assertEquals(Fr.fromDecimal("14744269619966411208579211824598458697587494354926760081771325075741142829156"),
                PoseidonMerkleTree.emptyRoot(1));
        for (int d = 1; d <= 8; d++) {
            Fr below = PoseidonMerkleTree.emptyRoot(d - 1);
            assertEquals(Poseidon.hash(below, below), PoseidonMerkleTree.emptyRoot(d));
            assertEquals(PoseidonMerkleTree.emptyRoot(d), PoseidonMerkleTree.of(d, List.of()).root());
        }
    }

    @Test
    void everyProofRoundTrips() {
        Random rnd = new Random(13);
        List<Fr> leaves = randomLeaves(rnd, 21);
        PoseidonMerkleTree tree = PoseidonMerkleTree.of(5, leaves);
        for (int i = 0; i < tree.capacity(); i++) {
            MerkleProof p = tree.proof(i);
            assertEquals(5, p.depth());
            assertEquals(i, p.leafIndex());
            Fr leaf = i < leaves.size() ? leaves.get(i) : Fr.ZERO;
            assertEquals(leaf, tree.leaf(i));
            assertTrue(PoseidonMerkleTree.verify(tree.root(), leaf, p), "index " + i);
            assertEquals(p, MerkleProof.of(p.leafIndex(), p.siblings()));
        }
    }

    @Test
    void tamperedProofsFail() {
        Random rnd = new Random(14);
        List<Fr> leaves = randomLeaves(rnd, 4096);
        PoseidonMerkleTree tree = PoseidonMerkleTree.of(12, leaves);
        int index = 2741;
        MerkleProof good = tree.proof(index);
        Fr leaf = leaves.get(index);
        assertTrue(PoseidonMerkleTree.verify(tree.root(), leaf, good));
        assertFalse(PoseidonMerkleTree.verify(tree.root(), leaf.add(Fr.ONE), good), "wrong leaf");
        assertFalse(PoseidonMerkleTree.verify(tree.root().add(Fr.ONE), leaf, good), "wrong root");
        for (int l = 0; l < 12; l++) {
            List<Fr> sib = new ArrayList<>(good.siblings());
            sib.set(l, sib.get(l).add(Fr.ONE));
            assertFalse(PoseidonMerkleTree.verify(tree.root(), leaf, MerkleProof.of(index, sib)), "sibling " + l);
            MerkleProof flipped = MerkleProof.of(index ^ (1 << l), good.siblings());
            assertFalse(PoseidonMerkleTree.verify(tree.root(), leaf, flipped), "index bit " + l);
        }
    }

    @Test
    void indexBitsAreLeastSignificantFirst() {
        MerkleProof p = MerkleProof.of(0b1011, Collections.nCopies(4, Fr.ONE));
        assertArrayEquals(new boolean[] {true, true, false, true}, p.indexBits());
        assertEquals("MerkleProof[depth=4]", p.toString());
    }

    @Test
    void withLeafMatchesRebuild() {
        Random rnd = new Random(15);
        List<Fr> leaves = randomLeaves(rnd, 10);
        PoseidonMerkleTree tree = PoseidonMerkleTree.of(6, leaves);
        Fr rootBefore = tree.root();
        for (int index : new int[] {3, 9, 10, 17, 63}) {
            Fr v = Fr.random(rnd);
            PoseidonMerkleTree updated = tree.withLeaf(index, v);
            List<Fr> expected = new ArrayList<>(leaves);
            while (expected.size() <= index) expected.add(Fr.ZERO);
            expected.set(index, v);
            assertEquals(naiveRoot(6, expected), updated.root(), "index " + index);
            assertTrue(PoseidonMerkleTree.verify(updated.root(), v, updated.proof(index)));
            assertEquals(rootBefore, tree.root(), "original tree changed");
            assertEquals(PoseidonMerkleTree.of(6, expected), updated);
            assertNotEquals(tree, updated);
        }
    }

    @Test
    void badInput_throws() {
        assertThrows(IllegalArgumentException.class, () -> PoseidonMerkleTree.of(0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> PoseidonMerkleTree.of(31, List.of()));
        assertThrows(IllegalArgumentException.class, () -> PoseidonMerkleTree.of(2, Collections.nCopies(5, Fr.ONE)));
        List<Fr> withNull = new ArrayList<>(List.of(Fr.ONE));
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> PoseidonMerkleTree.of(2, withNull));
        PoseidonMerkleTree tree = PoseidonMerkleTree.of(3, List.of(Fr.ONE));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.proof(8));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.proof(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.withLeaf(8, Fr.ONE));
        assertThrows(IllegalArgumentException.class, () -> MerkleProof.of(4, Collections.nCopies(2, Fr.ONE)));
        assertThrows(IllegalArgumentException.class, () -> MerkleProof.of(0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> PoseidonMerkleTree.emptyRoot(31));
    }
}
