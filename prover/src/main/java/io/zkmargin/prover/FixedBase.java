package io.zkmargin.prover;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.G2Jacobian;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;

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

    /** Curve-specific buffer operations. */
    private interface Curve {
        int affine();

        int jacobian();

        int scratch();

        void addMixed(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t);

        void add(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t);

        void setInfinity(long[] r, int ro);

        /** Converts n Jacobian points in jac to packed affine in out[oo..]. */
        void toAffine(long[] jac, int n, long[] out, int oo);
    }

    static long[] g1(G1Affine base, long[] scalars, int threads, LongConsumer progress) {
        long[] b = new long[8];
        base.writePacked(b, 0);
        return run(G1, b, scalars, threads, progress);
    }

    static long[] g2(G2Affine base, long[] scalars, int threads, LongConsumer progress) {
        long[] b = new long[16];
        base.writePacked(b, 0);
        return run(G2, b, scalars, threads, progress);
    }

    private static long[] run(Curve c, long[] base, long[] scalars, int threads, LongConsumer progress) {
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
            c.toAffine(jac, hi - lo, out, lo * c.affine());
            if (progress != null) {
                progress.accept(done.addAndGet(hi - lo));
            }
        });
        Parallel.run(threads, body);
        return out;
    }

    /** table[(w * 256 + j)] = j * 2^(8w) * base in packed affine form (entry 0 unused, infinity). */
    private static long[] table(Curve c, long[] base) {
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
        c.toAffine(jac, WINDOWS * DIGITS, out, 0);
        return out;
    }

    // ------------------------------------------------------------------ G1

    private static final Curve G1 = new Curve() {
        public int affine() {
            return 8;
        }

        public int jacobian() {
            return G1Jacobian.LONGS;
        }

        public int scratch() {
            return G1Jacobian.SCRATCH;
        }

        public void addMixed(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t) {
            G1Jacobian.addMixed(r, ro, p, po, q, qo, t);
        }

        public void add(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t) {
            G1Jacobian.add(r, ro, p, po, q, qo, t);
        }

        public void setInfinity(long[] r, int ro) {
            Fp.ONE.writeMont(r, ro);
            Fp.ONE.writeMont(r, ro + 4);
            java.util.Arrays.fill(r, ro + 8, ro + 12, 0L);
        }

        public void toAffine(long[] jac, int n, long[] out, int oo) {
            long[] prefix = new long[4 * (n + 1)];
            Fp.ONE.writeMont(prefix, 0);
            for (int i = 0; i < n; i++) {
                if (Fp.isZero(jac, 12 * i + 8)) {
                    System.arraycopy(prefix, 4 * i, prefix, 4 * i + 4, 4);
                } else {
                    Fp.mul(prefix, 4 * i + 4, prefix, 4 * i, jac, 12 * i + 8);
                }
            }
            long[] inv = new long[4];
            long[] t = new long[12];
            Fp.inverse(inv, 0, prefix, 4 * n);
            for (int i = n - 1; i >= 0; i--) {
                int o = oo + 8 * i;
                int p = 12 * i;
                if (Fp.isZero(jac, p + 8)) {
                    java.util.Arrays.fill(out, o, o + 8, 0L);
                    continue;
                }
                Fp.mul(t, 0, inv, 0, prefix, 4 * i);   // 1/Z_i
                Fp.mul(inv, 0, inv, 0, jac, p + 8);
                Fp.square(t, 4, t, 0);
                Fp.mul(t, 8, t, 4, t, 0);
                Fp.mul(out, o, jac, p, t, 4);
                Fp.mul(out, o + 4, jac, p + 4, t, 8);
            }
        }
    };

    // ------------------------------------------------------------------ G2

    private static final Curve G2 = new Curve() {
        public int affine() {
            return 16;
        }

        public int jacobian() {
            return G2Jacobian.LONGS;
        }

        public int scratch() {
            return G2Jacobian.SCRATCH;
        }

        public void addMixed(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t) {
            G2Jacobian.addMixed(r, ro, p, po, q, qo, t);
        }

        public void add(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t) {
            G2Jacobian.add(r, ro, p, po, q, qo, t);
        }

        public void setInfinity(long[] r, int ro) {
            Fp2.setOne(r, ro);
            Fp2.setOne(r, ro + 8);
            Fp2.setZero(r, ro + 16);
        }

        public void toAffine(long[] jac, int n, long[] out, int oo) {
            long[] prefix = new long[8 * (n + 1)];
            long[] s = new long[16];
            Fp2.setOne(prefix, 0);
            for (int i = 0; i < n; i++) {
                if (Fp2.isZero(jac, 24 * i + 16)) {
                    System.arraycopy(prefix, 8 * i, prefix, 8 * i + 8, 8);
                } else {
                    Fp2.mul(prefix, 8 * i + 8, prefix, 8 * i, jac, 24 * i + 16, s, 0);
                }
            }
            long[] inv = new long[8];
            long[] t = new long[24];
            Fp2.inverse(inv, 0, prefix, 8 * n, s, 0);
            for (int i = n - 1; i >= 0; i--) {
                int o = oo + 16 * i;
                int p = 24 * i;
                if (Fp2.isZero(jac, p + 16)) {
                    java.util.Arrays.fill(out, o, o + 16, 0L);
                    continue;
                }
                Fp2.mul(t, 0, inv, 0, prefix, 8 * i, s, 0);
                Fp2.mul(inv, 0, inv, 0, jac, p + 16, s, 0);
                Fp2.square(t, 8, t, 0, s, 0);
                Fp2.mul(t, 16, t, 8, t, 0, s, 0);
                Fp2.mul(out, o, jac, p, t, 8, s, 0);
                Fp2.mul(out, o + 8, jac, p + 8, t, 16, s, 0);
            }
        }
    };
}
