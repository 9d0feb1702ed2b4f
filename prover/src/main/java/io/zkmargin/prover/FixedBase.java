package io.zkmargin.prover;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.PointOps;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Many scalar multiplications of one fixed base (the setup's workload): a table of
 * j * 2^(W k) * G for every window k and digit j, in affine form, so each product is at most
 * 256/W mixed additions; results are converted to affine in batches with one inversion each.
 * Scalars are canonical (not Montgomery) limbs, 4 per scalar; output is the packed affine layout.
 */
final class FixedBase {
    private static final int W = 8;
    private static final int WINDOWS = (256 + W - 1) / W;
    private static final int DIGITS = 1 << W;
    private static final int CHUNK = 1024;

    private FixedBase() {
    }

    static long[] g1(G1Affine base, long[] scalars, int threads, LongConsumer progress) {
        long[] b = new long[8];
        base.writePacked(b, 0);
        return run(PointOps.G1, b, scalars, threads, progress);
    }

    static long[] g2(G2Affine base, long[] scalars, int threads, LongConsumer progress) {
        long[] b = new long[16];
        base.writePacked(b, 0);
        return run(PointOps.G2, b, scalars, threads, progress);
    }

    private static long[] run(PointOps c, long[] base, long[] scalars, int threads, LongConsumer progress) {
        int n = scalars.length / 4;
        long[] table = table(c, base);
        long[] out = new long[n * c.affine()];
        int chunks = (n + CHUNK - 1) / CHUNK;
        AtomicLong done = new AtomicLong();
        Runnable body = () -> IntStream.range(0, chunks).parallel().forEach(k -> {
            int lo = k * CHUNK;
            int hi = Math.min(n, lo + CHUNK);
            long[] jac = new long[(hi - lo) * c.jacobian()];
            long[] t = new long[c.scratch()];
            for (int i = lo; i < hi; i++) {
                int ro = (i - lo) * c.jacobian();
                c.setInfinity(jac, ro);
                for (int w = 0; w < WINDOWS; w++) {
                    int bit = w * W;
                    int d = (int) ((scalars[4 * i + (bit >>> 6)] >>> (bit & 63)) & (DIGITS - 1));
                    if (d != 0) {
                        c.addMixed(jac, ro, jac, ro, table, (w * DIGITS + d) * c.affine(), t);
                    }
                }
            }
            c.toAffine(jac, 0, hi - lo, out, lo * c.affine());
            if (progress != null) {
                progress.accept(done.addAndGet(hi - lo));
            }
        });
        Parallel.run(threads, body);
        return out;
    }

    /** table[(w * 256 + j)] = j * 2^(8w) * base in packed affine form (entry 0 unused, infinity). */
    private static long[] table(PointOps c, long[] base) {
        int jl = c.jacobian();
        long[] jac = new long[WINDOWS * DIGITS * jl];
        long[] t = new long[c.scratch()];
        long[] wBase = new long[jl];
        c.setInfinity(wBase, 0);
        c.addMixed(wBase, 0, wBase, 0, base, 0, t);
        for (int w = 0; w < WINDOWS; w++) {
            int row = w * DIGITS * jl;
            c.setInfinity(jac, row);
            for (int j = 1; j < DIGITS; j++) {
                c.add(jac, row + j * jl, jac, row + (j - 1) * jl, wBase, 0, t);
            }
            // next window base = 2^W * current = (DIGITS-1)*base + base
            c.add(wBase, 0, jac, row + (DIGITS - 1) * jl, wBase, 0, t);
        }
        long[] out = new long[WINDOWS * DIGITS * c.affine()];
        c.toAffine(jac, 0, WINDOWS * DIGITS, out, 0);
        return out;
    }
}
