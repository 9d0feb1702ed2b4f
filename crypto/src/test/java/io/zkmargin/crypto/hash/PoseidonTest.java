package io.zkmargin.crypto.hash;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PoseidonTest {

    @Test
    void allCircomlibVectorsMatch() throws Exception {
        List<PoseidonVectors.Case> cases = PoseidonVectors.load();
        assertEquals(33, cases.size(), "vector file should hold 33 cases");
        Set<Integer> arities = new HashSet<>();
        for (PoseidonVectors.Case c : cases) {
            assertEquals(c.output(), Poseidon.hash(c.inputs()), "inputs " + c.inputs());
            arities.add(c.inputs().size());
        }
        for (int n = 1; n <= 16; n++) assertTrue(arities.contains(n), "no vector for " + n + " inputs");
    }

    /** The sparse partial-round form must equal the permutation as specified, on any state. */
    @Test
    void fastPermutationEqualsReferenceForEveryWidth() throws Exception {
        Random rnd = new Random(4);
        for (int t = 2; t <= 17; t++) {
            PoseidonConstants c = PoseidonConstants.forWidth(t);
            for (int rep = 0; rep < 3; rep++) {
                long[] a = new long[8 * t + 4], b = new long[8 * t + 4];
                for (int i = 0; i < t; i++) {
                    Fr x = rep == 0 ? Fr.ZERO : Fr.random(rnd);
                    x.writeMont(a, 4 * i);
                    x.writeMont(b, 4 * i);
                }
                Poseidon.permute(c, a);
                Poseidon.permuteReference(c, b);
                assertArrayEquals(Arrays.copyOf(b, 4 * t), Arrays.copyOf(a, 4 * t), "t=" + t);
            }
        }
        // the reference alone also reproduces the circomlib vectors
        for (PoseidonVectors.Case v : PoseidonVectors.load()) {
            int t = v.inputs().size() + 1;
            long[] s = new long[8 * t + 4];
            for (int i = 1; i < t; i++) v.inputs().get(i - 1).writeMont(s, 4 * i);
            Poseidon.permuteReference(PoseidonConstants.forWidth(t), s);
            assertEquals(v.output(), Fr.readMont(s, 0));
        }
    }

    @Test
    void bufferApiMatchesValueApi() throws Exception {
        long[] scratch = new long[Poseidon.scratchLength(16)];
        for (PoseidonVectors.Case c : PoseidonVectors.load()) {
            int n = c.inputs().size();
            long[] in = new long[4 * n + 8];
            for (int i = 0; i < n; i++) c.inputs().get(i).writeMont(in, 8 + 4 * i);
            long[] out = new long[12];
            Poseidon.hash(in, 8, n, out, 4, scratch);
            assertEquals(c.output(), Fr.readMont(out, 4));
            // output over the input buffer
            Poseidon.hash(in, 8, n, in, 8, scratch);
            assertEquals(c.output(), Fr.readMont(in, 8));
        }
    }

    /** Published circomlib constants for t = 3 (poseidon_constants: C[1][0], M[1][0][0], M[1][2][1]). */
    @Test
    void generatedConstantsMatchPublishedCircomlibEntries() {
        PoseidonConstants c = PoseidonConstants.forWidth(3);
        assertEquals(new BigInteger("0ee9a592ba9a9518d05986d656f40c2114c4993c11bb29938d21d47304cd8e6e", 16),
                c.roundConstant(0, 0).toBigInteger());
        assertEquals(new BigInteger("109b7f411ba0e4c9b2b70caf5c36a7b194be7c11ad24378bfedb68592ba8118b", 16),
                c.mds(0, 0).toBigInteger());
        assertEquals(65, c.rounds());
        assertEquals(57, c.partialRounds());
        assertTrue(c.isFullRound(3) && !c.isFullRound(4) && !c.isFullRound(60) && c.isFullRound(61));
    }

    @Test
    void mdsIsCauchyAndInvertibleRowsDiffer() {
        // Every 2x2 minor of a Cauchy matrix with distinct points is non-zero.
        for (int t = 2; t <= 17; t++) {
            PoseidonConstants c = PoseidonConstants.forWidth(t);
            for (int i = 0; i + 1 < t; i++) {
                Fr det = c.mds(i, 0).mul(c.mds(i + 1, 1)).sub(c.mds(i, 1).mul(c.mds(i + 1, 0)));
                assertFalse(det.isZero(), "t=" + t);
            }
        }
    }

    @Test
    void wrongArity_throws() {
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(List.of()));
        List<Fr> seventeen = Collections.nCopies(17, Fr.ONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(seventeen));
        assertTrue(e.getMessage().contains("1..16"));
        assertThrows(IllegalArgumentException.class, () -> PoseidonConstants.forWidth(1));
        assertThrows(IllegalArgumentException.class, () -> PoseidonConstants.forWidth(18));
        PoseidonConstants c = PoseidonConstants.forWidth(3);
        assertThrows(IndexOutOfBoundsException.class, () -> c.roundConstant(65, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.mds(0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> c.sparseCol(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.partialPre(57));
        assertThrows(IndexOutOfBoundsException.class, () -> c.mixFirst(3, 0));
    }

    @Test
    void nonCanonicalBufferInput_throwsAndLeavesOutputUntouched() {
        long[] in = {-1, -1, -1, -1};
        long[] out = {7, 7, 7, 7};
        assertThrows(IllegalArgumentException.class,
                () -> Poseidon.hash(in, 0, 1, out, 0, new long[Poseidon.scratchLength(1)]));
        assertArrayEquals(new long[] {7, 7, 7, 7}, out);
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hashMany(in, 0, 1, out, 0));
        assertArrayEquals(new long[] {7, 7, 7, 7}, out);
        assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(new long[4], 0, 1, out, 0, new long[3]));
        assertThrows(IndexOutOfBoundsException.class, () -> Poseidon.hash(new long[4], 0, 2, out, 0, new long[100]));
    }

    @Test
    void hashManyFollowsTheDocumentedChain() {
        Random rnd = new Random(5);
        for (int n : new int[] {0, 1, 2, 14, 15, 16, 29, 30, 31, 47}) {
            List<Fr> xs = new ArrayList<>();
            for (int i = 0; i < n; i++) xs.add(Fr.random(rnd));
            // model: acc = n; for each 15-chunk acc = Poseidon(acc, chunk)
            Fr acc = Fr.of(n);
            int pos = 0;
            do {
                List<Fr> link = new ArrayList<>();
                link.add(acc);
                link.addAll(xs.subList(pos, Math.min(n, pos + 15)));
                acc = Poseidon.hash(link);
                pos += 15;
            } while (pos < n);
            assertEquals(acc, Poseidon.hashMany(xs), "n=" + n);
        }
        assertEquals(Poseidon.hash(Fr.ZERO), Poseidon.hashMany(List.of()));
    }

    @Test
    void hashManySeparatesLengths() {
        // [h, q] must not collide with the 17-element input whose first link is h (length prefix).
        List<Fr> seventeen = new ArrayList<>();
        for (int i = 0; i < 17; i++) seventeen.add(Fr.of(i + 1));
        Fr first = Poseidon.hash(seventeen.subList(0, 16));
        assertNotEquals(Poseidon.hashMany(seventeen), Poseidon.hashMany(List.of(first, Fr.of(17))));
        assertNotEquals(Poseidon.hashMany(List.of(Fr.ZERO)), Poseidon.hashMany(List.of(Fr.ZERO, Fr.ZERO)));
    }

    @Test
    void nullInput_throws() {
        List<Fr> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> Poseidon.hash(withNull));
        assertThrows(NullPointerException.class, () -> Poseidon.hashMany(withNull));
    }
}
