package io.zkmargin.crypto.msm;

import io.zkmargin.crypto.field.Fp;
import java.util.Arrays;

/**
 * One worker's G1 window routine with affine buckets: additions into buckets are collected in
 * batches of distinct buckets and share one field inversion (Montgomery's trick), so an addition
 * costs about 6 multiplications instead of 10 for an XYZZ mixed addition. A term whose bucket
 * already has an addition pending in the batch goes to a per-bucket XYZZ overflow instead of
 * waiting, so inputs with many equal digits (scalars 0/1 are common in witnesses) never
 * serialize the batches.
 */
final class G1BatchAffine {
    /** At most this many pending additions share one inversion. */
    private static final int BATCH = 512;
    private static final byte ADD = 0, DOUBLE = 1, CANCEL = 2;
    private static final G1Xyzz XYZZ = G1Xyzz.INSTANCE;

    private final int buckets;
    private final int batch;
    private final long[] aff;        // affine buckets, 8 longs each
    private final boolean[] occupied;
    private final long[] overflow;   // XYZZ buckets, 16 longs each
    private final int[] pendingIn;   // batch stamp of the last pending addition per bucket
    private int stamp = 1;

    private final int[] opBucket;
    private final int[] opPoint;
    private final boolean[] opNeg;
    private final byte[] opKind;
    private final long[] den;
    private final long[] prefix;
    private int count;
    private final long[] s = new long[64];

    G1BatchAffine(int c) {
        buckets = 1 << (c - 1);
        // a batch of a quarter of the buckets sends roughly one term in eight to the overflow
        batch = Math.max(32, Math.min(BATCH, buckets / 4));
        aff = new long[8 * buckets];
        occupied = new boolean[buckets];
        overflow = new long[16 * buckets];
        pendingIn = new int[buckets];
        opBucket = new int[batch];
        opPoint = new int[batch];
        opNeg = new boolean[batch];
        opKind = new byte[batch];
        den = new long[4 * batch];
        prefix = new long[4 * batch];
    }

    /** Window of {@code c} bits at {@code shift}: writes sum_b b * B_b (XYZZ) to out[oo..]. */
    void window(long[] pts, int[] idx, int m, long[] kh, int recoded, int shift, int c, long[] out, int oo) {
        Arrays.fill(occupied, false);
        Arrays.fill(overflow, 0L);
        final int half = 1 << (c - 1);
        final long mask = (1L << c) - 1;
        final int limb = shift >>> 6, bit = shift & 63;
        final boolean spans = bit + c > 64;
        for (int k = 0; k < m; k++) {
            int base = recoded * k + limb;
            long v = kh[base] >>> bit;
            if (spans) v |= kh[base + 1] << (64 - bit);
            int d = (int) (v & mask) - half;
            if (d == 0) continue;
            boolean neg = d < 0;
            int b = neg ? -d - 1 : d - 1;
            int po = 8 * idx[k];
            if (!occupied[b]) {
                System.arraycopy(pts, po, aff, 8 * b, 4);
                if (neg) Fp.neg(aff, 8 * b + 4, pts, po + 4); else System.arraycopy(pts, po + 4, aff, 8 * b + 4, 4);
                occupied[b] = true;
            } else if (pendingIn[b] == stamp) {
                XYZZ.addAffine(overflow, 16 * b, pts, po, neg, s);
            } else {
                pendingIn[b] = stamp;
                opBucket[count] = b;
                opPoint[count] = po;
                opNeg[count] = neg;
                if (++count == batch) flush(pts);
            }
        }
        if (count > 0) flush(pts);

        // sum_b (b+1) * bucket_b by running sums; bucket_b = affine part + overflow part
        long[] running = new long[16];
        XYZZ.setInfinity(out, oo);
        for (int b = buckets - 1; b >= 0; b--) {
            if (occupied[b]) XYZZ.addAffine(running, 0, aff, 8 * b, false, s);
            XYZZ.add(running, 0, overflow, 16 * b, s);
            XYZZ.add(out, oo, running, 0, s);
        }
    }

    // scratch slots
    private static final int YQ = 0, NUM = 4, LAM = 8, INV = 12, DINV = 16, T = 20, X3 = 24;

    /** Performs the pending additions with one inversion. */
    private void flush(long[] pts) {
        final int n = count;
        for (int j = 0; j < n; j++) {
            int a = 8 * opBucket[j], po = opPoint[j], dj = 4 * j;
            Fp.sub(den, dj, pts, po, aff, a);                     // xQ - xB
            opKind[j] = ADD;
            if (Fp.isZero(den, dj)) {
                qy(pts, po, opNeg[j]);
                if (Fp.equal(s, YQ, aff, a + 4)) {
                    opKind[j] = DOUBLE;
                    Fp.add(den, dj, aff, a + 4, aff, a + 4);      // 2 yB (never 0: no 2-torsion)
                } else {
                    opKind[j] = CANCEL;
                    Fp.ONE.writeMont(den, dj);
                }
            }
            if (j == 0) System.arraycopy(den, 0, prefix, 0, 4); else Fp.mul(prefix, dj, prefix, dj - 4, den, dj);
        }
        Inversion.fp(s, INV, prefix, 4 * (n - 1));
        for (int j = n - 1; j >= 0; j--) {
            int dj = 4 * j;
            if (j > 0) {
                Fp.mul(s, DINV, s, INV, prefix, dj - 4);          // 1/den_j
                Fp.mul(s, INV, s, INV, den, dj);                  // 1/(den_0 .. den_(j-1))
            } else {
                System.arraycopy(s, INV, s, DINV, 4);
            }
            apply(pts, j);
        }
        count = 0;
        stamp++;
    }

    private void qy(long[] pts, int po, boolean neg) {
        if (neg) Fp.neg(s, YQ, pts, po + 4); else System.arraycopy(pts, po + 4, s, YQ, 4);
    }

    /** Bucket += Q for op j, given 1/den_j at s[DINV]. */
    private void apply(long[] pts, int j) {
        int b = opBucket[j], a = 8 * b, po = opPoint[j];
        byte kind = opKind[j];
        if (kind == CANCEL) {
            occupied[b] = false;
            return;
        }
        if (kind == ADD) {
            qy(pts, po, opNeg[j]);
            Fp.sub(s, NUM, s, YQ, aff, a + 4);                   // yQ - yB
            Fp.mul(s, LAM, s, NUM, s, DINV);
            Fp.square(s, T, s, LAM);
            Fp.sub(s, T, s, T, aff, a);
            Fp.sub(s, X3, s, T, pts, po);                        // x3 = l^2 - xB - xQ
        } else {
            Fp.square(s, T, aff, a);
            Fp.add(s, NUM, s, T, s, T);
            Fp.add(s, NUM, s, NUM, s, T);                        // 3 xB^2
            Fp.mul(s, LAM, s, NUM, s, DINV);
            Fp.square(s, T, s, LAM);
            Fp.sub(s, T, s, T, aff, a);
            Fp.sub(s, X3, s, T, aff, a);                         // x3 = l^2 - 2 xB
        }
        Fp.sub(s, T, aff, a, s, X3);
        Fp.mul(s, T, s, T, s, LAM);
        Fp.sub(aff, a + 4, s, T, aff, a + 4);                    // y3 = l (xB - x3) - yB
        System.arraycopy(s, X3, aff, a, 4);
    }
}
