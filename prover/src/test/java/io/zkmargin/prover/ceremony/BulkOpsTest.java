package io.zkmargin.prover.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.G2Jacobian;
import io.zkmargin.crypto.curve.PointOps;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.crypto.ntt.Domain;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ceremony's bulk kernels against the slow object arithmetic of the crypto module (itself checked against
 * the Ethereum precompile vectors): scalar multiplication at every scalar size, the group inverse FFT, the
 * sparse accumulation (with a column cut across parallel units) and the H query.
 */
class BulkOpsTest {
    private static final Random RND = new Random(42);

    private static G1Affine randomG1() {
        return G1Affine.GENERATOR.mul(Fr.random(RND));
    }

    private static G2Affine randomG2() {
        return G2Affine.GENERATOR.mul(Fr.random(RND));
    }

    private static BigInteger[] scalars() {
        BigInteger r = Fr.MODULUS;
        return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(15),
                BigInteger.valueOf(16), BigInteger.valueOf(17), BigInteger.valueOf(255), BigInteger.ONE.shiftLeft(64),
                BigInteger.ONE.shiftLeft(200).subtract(BigInteger.ONE), r.subtract(BigInteger.ONE),
                r.subtract(BigInteger.TWO), new BigInteger(250, RND), new BigInteger(253, RND).mod(r),
                Fr.random(RND).toBigInteger()};
    }

    private static long[] limbs(BigInteger k) {
        return Fr.of(k).toCanonicalLimbs();
    }

    @Test
    void mulMatchesObjectArithmeticForEveryScalarSize() {
        G1Affine p = randomG1();
        G2Affine q = randomG2();
        long[] pa = new long[8];
        p.writePacked(pa, 0);
        long[] qa = new long[16];
        q.writePacked(qa, 0);
        long[] pj = new long[12];
        p.toJacobian().write(pj, 0);
        for (BigInteger k : scalars()) {
            long[] kl = limbs(k);
            G1Affine want1 = p.toJacobian().mul(k).toAffine();
            long[] r = new long[12];
            long[] out = new long[8];
            BulkOps.mul(PointOps.G1, r, 0, pa, 0, false, kl, 0, new long[BulkOps.tableLongs(PointOps.G1)], new long[G1Jacobian.SCRATCH]);
            PointOps.G1.toAffine(r, 0, 1, out, 0);
            assertEquals(want1, G1Affine.readPacked(out, 0), "G1 affine base, k = " + k);
            BulkOps.mul(PointOps.G1, r, 0, pa, 0, false, kl, 0, new long[BulkOps.tableLongs(PointOps.G1)],
                    new long[G1Jacobian.SCRATCH], true);
            PointOps.G1.toAffine(r, 0, 1, out, 0);
            assertEquals(want1, G1Affine.readPacked(out, 0), "G1 secret scalar (no GLV), k = " + k);
            BulkOps.mul(PointOps.G1, r, 0, pj, 0, true, kl, 0, new long[BulkOps.tableLongs(PointOps.G1)], new long[G1Jacobian.SCRATCH]);
            PointOps.G1.toAffine(r, 0, 1, out, 0);
            assertEquals(want1, G1Affine.readPacked(out, 0), "G1 Jacobian base, k = " + k);
            long[] r2 = new long[24];
            long[] out2 = new long[16];
            BulkOps.mul(PointOps.G2, r2, 0, qa, 0, false, kl, 0, new long[BulkOps.tableLongs(PointOps.G2)], new long[G2Jacobian.SCRATCH]);
            PointOps.G2.toAffine(r2, 0, 1, out2, 0);
            assertEquals(q.toJacobian().mul(k).toAffine(), G2Affine.readPacked(out2, 0), "G2, k = " + k);
        }
    }

    @Test
    void mulEachWithOneScalarAndWithPerPointScalars() {
        int n = 300;   // more than one parallel chunk
        G1Affine[] pts = new G1Affine[n];
        for (int i = 0; i < n; i++) {
            pts[i] = i == 7 ? G1Affine.INFINITY : randomG1();
        }
        long[] packed = G1Packed.from(pts).toLongs();
        Fr k = Fr.random(RND);
        long[] one = BulkOps.mulEach(PointOps.G1, packed, n, k.toCanonicalLimbs(), 0, x -> { });
        long[] each = new long[4 * n];
        Fr[] ks = new Fr[n];
        for (int i = 0; i < n; i++) {
            ks[i] = i % 5 == 0 ? Fr.of(i) : Fr.random(RND);
            System.arraycopy(ks[i].toCanonicalLimbs(), 0, each, 4 * i, 4);
        }
        long[] per = BulkOps.mulEach(PointOps.G1, packed, n, each, 4, x -> { });
        for (int i = 0; i < n; i += 13) {
            assertEquals(pts[i].mul(k), G1Affine.readPacked(one, 8 * i), "one scalar, point " + i);
            assertEquals(pts[i].mul(ks[i]), G1Affine.readPacked(per, 8 * i), "own scalar, point " + i);
        }
    }

    @Test
    void groupInverseFftEqualsTheReferenceAndTheDefinition() {
        for (int log = 1; log <= 6; log++) {
            int n = 1 << log;
            G1Affine[] m1 = new G1Affine[n];
            G2Affine[] m2 = new G2Affine[n];
            for (int i = 0; i < n; i++) {
                m1[i] = randomG1();
                m2[i] = i % 2 == 0 ? randomG2() : G2Affine.GENERATOR;
            }
            Domain d = Domain.ofLog(log);
            long[] l1 = BulkOps.lagrange(PointOps.G1, G1Packed.from(m1).toLongs(), log, x -> { });
            long[] l2 = BulkOps.lagrange(PointOps.G2, G2Packed.from(m2).toLongs(), log, x -> { });
            G1Jacobian[] ref1 = Phase2Key.lagrangeG1(G1Packed.from(m1), d);
            G2Jacobian[] ref2 = Phase2Key.lagrangeG2(G2Packed.from(m2), d);
            for (int k = 0; k < n; k++) {
                assertEquals(ref1[k].toAffine(), G1Affine.readPacked(l1, 8 * k), "G1 log " + log + " index " + k);
                assertEquals(ref2[k].toAffine(), G2Affine.readPacked(l2, 16 * k), "G2 log " + log + " index " + k);
            }
            if (log == 3) {
                // the definition, independent of any FFT: L_k = (1/n) sum_i omega^(-ik) m_i
                for (int k = 0; k < n; k++) {
                    G1Jacobian acc = G1Jacobian.INFINITY;
                    for (int i = 0; i < n; i++) {
                        acc = acc.add(m1[i].toJacobian().mul(d.omegaInverse().pow((long) i * k).mul(d.sizeInverse())));
                    }
                    assertEquals(acc.toAffine(), G1Affine.readPacked(l1, 8 * k), "definition, index " + k);
                }
            }
        }
    }

    @Test
    void sparseAccumulationEqualsNaiveSumsAcrossUnitBoundaries() {
        int rows = 64;
        int nWires = 40;
        // row-major terms; wire 3 appears in every row many times over so its column spans several units
        java.util.List<int[]> terms = new java.util.ArrayList<>();
        java.util.List<Fr> coeffs = new java.util.ArrayList<>();
        int[] rowStart = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            rowStart[r] = terms.size();
            int count = 1 + RND.nextInt(6);
            for (int t = 0; t < count; t++) {
                terms.add(new int[] {r, RND.nextInt(nWires)});
                coeffs.add(coefficient(t));
            }
            for (int t = 0; t < 80; t++) {
                terms.add(new int[] {r, 3});
                coeffs.add(coefficient(t + r));
            }
        }
        rowStart[rows] = terms.size();
        int[] wires = new int[terms.size()];
        long[] mont = new long[4 * terms.size()];
        for (int i = 0; i < wires.length; i++) {
            wires[i] = terms.get(i)[1];
            coeffs.get(i).writeMont(mont, 4 * i);
        }
        R1cs.Matrix m = R1cs.Matrix.of(rowStart, wires, mont);
        G1Affine[] basis = new G1Affine[rows];
        for (int r = 0; r < rows; r++) {
            basis[r] = randomG1();
        }
        BulkOps.Columns cols = BulkOps.Columns.of(m, nWires);
        long[] acc = BulkOps.infinities(PointOps.G1, nWires);
        long[] tables = BulkOps.rowTables(PointOps.G1, G1Packed.from(basis).toLongs(), rows, x -> { });
        BulkOps.accumulate(PointOps.G1, acc, cols, mont, tables, x -> { });
        BulkOps.accumulate(PointOps.G1, acc, cols, mont, tables, x -> { });   // adds again
        long[] got = BulkOps.toAffine(PointOps.G1, acc, nWires);
        G1Jacobian[] want = new G1Jacobian[nWires];
        java.util.Arrays.fill(want, G1Jacobian.INFINITY);
        for (int i = 0; i < wires.length; i++) {
            G1Jacobian p = basis[terms.get(i)[0]].toJacobian().mul(coeffs.get(i).dbl());
            want[wires[i]] = want[wires[i]].add(p);
        }
        for (int w = 0; w < nWires; w++) {
            assertEquals(want[w].toAffine(), G1Affine.readPacked(got, 8 * w), "wire " + w);
        }
        // G2 (phi acts on both Fp2 coordinates of x): once, on the same matrix
        G2Affine[] basis2 = new G2Affine[rows];
        for (int r = 0; r < rows; r++) {
            basis2[r] = randomG2();
        }
        long[] acc2 = BulkOps.infinities(PointOps.G2, nWires);
        BulkOps.accumulate(PointOps.G2, acc2, cols, mont,
                BulkOps.rowTables(PointOps.G2, G2Packed.from(basis2).toLongs(), rows, x -> { }), x -> { });
        long[] got2 = BulkOps.toAffine(PointOps.G2, acc2, nWires);
        G2Jacobian[] want2 = new G2Jacobian[nWires];
        java.util.Arrays.fill(want2, G2Jacobian.INFINITY);
        for (int i = 0; i < wires.length; i++) {
            if (wires[i] != 3) {   // the long column is covered in G1; keep the slow reference short
                want2[wires[i]] = want2[wires[i]].add(basis2[terms.get(i)[0]].toJacobian().mul(coeffs.get(i)));
            }
        }
        for (int w = 0; w < nWires; w++) {
            if (w == 3) {
                continue;
            }
            assertEquals(want2[w].toAffine(), G2Affine.readPacked(got2, 16 * w), "G2 wire " + w);
        }
    }

    private static Fr coefficient(int t) {
        switch (t % 6) {
            case 0:
                return Fr.ONE;
            case 1:
                return Fr.ONE.neg();
            case 2:
                return Fr.of(1L << (t % 40));
            case 3:
                return Fr.of(t + 3).neg();
            case 4:
                return Fr.ZERO.add(Fr.of(2));
            default:
                return Fr.random(RND);
        }
    }

    @Test
    void hQueryIsTauPowersTimesTheVanishingPolynomial() {
        int n = 16;
        Fr tau = Fr.random(RND);
        G1Affine[] pw = new G1Affine[2 * n - 1];
        Fr x = Fr.ONE;
        for (int i = 0; i < pw.length; i++) {
            pw[i] = G1Affine.GENERATOR.mul(x);
            x = x.mul(tau);
        }
        long[] h = BulkOps.hQuery(G1Packed.from(pw).toLongs(), n, v -> { });
        Fr z = tau.pow(n).sub(Fr.ONE);
        for (int i = 0; i < n - 1; i++) {
            assertEquals(G1Affine.GENERATOR.mul(tau.pow(i).mul(z)), G1Affine.readPacked(h, 8 * i), "H " + i);
        }
    }
}
