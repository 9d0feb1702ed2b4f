package io.zkmargin.crypto.ntt;

import io.zkmargin.crypto.Workers;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.field.Montgomery;
import java.util.Objects;

/**
 * A multiplicative subgroup H = {1, w, w^2, ..., w^(n-1)} of Fr of power-of-two size n, with the FFT
 * on it: {@code fft(a)[k] = sum_j a[j] * w^(jk)}; the coset variants evaluate on g*H with
 * g = {@link Fr#MULTIPLICATIVE_GENERATOR}.
 *
 * <p>The buffer methods work in place on {@code long[]} of exactly 4n longs (Montgomery form, each
 * element reduced, as written by {@link Fr#writeMont}). Twiddle factors are computed on first use
 * and kept with the domain (32 bytes per element); domains from {@link #ofLog} are shared. Sizes of
 * 2^12 and more run on all cores; {@link #withThreads} gives a view with another thread count.
 */
public final class Domain {
    /** Smaller transforms stay on the calling thread: a hand-off costs more than it saves. */
    static final int PARALLEL_LOG = 12;
    /** The first stages run block by block on 2^12 elements (128 KiB) so each block stays in cache. */
    private static final int BLOCK_LOG = 12;

    private static final Domain[] SHARED = new Domain[Fr.TWO_ADICITY + 1];

    /** Twiddles shared by all views of one size. */
    private static final class Tables {
        private volatile long[] twiddles;
    }

    private final int log;
    private final int n;
    private final int threads;
    private final Fr omega;
    private final Fr omegaInv;
    private final Fr sizeInv;
    private final Tables tables;

    private Domain(int log, int threads, Fr omega, Fr omegaInv, Fr sizeInv, Tables tables) {
        this.log = log;
        this.n = 1 << log;
        this.threads = threads;
        this.omega = omega;
        this.omegaInv = omegaInv;
        this.sizeInv = sizeInv;
        this.tables = tables;
    }

    /** The domain of size 2^log, log in [0, 28]; instances are cached and thread-safe. */
    public static Domain ofLog(int log) {
        if (log < 0 || log > Fr.TWO_ADICITY) {
            throw new IllegalArgumentException("domain log must be in [0, " + Fr.TWO_ADICITY + "], got " + log);
        }
        synchronized (SHARED) {
            Domain d = SHARED[log];
            if (d == null) {
                Fr w = Fr.rootOfUnity(log);
                d = new Domain(log, Workers.CORES, w, w.inverse(), Fr.of(1L << log).inverse(), new Tables());
                SHARED[log] = d;
            }
            return d;
        }
    }

    /** The domain of size n, which must be a power of two in [1, 2^28]. */
    public static Domain ofSize(int n) {
        if (n <= 0 || Integer.bitCount(n) != 1 || n > (1 << Fr.TWO_ADICITY)) {
            throw new IllegalArgumentException("domain size must be a power of two in [1, 2^28], got " + n);
        }
        return ofLog(Integer.numberOfTrailingZeros(n));
    }

    /** The smallest domain with at least n elements (n in [1, 2^28]). */
    public static Domain atLeast(int n) {
        if (n <= 0 || n > (1 << Fr.TWO_ADICITY)) {
            throw new IllegalArgumentException("domain size must be in [1, 2^28], got " + n);
        }
        return ofLog(32 - Integer.numberOfLeadingZeros(n - 1));
    }

    /** This domain using {@code threads} worker threads (1 = calling thread only) for large sizes. */
    public Domain withThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        return threads == this.threads ? this : new Domain(log, threads, omega, omegaInv, sizeInv, tables);
    }

    public int size() {
        return n;
    }

    public int log() {
        return log;
    }

    public int threads() {
        return threads;
    }

    /** The generator w of H (a primitive n-th root of unity). */
    public Fr omega() {
        return omega;
    }

    public Fr omegaInverse() {
        return omegaInv;
    }

    /** 1/n. */
    public Fr sizeInverse() {
        return sizeInv;
    }

    /** The coset shift g. */
    public static Fr cosetShift() {
        return Fr.MULTIPLICATIVE_GENERATOR;
    }

    // ------------------------------------------------------------------ value API

    /** Evaluations at w^0..w^(n-1) of the polynomial with the given n coefficients. */
    public Fr[] fft(Fr[] coefficients) {
        long[] buf = toBuffer(coefficients);
        fft(buf);
        return fromBuffer(buf);
    }

    /** Coefficients of the polynomial with the given n evaluations on H. */
    public Fr[] ifft(Fr[] evaluations) {
        long[] buf = toBuffer(evaluations);
        ifft(buf);
        return fromBuffer(buf);
    }

    /** Evaluations at g*w^0..g*w^(n-1). */
    public Fr[] cosetFft(Fr[] coefficients) {
        long[] buf = toBuffer(coefficients);
        cosetFft(buf);
        return fromBuffer(buf);
    }

    /** Coefficients of the polynomial with the given n evaluations on g*H. */
    public Fr[] cosetIfft(Fr[] evaluations) {
        long[] buf = toBuffer(evaluations);
        cosetIfft(buf);
        return fromBuffer(buf);
    }

    private long[] toBuffer(Fr[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length != n) {
            throw new IllegalArgumentException("expected " + n + " elements for this domain, got " + values.length);
        }
        long[] buf = new long[4 * n];
        for (int i = 0; i < n; i++) {
            Objects.requireNonNull(values[i], "null element");
            values[i].writeMont(buf, 4 * i);
        }
        return buf;
    }

    private Fr[] fromBuffer(long[] buf) {
        Fr[] out = new Fr[n];
        for (int i = 0; i < n; i++) out[i] = Fr.readMont(buf, 4 * i);
        return out;
    }

    // ------------------------------------------------------------------ buffer API

    /** In place: coefficients to evaluations on H. */
    public void fft(long[] a) {
        check(a);
        transform(a, tasks());
    }

    /** In place: evaluations on H to coefficients (includes the 1/n scaling). */
    public void ifft(long[] a) {
        check(a);
        int t = tasks();
        transform(a, t);
        reverseTail(a, t);
        scale(a, sizeInv, Fr.ONE, t);
    }

    /** In place: coefficients to evaluations on g*H. */
    public void cosetFft(long[] a) {
        check(a);
        int t = tasks();
        scale(a, Fr.ONE, Fr.MULTIPLICATIVE_GENERATOR, t);
        transform(a, t);
    }

    /** In place: evaluations on g*H to coefficients. */
    public void cosetIfft(long[] a) {
        check(a);
        int t = tasks();
        transform(a, t);
        reverseTail(a, t);
        scale(a, sizeInv, Fr.MULTIPLICATIVE_GENERATOR.inverse(), t);
    }

    private void check(long[] a) {
        Objects.requireNonNull(a, "buffer");
        if (a.length != 4 * n) {
            throw new IllegalArgumentException("buffer must hold 4*" + n + " longs, got " + a.length);
        }
    }

    private int tasks() {
        return log < PARALLEL_LOG ? 1 : threads;
    }

    // ------------------------------------------------------------------ kernels

    /** Per stage s (half-block m = 2^s): m twiddles w_(2m)^j at element offset m - 1; n - 1 in all. */
    private long[] twiddles() {
        long[] tw = tables.twiddles;
        if (tw != null) return tw;
        synchronized (tables) {
            tw = tables.twiddles;
            if (tw != null) return tw;
            tw = new long[4 * Math.max(1, n - 1)];
            if (n >= 2) {
                // the last stage holds w^j for j < n/2; earlier stages sample it with stride n/(2m)
                int half = n >> 1;
                int last = 4 * (half - 1);
                Fr.ONE.writeMont(tw, last);
                long[] w = new long[4];
                omega.writeMont(w, 0);
                for (int j = 1; j < half; j++) Fr.mul(tw, last + 4 * j, tw, last + 4 * (j - 1), w, 0);
                for (int s = 0; s < log - 1; s++) {
                    int m = 1 << s;
                    int stride = half >> s;
                    for (int j = 0; j < m; j++) System.arraycopy(tw, last + 4 * j * stride, tw, 4 * (m - 1 + j), 4);
                }
            }
            tables.twiddles = tw;
            return tw;
        }
    }

    /** Bit-reversal permutation followed by the decimation-in-time butterflies. */
    private void transform(long[] a, int tasks) {
        if (n == 1) return;
        long[] tw = twiddles();
        bitReverse(a, tasks);
        final int bl = Math.min(log, BLOCK_LOG);
        final int blocks = n >> bl;
        final int t1 = Math.min(tasks, blocks);
        Workers.run(t1, t -> {
            long[] tmp = new long[4];
            for (int b = t; b < blocks; b += t1) blockStages(a, b << bl, bl, tw, tmp);
        });
        final int half = n >> 1;
        for (int s = bl; s < log; s++) {
            final int stage = s;
            Workers.run(tasks, t -> {
                long lo = (long) half * t / tasks, hi = (long) half * (t + 1) / tasks;
                stageRange(a, stage, (int) lo, (int) hi, tw, new long[4]);
            });
        }
    }

    private void bitReverse(long[] a, int tasks) {
        final int shift = 32 - log;
        Workers.run(tasks, t -> {
            int lo = (int) ((long) n * t / tasks), hi = (int) ((long) n * (t + 1) / tasks);
            for (int i = lo; i < hi; i++) {
                int r = Integer.reverse(i) >>> shift;
                if (i < r) swap(a, 4 * i, 4 * r);
            }
        });
    }

    private static void swap(long[] a, int i, int j) {
        for (int k = 0; k < 4; k++) {
            long x = a[i + k];
            a[i + k] = a[j + k];
            a[j + k] = x;
        }
    }

    /** Stages 0..bl-1 on the block starting at element {@code base}. */
    private static void blockStages(long[] a, int base, int bl, long[] tw, long[] tmp) {
        int end = base + (1 << bl);
        // stage 0: every twiddle is 1
        for (int i = base; i < end; i += 2) butterflyOne(a, 4 * i, 4 * i + 4);
        for (int s = 1; s < bl; s++) {
            int m = 1 << s;
            for (int k = base; k < end; k += 2 * m) {
                butterflyOne(a, 4 * k, 4 * (k + m)); // w^0 = 1: no multiplication
                for (int j = 1; j < m; j++) butterfly(a, 4 * (k + j), 4 * (k + j + m), tw, 4 * (m - 1 + j), tmp);
            }
        }
    }

    /** Butterflies number lo..hi-1 (of n/2) of stage s. */
    private static void stageRange(long[] a, int s, int lo, int hi, long[] tw, long[] tmp) {
        int m = 1 << s;
        for (int b = lo; b < hi; b++) {
            int j = b & (m - 1);
            int i = ((b >> s) << (s + 1)) + j;
            if (j == 0) butterflyOne(a, 4 * i, 4 * (i + m)); else butterfly(a, 4 * i, 4 * (i + m), tw, 4 * (m - 1 + j), tmp);
        }
    }

    /** (x, y) = (x + y, x - y). */
    private static void butterflyOne(long[] a, int x, int y) {
        long a0 = a[x], a1 = a[x + 1], a2 = a[x + 2], a3 = a[x + 3];
        long b0 = a[y], b1 = a[y + 1], b2 = a[y + 2], b3 = a[y + 3];
        Montgomery.sub(a0, a1, a2, a3, b0, b1, b2, b3, a, y, Fr.M0, Fr.M1, Fr.M2, Fr.M3);
        Montgomery.add(a0, a1, a2, a3, b0, b1, b2, b3, a, x, Fr.M0, Fr.M1, Fr.M2, Fr.M3);
    }

    /** (x, y) = (x + w*y, x - w*y) at long offsets x, y; w at tw[t..]. */
    private static void butterfly(long[] a, int x, int y, long[] tw, int t, long[] tmp) {
        Fr.mul(tmp, 0, a, y, tw, t);   // Fr's kernel has the modulus folded in
        long a0 = a[x], a1 = a[x + 1], a2 = a[x + 2], a3 = a[x + 3];
        long b0 = tmp[0], b1 = tmp[1], b2 = tmp[2], b3 = tmp[3];
        Montgomery.sub(a0, a1, a2, a3, b0, b1, b2, b3, a, y, Fr.M0, Fr.M1, Fr.M2, Fr.M3);
        Montgomery.add(a0, a1, a2, a3, b0, b1, b2, b3, a, x, Fr.M0, Fr.M1, Fr.M2, Fr.M3);
    }

    /** a[k] <-> a[n-k] for 0 < k < n/2: turns a forward transform into an inverse one (unscaled). */
    private void reverseTail(long[] a, int tasks) {
        final int half = n >> 1;
        Workers.run(tasks, t -> {
            int lo = Math.max(1, (int) ((long) half * t / tasks)), hi = (int) ((long) half * (t + 1) / tasks);
            for (int k = lo; k < hi; k++) swap(a, 4 * k, 4 * (n - k));
        });
    }

    /** a[i] *= c * step^i. */
    private void scale(long[] a, Fr c, Fr step, int tasks) {
        final boolean constant = step.isOne();
        Workers.run(tasks, t -> {
            int lo = (int) ((long) n * t / tasks), hi = (int) ((long) n * (t + 1) / tasks);
            long[] f = new long[8];
            (constant ? c : c.mul(step.pow(lo))).writeMont(f, 0);
            step.writeMont(f, 4);
            for (int i = lo; i < hi; i++) {
                Fr.mul(a, 4 * i, a, 4 * i, f, 0);
                if (!constant) Fr.mul(f, 0, f, 0, f, 4);
            }
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Domain && ((Domain) o).log == log && ((Domain) o).threads == threads;
    }

    @Override
    public int hashCode() {
        return log * 31 + threads;
    }

    @Override
    public String toString() {
        return "Domain(2^" + log + ", threads=" + threads + ")";
    }
}
