package io.zkmargin.prover.ceremony;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.G2Jacobian;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import io.zkmargin.crypto.msm.G1Packed;

import java.util.Arrays;

/**
 * Scalar multiplication by a secret scalar held in a long[] (canonical limbs) so that the caller can wipe
 * it; immutable Fr/BigInteger copies of a contribution's delta would outlive the ceremony in the heap.
 * Fixed 4-bit windows over buffer arithmetic; many G1 points are normalised with one inversion.
 */
final class ScalarMul {
    private static final int G1J = G1Jacobian.LONGS;
    private static final int G2J = G2Jacobian.LONGS;

    private ScalarMul() {
    }

    /** k * P for every packed affine point of points; k = canonical limbs k[0..3]. Returns packed affine. */
    static long[] g1Many(long[] points, long[] k) {
        return g1Many(points, k, 0);
    }

    /** k_i * P_i with scalar i at k[stride * i] (stride 0: one scalar for all points). */
    static long[] g1Many(long[] points, long[] k, int stride) {
        int n = points.length / 8;
        long[] jac = new long[G1J * n];
        long[] table = new long[G1J * 16];
        long[] t = new long[G1Jacobian.SCRATCH];
        long[] acc = new long[G1J];
        long[] tmp = new long[G1J];
        for (int i = 0; i < n; i++) {
            boolean zero = true;
            for (int j = 0; j < 8; j++) {
                zero &= points[8 * i + j] == 0;
            }
            if (zero) {
                setInfinityG1(jac, G1J * i);
                continue;
            }
            // table[d] = d * P (Jacobian), d < 16
            setInfinityG1(table, 0);
            for (int d = 1; d < 16; d++) {
                G1Jacobian.addMixed(table, G1J * d, table, G1J * (d - 1), points, 8 * i, t);
            }
            setInfinityG1(acc, 0);
            for (int w = 63; w >= 0; w--) {
                for (int s = 0; s < 4; s++) {
                    G1Jacobian.dbl(tmp, 0, acc, 0, t);
                    System.arraycopy(tmp, 0, acc, 0, G1J);
                }
                int d = (int) (k[stride * i + (w >>> 4)] >>> (4 * (w & 15))) & 15;
                if (d != 0) {
                    G1Jacobian.add(tmp, 0, acc, 0, table, G1J * d, t);
                    System.arraycopy(tmp, 0, acc, 0, G1J);
                }
            }
            System.arraycopy(acc, 0, jac, G1J * i, G1J);
        }
        Arrays.fill(table, 0L);
        Arrays.fill(acc, 0L);
        Arrays.fill(tmp, 0L);
        Arrays.fill(t, 0L);
        return g1ToAffine(jac, n);
    }

    static G1Affine g1(G1Affine p, long[] k) {
        long[] b = new long[8];
        p.writePacked(b, 0);
        return G1Affine.readPacked(g1Many(b, k), 0);
    }

    static G2Affine g2(G2Affine p, long[] k) {
        return g2(p, k, 0);
    }

    /** k * P with k at k[ko..ko+3] (canonical limbs). */
    static G2Affine g2(G2Affine p, long[] k, int ko) {
        long[] pt = new long[16];
        p.writePacked(pt, 0);
        long[] table = new long[G2J * 16];
        long[] t = new long[G2Jacobian.SCRATCH];
        long[] acc = new long[G2J];
        long[] tmp = new long[G2J];
        setInfinityG2(table, 0);
        if (!p.isInfinity()) {
            for (int d = 1; d < 16; d++) {
                G2Jacobian.addMixed(table, G2J * d, table, G2J * (d - 1), pt, 0, t);
            }
        } else {
            for (int d = 1; d < 16; d++) {
                setInfinityG2(table, G2J * d);
            }
        }
        setInfinityG2(acc, 0);
        for (int w = 63; w >= 0; w--) {
            for (int s = 0; s < 4; s++) {
                G2Jacobian.dbl(tmp, 0, acc, 0, t);
                System.arraycopy(tmp, 0, acc, 0, G2J);
            }
            int d = (int) (k[ko + (w >>> 4)] >>> (4 * (w & 15))) & 15;
            if (d != 0) {
                G2Jacobian.add(tmp, 0, acc, 0, table, G2J * d, t);
                System.arraycopy(tmp, 0, acc, 0, G2J);
            }
        }
        long[] out = new long[16];
        if (!Fp2IsZero(acc, 16)) {
            long[] s = new long[48];
            Fp2.inverse(s, 0, acc, 16, s, 24);          // 1/Z
            Fp2.square(s, 8, s, 0, s, 24);             // 1/Z^2
            Fp2.mul(out, 0, acc, 0, s, 8, s, 24);      // X/Z^2
            Fp2.mul(s, 8, s, 8, s, 0, s, 24);          // 1/Z^3
            Fp2.mul(out, 8, acc, 8, s, 8, s, 24);      // Y/Z^3
        }
        Arrays.fill(table, 0L);
        Arrays.fill(acc, 0L);
        Arrays.fill(tmp, 0L);
        Arrays.fill(t, 0L);
        return G2Affine.readPacked(out, 0);
    }

    private static boolean Fp2IsZero(long[] a, int off) {
        return Fp.isZero(a, off) && Fp.isZero(a, off + 4);
    }

    /** Jacobian G1 points (12 longs each) to packed affine with one inversion. */
    static long[] g1ToAffine(long[] jac, int n) {
        long[] prefix = new long[4 * (n + 1)];
        long[] out = new long[8 * n];
        Fp.ONE.writeMont(prefix, 0);
        for (int i = 0; i < n; i++) {
            if (Fp.isZero(jac, G1J * i + 8)) {
                System.arraycopy(prefix, 4 * i, prefix, 4 * (i + 1), 4);
            } else {
                Fp.mul(prefix, 4 * (i + 1), prefix, 4 * i, jac, G1J * i + 8);
            }
        }
        if (Fp.isZero(prefix, 4 * n)) {
            return out;
        }
        long[] inv = new long[4];
        long[] s = new long[12];
        Fp.inverse(inv, 0, prefix, 4 * n);
        for (int i = n - 1; i >= 0; i--) {
            int z = G1J * i + 8;
            if (Fp.isZero(jac, z)) {
                continue;   // infinity stays all zero
            }
            Fp.mul(s, 0, inv, 0, prefix, 4 * i);
            Fp.mul(inv, 0, inv, 0, jac, z);
            Fp.square(s, 4, s, 0);
            Fp.mul(s, 8, s, 4, s, 0);
            Fp.mul(out, 8 * i, jac, G1J * i, s, 4);
            Fp.mul(out, 8 * i + 4, jac, G1J * i + 4, s, 8);
        }
        Arrays.fill(jac, 0L);
        return out;
    }

    static G1Packed g1Packed(long[] points, long[] k) {
        return G1Packed.of(g1Many(points, k));
    }

    private static void setInfinityG1(long[] r, int ro) {
        Arrays.fill(r, ro, ro + G1J, 0L);
        Fp.ONE.writeMont(r, ro);
        Fp.ONE.writeMont(r, ro + 4);
    }

    private static void setInfinityG2(long[] r, int ro) {
        Arrays.fill(r, ro, ro + G2J, 0L);
        Fp2.setOne(r, ro);
        Fp2.setOne(r, ro + 8);
    }
}
