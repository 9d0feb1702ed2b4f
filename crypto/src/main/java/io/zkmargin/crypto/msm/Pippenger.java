package io.zkmargin.crypto.msm;

import io.zkmargin.crypto.Workers;
import io.zkmargin.crypto.field.Fr;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pippenger's bucket method with signed digits, parallel over windows.
 *
 * <p>Scalars are recoded as k + H with H = 2^(c-1) * sum_w 2^(wc): window w of k + H, minus
 * 2^(c-1), is a signed digit in [-2^(c-1), 2^(c-1)), and the digits of k are read straight from
 * the bits, so every window can be processed independently. A negative digit adds -P to bucket
 * |d|, which halves the buckets (2^(c-1) instead of 2^c - 1). Large inputs use batched affine
 * buckets ({@link G1BatchAffine}, {@link G2BatchAffine}); small inputs use XYZZ buckets.
 */
final class Pippenger {
    private Pippenger() {}

    /** Limbs of a recoded scalar: k + H can reach 2^(W c) with W c up to 271 bits. */
    private static final int RECODED = 5;
    /** Below this many non-trivial terms the work is too small to split. */
    private static final int PARALLEL_MIN = 64;
    /** From this many terms on, windows use batched affine buckets (one inversion per batch). */
    static final int BATCH_AFFINE_MIN = 2048;

    /**
     * Sum of scalars[i] * P_i over i < n, as an XYZZ point (cv.bucket longs). Points are packed
     * affine (all zero = infinity); scalars are plain canonical limbs, 4 per scalar.
     */
    static long[] msm(BucketCurve cv, long[] pts, long[] scalars, int n, int threads) {
        int[] idx = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int s = 4 * i;
            long k0 = scalars[s], k1 = scalars[s + 1], k2 = scalars[s + 2], k3 = scalars[s + 3];
            if (!Fr.isCanonical(k0, k1, k2, k3)) {
                throw new IllegalArgumentException("scalar " + i + " is not below the group order");
            }
            if ((k0 | k1 | k2 | k3) == 0 || cv.isInfinityAffine(pts, i * cv.affine)) continue;
            idx[m++] = i;
        }
        long[] result = new long[cv.bucket];
        if (m == 0) return result;

        final int c = windowBits(m);
        final int windows = (256 + c - 1) / c;
        final long[] kh = recode(scalars, idx, m, c, windows);
        final long[] sums = new long[windows * cv.bucket];
        final int tasks = m < PARALLEL_MIN ? 1 : Math.min(threads, windows);
        final int terms = m;
        final AtomicInteger next = new AtomicInteger();
        final boolean batchAffine = m >= BATCH_AFFINE_MIN;
        Workers.run(tasks, t -> {
            if (batchAffine && cv == G1Xyzz.INSTANCE) {
                G1BatchAffine worker = new G1BatchAffine(c);
                for (int w = next.getAndIncrement(); w < windows; w = next.getAndIncrement()) {
                    worker.window(pts, idx, terms, kh, RECODED, w * c, c, sums, w * cv.bucket);
                }
                return;
            }
            if (batchAffine && cv == G2Xyzz.INSTANCE) {
                G2BatchAffine worker = new G2BatchAffine(c);
                for (int w = next.getAndIncrement(); w < windows; w = next.getAndIncrement()) {
                    worker.window(pts, idx, terms, kh, RECODED, w * c, c, sums, w * cv.bucket);
                }
                return;
            }
            long[] buckets = new long[(1 << (c - 1)) * cv.bucket];
            long[] running = new long[cv.bucket];
            long[] scratch = new long[cv.scratch];
            for (int w = next.getAndIncrement(); w < windows; w = next.getAndIncrement()) {
                window(cv, pts, idx, terms, kh, w * c, c, buckets, running, scratch, sums, w * cv.bucket);
            }
        });

        // Horner over windows: result = sum_w 2^(wc) S_w
        long[] s = new long[cv.scratch];
        System.arraycopy(sums, (windows - 1) * cv.bucket, result, 0, cv.bucket);
        for (int w = windows - 2; w >= 0; w--) {
            for (int j = 0; j < c; j++) cv.dbl(result, 0, s);
            cv.add(result, 0, sums, w * cv.bucket, s);
        }
        return result;
    }

    /** One window: bucket accumulation, then sum_b b * B_b by running sums, into out[oo..]. */
    private static void window(BucketCurve cv, long[] pts, int[] idx, int m, long[] kh, int shift, int c,
                               long[] buckets, long[] running, long[] s, long[] out, int oo) {
        Arrays.fill(buckets, 0L);
        final int half = 1 << (c - 1);
        final long mask = (1L << c) - 1;
        final int limb = shift >>> 6, bit = shift & 63;
        final boolean spans = bit + c > 64;
        final int bl = cv.bucket, al = cv.affine;
        for (int k = 0; k < m; k++) {
            int base = RECODED * k + limb;
            long v = kh[base] >>> bit;
            if (spans) v |= kh[base + 1] << (64 - bit);
            int d = (int) (v & mask) - half;
            if (d > 0) {
                cv.addAffine(buckets, (d - 1) * bl, pts, idx[k] * al, false, s);
            } else if (d < 0) {
                cv.addAffine(buckets, (-d - 1) * bl, pts, idx[k] * al, true, s);
            }
        }
        Arrays.fill(running, 0L);
        cv.setInfinity(out, oo);
        for (int b = half - 1; b >= 0; b--) {
            cv.add(running, 0, buckets, b * bl, s);
            cv.add(out, oo, running, 0, s);
        }
    }

    /** k + H for each used scalar, 5 limbs each. */
    private static long[] recode(long[] scalars, int[] idx, int m, int c, int windows) {
        long[] h = new long[RECODED];
        for (int w = 0; w < windows; w++) {
            int b = w * c + c - 1;
            h[b >>> 6] |= 1L << (b & 63);
        }
        long[] kh = new long[RECODED * m];
        for (int k = 0; k < m; k++) {
            int s = 4 * idx[k], o = RECODED * k;
            long carry = 0;
            for (int j = 0; j < RECODED; j++) {
                long a = j < 4 ? scalars[s + j] : 0;
                long sum = a + h[j];
                long c1 = Long.compareUnsigned(sum, a) < 0 ? 1 : 0;
                long sum2 = sum + carry;
                long c2 = Long.compareUnsigned(sum2, sum) < 0 ? 1 : 0;
                kh[o + j] = sum2;
                carry = c1 | c2;
            }
        }
        return kh;
    }

    /**
     * Window size minimizing windows * (mixed additions + 2 * buckets full additions), with a mixed
     * addition weighted 10 multiplications and a full one 14.
     */
    static int windowBits(int m) {
        int best = 2;
        double bestCost = Double.MAX_VALUE;
        for (int c = 2; c <= 16; c++) {
            int windows = (256 + c - 1) / c;
            double cost = windows * (10.0 * m + 28.0 * (1 << (c - 1)));
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }
}
