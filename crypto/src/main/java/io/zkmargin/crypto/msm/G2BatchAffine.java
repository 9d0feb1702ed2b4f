package io.zkmargin.crypto.msm;

import io.zkmargin.crypto.field.Fp2;
import java.util.Arrays;

/**
 * One worker's G2 window routine with affine buckets: additions into buckets are collected in
 * batches of distinct buckets and share one field inversion (Montgomery's trick), so an addition
 * costs about 17 Fp multiplications instead of 28 for an XYZZ mixed addition over Fp2. A term whose bucket
 * already has an addition pending in the batch goes to a per-bucket XYZZ overflow instead of
 * waiting, so inputs with many equal digits (scalars 0/1 are common in witnesses) never
 * serialize the batches.
 */
final class G2BatchAffine {
    /** At most this many pending additions share one inversion. */
    private static final int BATCH = 512;
    private static final byte ADD = 0, DOUBLE = 1, CANCEL = 2;
    private static final G2Xyzz XYZZ = G2Xyzz.INSTANCE;

    private final int buckets;
    private final int batch;
    private final long[] aff;        // affine buckets, 16 longs each
    private final boolean[] occupied;
    private final long[] overflow;   // XYZZ buckets, 32 longs each
    private final int[] pendingIn;   // batch stamp of the last pending addition per bucket
    private int stamp = 1;

    private final int[] opBucket;
    private final int[] opPoint;
    private final boolean[] opNeg;
    private final byte[] opKind;
    private final long[] den;
    private final long[] prefix;
    private int count;
    private final long[] s = new long[96]; // also the scratch of G2Xyzz

    G2BatchAffine(int c) {
        buckets = 1 << (c - 1);
        // a batch of a quarter of the buckets sends roughly one term in eight to the overflow
        batch = Math.max(32, Math.min(BATCH, buckets / 4));
        aff = new long[16 * buckets];
        occupied = new boolean[buckets];
        overflow = new long[32 * buckets];
        pendingIn = new int[buckets];
        opBucket = new int[batch];
        opPoint = new int[batch];
        opNeg = new boolean[batch];
        opKind = new byte[batch];
        den = new long[8 * batch];
        prefix = new long[8 * batch];
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
            int po = 16 * idx[k];
            if (!occupied[b]) {
                System.arraycopy(pts, po, aff, 16 * b, 8);
                if (neg) Fp2.neg(aff, 16 * b + 8, pts, po + 8); else System.arraycopy(pts, po + 8, aff, 16 * b + 8, 8);
                occupied[b] = true;
            } else if (pendingIn[b] == stamp) {
                XYZZ.addAffine(overflow, 32 * b, pts, po, neg, s);
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
        long[] running = new long[32];
        XYZZ.setInfinity(out, oo);
        for (int b = buckets - 1; b >= 0; b--) {
            if (occupied[b]) XYZZ.addAffine(running, 0, aff, 16 * b, false, s);
            XYZZ.add(running, 0, overflow, 32 * b, s);
            XYZZ.add(out, oo, running, 0, s);
        }
    }

    // scratch slots
    private static final int YQ = 0, NUM = 8, LAM = 16, INV = 24, DINV = 32, T = 40, X3 = 48, F = 56;

    /** Performs the pending additions with one inversion. */
    private void flush(long[] pts) {
        final int n = count;
        for (int j = 0; j < n; j++) {
            int a = 16 * opBucket[j], po = opPoint[j], dj = 8 * j;
            Fp2.sub(den, dj, pts, po, aff, a);                     // xQ - xB
            opKind[j] = ADD;
            if (Fp2.isZero(den, dj)) {
                qy(pts, po, opNeg[j]);
                if (Fp2.equal(s, YQ, aff, a + 8)) {
                    opKind[j] = DOUBLE;
                    Fp2.add(den, dj, aff, a + 8, aff, a + 8);      // 2 yB (never 0: no 2-torsion)
                } else {
                    opKind[j] = CANCEL;
                    Fp2.setOne(den, dj);
                }
            }
            if (j == 0) System.arraycopy(den, 0, prefix, 0, 8); else Fp2.mul(prefix, dj, prefix, dj - 8, den, dj, s, F);
        }
        Inversion.fp2(s, INV, prefix, 8 * (n - 1), s, F);
        for (int j = n - 1; j >= 0; j--) {
            int dj = 8 * j;
            if (j > 0) {
                Fp2.mul(s, DINV, s, INV, prefix, dj - 8, s, F);          // 1/den_j
                Fp2.mul(s, INV, s, INV, den, dj, s, F);                  // 1/(den_0 .. den_(j-1))
            } else {
                System.arraycopy(s, INV, s, DINV, 8);
            }
            apply(pts, j);
        }
        count = 0;
        stamp++;
    }

    private void qy(long[] pts, int po, boolean neg) {
        if (neg) Fp2.neg(s, YQ, pts, po + 8); else System.arraycopy(pts, po + 8, s, YQ, 8);
    }

    /** Bucket += Q for op j, given 1/den_j at s[DINV]. */
    private void apply(long[] pts, int j) {
        int b = opBucket[j], a = 16 * b, po = opPoint[j];
        byte kind = opKind[j];
        if (kind == CANCEL) {
            occupied[b] = false;
            return;
        }
        if (kind == ADD) {
            qy(pts, po, opNeg[j]);
            Fp2.sub(s, NUM, s, YQ, aff, a + 8);                   // yQ - yB
            Fp2.mul(s, LAM, s, NUM, s, DINV, s, F);
            Fp2.square(s, T, s, LAM, s, F);
            Fp2.sub(s, T, s, T, aff, a);
            Fp2.sub(s, X3, s, T, pts, po);                        // x3 = l^2 - xB - xQ
        } else {
            Fp2.square(s, T, aff, a, s, F);
            Fp2.add(s, NUM, s, T, s, T);
            Fp2.add(s, NUM, s, NUM, s, T);                        // 3 xB^2
            Fp2.mul(s, LAM, s, NUM, s, DINV, s, F);
            Fp2.square(s, T, s, LAM, s, F);
            Fp2.sub(s, T, s, T, aff, a);
            Fp2.sub(s, X3, s, T, aff, a);                         // x3 = l^2 - 2 xB
        }
        Fp2.sub(s, T, aff, a, s, X3);
        Fp2.mul(s, T, s, T, s, LAM, s, F);
        Fp2.sub(aff, a + 8, s, T, aff, a + 8);                    // y3 = l (xB - x3) - yB
        System.arraycopy(s, X3, aff, a, 8);
    }
}
