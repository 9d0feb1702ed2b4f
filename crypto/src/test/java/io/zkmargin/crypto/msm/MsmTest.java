package io.zkmargin.crypto.msm;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.G2Jacobian;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * MSM against an independent BigInteger model: every point is built as a known multiple l_i * G, so
 * the expected sum is (sum k_i l_i mod r) * G, computed by {@link RefCurve}. Inputs mix zero
 * scalars, r - 1, repeated scalars and points, infinity, and P next to -P.
 */
class MsmTest {
    private static final BigInteger R = RefCurve.R;

    /** Points with their discrete logs, and scalars. */
    private static final class Input {
        final List<BigInteger[]> pts = new ArrayList<>();
        final List<BigInteger> logs = new ArrayList<>();
        final List<BigInteger> ks = new ArrayList<>();

        void add(BigInteger[] pt, BigInteger log, BigInteger k) {
            pts.add(pt);
            logs.add(log);
            ks.add(k);
        }

        BigInteger[] expected(BigInteger[] gen) {
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < ks.size(); i++) sum = sum.add(ks.get(i).multiply(logs.get(i)));
            return RefCurve.mul(sum.mod(R), gen);
        }

        Fr[] scalars() {
            return ks.stream().map(Fr::of).toArray(Fr[]::new);
        }
    }

    private static BigInteger randomScalar(Random rnd) {
        return new BigInteger(R.bitLength() + 16, rnd).mod(R);
    }

    private static Input build(Random rnd, int n, BigInteger[] gen) {
        Input in = new Input();
        BigInteger la = randomScalar(rnd), lb = randomScalar(rnd);
        BigInteger[] pa = RefCurve.mul(la, gen), pb = RefCurve.mul(lb, gen);
        for (int i = 0; i < n; i++) {
            BigInteger[] pt;
            BigInteger log;
            int kind = i < 2 ? 9 : rnd.nextInt(10);
            if (kind == 0) {
                pt = null;
                log = BigInteger.ZERO;
            } else if (kind == 1) {
                int j = rnd.nextInt(i);
                pt = in.pts.get(j);
                log = in.logs.get(j);
            } else if (kind == 2) {
                int j = rnd.nextInt(i);
                pt = RefCurve.neg(in.pts.get(j));
                log = R.subtract(in.logs.get(j)).mod(R);
            } else {
                // next of a Fibonacci-like walk: one affine addition per fresh point
                pt = pa;
                log = la;
                BigInteger[] nx = RefCurve.add(pa, pb);
                BigInteger nl = la.add(lb).mod(R);
                pa = pb;
                la = lb;
                pb = nx;
                lb = nl;
            }
            BigInteger k;
            switch (rnd.nextInt(12)) {
                case 0: k = BigInteger.ZERO; break;
                case 1: k = R.subtract(BigInteger.ONE); break;
                case 2: k = BigInteger.ONE; break;
                case 3: k = i == 0 ? BigInteger.TWO : in.ks.get(rnd.nextInt(i)); break;
                case 4: k = BigInteger.ONE.shiftLeft(rnd.nextInt(254)).mod(R); break;
                case 5: k = BigInteger.ONE.shiftLeft(1 + rnd.nextInt(253)).subtract(BigInteger.ONE).mod(R); break;
                default: k = randomScalar(rnd);
            }
            in.add(pt, log, k);
        }
        return in;
    }

    // ------------------------------------------------------------------ conversions

    private static G1Affine g1(BigInteger[] pt) {
        return pt == null ? G1Affine.INFINITY : G1Affine.of(Fp.of(pt[0]), Fp.of(pt[2]));
    }

    private static G2Affine g2(BigInteger[] pt) {
        return pt == null ? G2Affine.INFINITY : G2Affine.of(Fp2.of(pt[0], pt[1]), Fp2.of(pt[2], pt[3]));
    }

    private static void assertG1(BigInteger[] expected, G1Jacobian got, String msg) {
        if (expected == null) {
            assertTrue(got.isInfinity(), msg + ": expected infinity");
            return;
        }
        assertFalse(got.isInfinity(), msg + ": unexpected infinity");
        G1Affine a = got.toAffine();
        assertEquals(expected[0], a.x().toBigInteger(), msg + " x");
        assertEquals(expected[2], a.y().toBigInteger(), msg + " y");
    }

    private static void assertG2(BigInteger[] expected, G2Jacobian got, String msg) {
        if (expected == null) {
            assertTrue(got.isInfinity(), msg + ": expected infinity");
            return;
        }
        assertFalse(got.isInfinity(), msg + ": unexpected infinity");
        G2Affine a = got.toAffine();
        assertEquals(expected[0], a.x().c0().toBigInteger(), msg + " x.c0");
        assertEquals(expected[1], a.x().c1().toBigInteger(), msg + " x.c1");
        assertEquals(expected[2], a.y().c0().toBigInteger(), msg + " y.c0");
        assertEquals(expected[3], a.y().c1().toBigInteger(), msg + " y.c1");
    }

    private static G1Affine[] g1Points(Input in) {
        return in.pts.stream().map(MsmTest::g1).toArray(G1Affine[]::new);
    }

    private static G2Affine[] g2Points(Input in) {
        return in.pts.stream().map(MsmTest::g2).toArray(G2Affine[]::new);
    }

    private static long[] plain(Input in) {
        long[] k = new long[4 * in.ks.size()];
        for (int i = 0; i < in.ks.size(); i++) {
            BigInteger v = in.ks.get(i);
            for (int j = 0; j < 4; j++) k[4 * i + j] = v.shiftRight(64 * j).longValue();
        }
        return k;
    }

    // ------------------------------------------------------------------ the model itself

    @Test
    void referenceModelHasTheRightGroupOrder() {
        assertNull(RefCurve.mul(R, RefCurve.G1));
        assertNull(RefCurve.mul(R, RefCurve.G2));
        assertNotNull(RefCurve.mul(R.subtract(BigInteger.ONE), RefCurve.G1));
        assertEquals(G1Affine.GENERATOR, g1(RefCurve.G1));
        assertEquals(G2Affine.GENERATOR, g2(RefCurve.G2));
    }

    // ------------------------------------------------------------------ G1

    @Test
    void g1MatchesModelForSizes0To5000() {
        Random rnd = new Random(21);
        for (int n : new int[] {0, 1, 2, 3, 100, 5000}) {
            Input in = build(rnd, n, RefCurve.G1);
            BigInteger[] expected = in.expected(RefCurve.G1);
            G1Affine[] pts = g1Points(in);
            Fr[] ks = in.scalars();
            assertG1(expected, Msm.g1(pts, ks), "n=" + n);
            assertG1(expected, Msm.g1(G1Packed.from(pts), plain(in), n), "packed n=" + n);
            if (n <= 100) assertG1(expected, Msm.g1Naive(pts, ks), "naive n=" + n);
        }
    }

    @Test
    void g1ThreadCountsAgree() {
        Random rnd = new Random(22);
        Input in = build(rnd, 700, RefCurve.G1);
        BigInteger[] expected = in.expected(RefCurve.G1);
        G1Packed pts = G1Packed.from(g1Points(in));
        for (int threads : new int[] {1, 2, 3, 7}) assertG1(expected, Msm.g1(pts, plain(in), 700, threads), "threads=" + threads);
    }

    @Test
    void g1PackedUsesOnlyTheFirstNTerms() {
        Random rnd = new Random(23);
        Input in = build(rnd, 300, RefCurve.G1);
        G1Packed pts = G1Packed.from(g1Points(in));
        Input prefix = new Input();
        for (int i = 0; i < 120; i++) prefix.add(in.pts.get(i), in.logs.get(i), in.ks.get(i));
        long[] ks = plain(in);
        assertG1(prefix.expected(RefCurve.G1), Msm.g1(pts, ks, 120), "prefix");
        assertTrue(Msm.g1(pts, ks, 0).isInfinity());
    }

    @Test
    void g1PointAndItsNegationCancel() {
        Random rnd = new Random(24);
        BigInteger l = randomScalar(rnd);
        BigInteger[] p = RefCurve.mul(l, RefCurve.G1);
        Fr k = Fr.random(rnd);
        G1Affine a = g1(p), b = g1(RefCurve.neg(p));
        assertTrue(Msm.g1(new G1Affine[] {a, b}, new Fr[] {k, k}).isInfinity());
        assertTrue(Msm.g1(new G1Affine[] {a, a}, new Fr[] {k, k.neg()}).isInfinity());
        // the same point twice with one scalar takes the doubling path inside a bucket
        assertG1(RefCurve.mul(k.toBigInteger().shiftLeft(1).mod(R), p),
                Msm.g1(new G1Affine[] {a, a}, new Fr[] {k, k}), "P + P");
        assertTrue(Msm.g1(new G1Affine[] {G1Affine.INFINITY, a}, new Fr[] {k, Fr.ZERO}).isInfinity());
    }

    @Test
    void g1ManyEqualTermsStressBucketDoublingAndCancellation() {
        // 400 copies of one point with a handful of scalars: buckets see P + P and P + (-P) constantly
        Random rnd = new Random(25);
        BigInteger l = randomScalar(rnd);
        BigInteger[] p = RefCurve.mul(l, RefCurve.G1);
        Fr[] choices = {Fr.ONE, Fr.ONE.neg(), Fr.random(rnd), Fr.of(7), Fr.of(-7)};
        Input in = new Input();
        for (int i = 0; i < 400; i++) {
            boolean negated = rnd.nextBoolean();
            in.add(negated ? RefCurve.neg(p) : p, negated ? R.subtract(l) : l, choices[rnd.nextInt(choices.length)].toBigInteger());
        }
        assertG1(in.expected(RefCurve.G1), Msm.g1(g1Points(in), in.scalars()), "equal terms");
    }

    @Test
    void g1BatchedAffinePathHandlesCollisionsDoublingsAndCancellations() {
        // enough terms for batched affine buckets; one point (and its negation) dominates, so the
        // batches see x-coincidences (doubling, cancellation) and many overflow terms
        Random rnd = new Random(26);
        BigInteger l = randomScalar(rnd);
        BigInteger[] p = RefCurve.mul(l, RefCurve.G1);
        Input fresh = build(rnd, 300, RefCurve.G1);
        Fr[] choices = {Fr.ONE, Fr.ONE.neg(), Fr.random(rnd), Fr.of(3), Fr.of(-3), Fr.random(rnd)};
        Input in = new Input();
        for (int i = 0; i < Pippenger.BATCH_AFFINE_MIN + 1500; i++) {
            if (i % 10 == 0) {
                int j = rnd.nextInt(fresh.pts.size());
                in.add(fresh.pts.get(j), fresh.logs.get(j), fresh.ks.get(j));
                continue;
            }
            boolean negated = rnd.nextBoolean();
            in.add(negated ? RefCurve.neg(p) : p, negated ? R.subtract(l) : l, choices[rnd.nextInt(choices.length)].toBigInteger());
        }
        BigInteger[] expected = in.expected(RefCurve.G1);
        G1Packed pts = G1Packed.from(g1Points(in));
        for (int threads : new int[] {1, 2}) assertG1(expected, Msm.g1(pts, plain(in), in.ks.size(), threads), "threads=" + threads);
    }

    // ------------------------------------------------------------------ G2

    @Test
    void g2MatchesModelForSmallSizes() {
        Random rnd = new Random(31);
        for (int n : new int[] {0, 1, 2, 40, 300}) {
            Input in = build(rnd, n, RefCurve.G2);
            BigInteger[] expected = in.expected(RefCurve.G2);
            G2Affine[] pts = g2Points(in);
            Fr[] ks = in.scalars();
            assertG2(expected, Msm.g2(pts, ks), "n=" + n);
            assertG2(expected, Msm.g2(G2Packed.from(pts), plain(in), n, 1), "packed single-thread n=" + n);
            if (n <= 40) assertG2(expected, Msm.g2Naive(pts, ks), "naive n=" + n);
        }
    }

    @Test
    void g2BatchedAffinePathMatchesModel() {
        // few distinct points (the G2 subgroup check per point is slow), many terms: repeats,
        // negations and equal scalars drive the doubling, cancellation and overflow cases
        Random rnd = new Random(33);
        Input fresh = build(rnd, 40, RefCurve.G2);
        G2Affine[] distinct = g2Points(fresh);
        Fr[] choices = {Fr.ONE, Fr.ONE.neg(), Fr.random(rnd), Fr.of(5)};
        int n = Pippenger.BATCH_AFFINE_MIN + 500;
        G2Affine[] pts = new G2Affine[n];
        Fr[] ks = new Fr[n];
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            int j = rnd.nextInt(distinct.length);
            boolean negated = rnd.nextInt(3) == 0;
            pts[i] = negated ? distinct[j].neg() : distinct[j];
            ks[i] = rnd.nextBoolean() ? choices[rnd.nextInt(choices.length)] : Fr.random(rnd);
            BigInteger log = negated ? R.subtract(fresh.logs.get(j)) : fresh.logs.get(j);
            sum = sum.add(ks[i].toBigInteger().multiply(log));
        }
        BigInteger[] expected = RefCurve.mul(sum.mod(R), RefCurve.G2);
        assertG2(expected, Msm.g2(pts, ks, 1), "threads=1");
        assertG2(expected, Msm.g2(pts, ks, 2), "threads=2");
    }

    @Test
    void g2PointAndItsNegationCancel() {
        Random rnd = new Random(32);
        BigInteger[] p = RefCurve.mul(randomScalar(rnd), RefCurve.G2);
        Fr k = Fr.random(rnd);
        G2Affine a = g2(p), b = g2(RefCurve.neg(p));
        assertTrue(Msm.g2(new G2Affine[] {a, b, G2Affine.INFINITY}, new Fr[] {k, k, Fr.ONE}).isInfinity());
        assertG2(RefCurve.mul(k.toBigInteger().shiftLeft(1).mod(R), p),
                Msm.g2(new G2Affine[] {a, a}, new Fr[] {k, k}), "P + P");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void nonCanonicalScalar_throws() {
        G1Packed pts = G1Packed.from(new G1Affine[] {G1Affine.GENERATOR, G1Affine.GENERATOR});
        long[] ks = new long[8];
        ks[0] = 5;
        ks[4] = Fr.M0; ks[5] = Fr.M1; ks[6] = Fr.M2; ks[7] = Fr.M3; // exactly r
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Msm.g1(pts, ks, 2));
        assertTrue(e.getMessage().contains("scalar 1"), e.getMessage());
        // the first term alone is fine
        assertEquals(G1Affine.GENERATOR.mul(Fr.of(5)), Msm.g1(pts, ks, 1).toAffine());
    }

    @Test
    void mismatchedInputs_throw() {
        G1Affine[] one = {G1Affine.GENERATOR};
        assertThrows(IllegalArgumentException.class, () -> Msm.g1(one, new Fr[] {Fr.ONE, Fr.ONE}));
        assertThrows(NullPointerException.class, () -> Msm.g1(one, new Fr[] {null}));
        assertThrows(NullPointerException.class, () -> Msm.g1(new G1Affine[] {null}, new Fr[] {Fr.ONE}));
        G1Packed pts = G1Packed.from(one);
        assertThrows(IllegalArgumentException.class, () -> Msm.g1(pts, new long[4], 2));
        assertThrows(IllegalArgumentException.class, () -> Msm.g1(pts, new long[3], 1));
        assertThrows(IllegalArgumentException.class, () -> Msm.g1(pts, new long[4], -1));
        assertThrows(IllegalArgumentException.class, () -> Msm.g1(pts, new long[4], 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Msm.g2(new G2Affine[] {G2Affine.GENERATOR}, new Fr[0]));
    }

    @Test
    void packedRoundTripAndValidation() {
        Random rnd = new Random(41);
        Input in = build(rnd, 20, RefCurve.G1);
        G1Affine[] pts = g1Points(in);
        G1Packed packed = G1Packed.from(pts);
        assertEquals(20, packed.size());
        for (int i = 0; i < 20; i++) assertEquals(pts[i], packed.get(i));
        assertEquals(packed, G1Packed.of(packed.toLongs()));
        long[] bad = packed.toLongs();
        int firstFinite = in.pts.indexOf(in.pts.stream().filter(p -> p != null).findFirst().get());
        bad[8 * firstFinite + 4] ^= 1; // y changed: off the curve
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> G1Packed.of(bad));
        assertTrue(e.getMessage().contains("point " + firstFinite), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> G1Packed.of(new long[7]));
        assertThrows(IndexOutOfBoundsException.class, () -> packed.get(20));

        G2Affine[] g2s = {G2Affine.GENERATOR, G2Affine.INFINITY};
        G2Packed p2 = G2Packed.from(g2s);
        assertEquals(G2Affine.INFINITY, p2.get(1));
        assertEquals(p2, G2Packed.of(p2.toLongs()));
        long[] bad2 = p2.toLongs();
        bad2[9] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> G2Packed.of(bad2));
    }

    @Test
    void windowSizeGrowsWithInputSize() {
        int prev = 0;
        for (int m = 1; m <= 1 << 22; m <<= 1) {
            int c = Pippenger.windowBits(m);
            assertTrue(c >= prev && c >= 2 && c <= 16, "m=" + m + " c=" + c);
            prev = c;
        }
        assertTrue(Pippenger.windowBits(1 << 16) >= 11);
    }
}
