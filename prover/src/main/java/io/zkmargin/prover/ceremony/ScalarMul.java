package io.zkmargin.prover.ceremony;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.PointOps;

import java.util.Arrays;

/**
 * Scalar multiplication by a secret scalar held in a long[] (canonical limbs) so that the caller can wipe
 * it; immutable Fr/BigInteger copies of a contribution's delta would outlive the ceremony in the heap.
 * The arithmetic is {@link BulkOps#mul} without its GLV split (which would copy the scalar into BigIntegers);
 * work buffers are wiped.
 */
final class ScalarMul {
    private ScalarMul() {
    }

    /** k * P for every packed affine point of points; k = canonical limbs k[0..3]. Returns packed affine. */
    static long[] g1Many(long[] points, long[] k) {
        return g1Many(points, k, 0);
    }

    /** k_i * P_i with scalar i at k[stride * i] (stride 0: one scalar for all points), on all cores. */
    static long[] g1Many(long[] points, long[] k, int stride) {
        return BulkOps.mulEach(PointOps.G1, points, points.length / 8, k, stride, true, x -> { });
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
        PointOps c = PointOps.G2;
        long[] pt = new long[16];
        p.writePacked(pt, 0);
        long[] jac = new long[c.jacobian()];
        long[] tab = new long[BulkOps.tableLongs(c)];
        long[] t = new long[c.scratch()];
        long[] out = new long[16];
        BulkOps.mul(c, jac, 0, pt, 0, false, k, ko, tab, t, true);
        c.toAffine(jac, 0, 1, out, 0);
        Arrays.fill(jac, 0L);
        Arrays.fill(tab, 0L);
        Arrays.fill(t, 0L);
        return G2Affine.readPacked(out, 0);
    }
}
