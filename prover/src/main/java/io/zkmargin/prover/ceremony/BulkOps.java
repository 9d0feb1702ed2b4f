package io.zkmargin.prover.ceremony;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.crypto.Workers;
import io.zkmargin.crypto.curve.Glv;
import io.zkmargin.crypto.curve.PointOps;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.ntt.Domain;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * The ceremony's bulk group arithmetic on packed limb buffers, on all cores: many scalar multiplications,
 * the inverse FFT over group elements (Lagrange basis from monomials), the sparse "R1CS matrix times basis"
 * accumulation of the start key, and the H query. Scalars are canonical limbs (4 longs each); points are the
 * packed affine layout of {@link PointOps}. Progress is reported as counts of finished units of work.
 */
final class BulkOps {
    /** Points per parallel work unit. */
    private static final int CHUNK = 256;
    /** R1CS terms per parallel work unit of the sparse accumulation. */
    private static final int TERMS = 2048;
    private static final long[] MODULUS = {Fr.M0, Fr.M1, Fr.M2, Fr.M3};

    private BulkOps() {
    }

    /** Runs body(lo, hi) over [0, n) in chunks of the given size on all cores. */
    private static void parallel(int n, int chunk, ChunkBody body) {
        int chunks = (n + chunk - 1) / chunk;
        AtomicInteger next = new AtomicInteger();
        Workers.run(Math.min(Workers.CORES, Math.max(1, chunks)), id -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                body.run(c * chunk, Math.min(n, (c + 1) * chunk));
            }
        });
    }

    @FunctionalInterface
    private interface ChunkBody {
        void run(int lo, int hi);
    }

    // ------------------------------------------------------------------ scalar multiplication

    /** Bit length of the canonical scalar k[ko..ko+3]. */
    static int bitLength(long[] k, int ko) {
        for (int i = 3; i >= 0; i--) {
            if (k[ko + i] != 0) {
                return 64 * i + 64 - Long.numberOfLeadingZeros(k[ko + i]);
            }
        }
        return 0;
    }

    /** Longs of the table buffer {@link #mul} needs. */
    static int tableLongs(PointOps c) {
        return 32 * c.jacobian();
    }

    /**
     * r = k * P (Jacobian) for P affine at a[ao] (or Jacobian when jacobianBase), k canonical at k[ko..]. Scalars
     * above 128 bits are split by GLV (k = k1 + k2 lambda, two 4-bit-window chains sharing their doublings);
     * shorter ones use 4-bit windows from the top non-zero one, so small R1CS coefficients cost little.
     * tab holds {@link #tableLongs} longs.
     */
    static void mul(PointOps c, long[] r, int ro, long[] a, int ao, boolean jacobianBase, long[] k, int ko,
            long[] tab, long[] t) {
        mul(c, r, ro, a, ao, jacobianBase, k, ko, tab, t, false);
    }

    /**
     * As above; a secret scalar (a contribution's delta', phase-1 toxic waste) never takes the GLV path, whose
     * split goes through immutable BigIntegers that could not be wiped: it stays in the caller's long[] only.
     */
    static void mul(PointOps c, long[] r, int ro, long[] a, int ao, boolean jacobianBase, long[] k, int ko,
            long[] tab, long[] t, boolean secret) {
        int bits = bitLength(k, ko);
        if (bits == 0) {
            c.setInfinity(r, ro);
            return;
        }
        int j = c.jacobian();
        if (jacobianBase) {
            System.arraycopy(a, ao, tab, j, j);
        } else {
            c.fromAffine(tab, j, a, ao);
        }
        if (bits > 128 && !secret) {
            long[] dec = new long[10];
            Glv.decompose(k, ko, dec);
            if (dec[8] != 0) {
                c.neg(tab, j, tab, j);
            }
            table(c, tab, 0, 15, t);
            for (int d = 1; d < 16; d++) {
                System.arraycopy(tab, d * j, tab, (16 + d) * j, j);
                c.endo(tab, (16 + d) * j);
                if (dec[9] != dec[8]) {
                    c.neg(tab, (16 + d) * j, tab, (16 + d) * j);
                }
            }
            int windows = (Math.max(bitLength(dec, 0), bitLength(dec, 4)) + 3) >>> 2;
            c.setInfinity(r, ro);
            for (int w = windows - 1; w >= 0; w--) {
                if (w != windows - 1) {
                    c.dbl(r, ro, r, ro, t);
                    c.dbl(r, ro, r, ro, t);
                    c.dbl(r, ro, r, ro, t);
                    c.dbl(r, ro, r, ro, t);
                }
                int d1 = digit(dec, 0, w);
                int d2 = digit(dec, 4, w);
                if (d1 != 0) {
                    c.add(r, ro, r, ro, tab, d1 * j, t);
                }
                if (d2 != 0) {
                    c.add(r, ro, r, ro, tab, (16 + d2) * j, t);
                }
            }
            Arrays.fill(dec, 0L);
            return;
        }
        int windows = (bits + 3) >>> 2;
        table(c, tab, 0, windows == 1 ? (int) k[ko] : 15, t);
        int w = windows - 1;
        int top = digit(k, ko, w);
        System.arraycopy(tab, top * j, r, ro, j);
        for (w--; w >= 0; w--) {
            c.dbl(r, ro, r, ro, t);
            c.dbl(r, ro, r, ro, t);
            c.dbl(r, ro, r, ro, t);
            c.dbl(r, ro, r, ro, t);
            int d = digit(k, ko, w);
            if (d != 0) {
                c.add(r, ro, r, ro, tab, d * j, t);
            }
        }
    }

    /** tab[to + d] = d * tab[to + 1] for d = 2..maxDigit (Jacobian entries). */
    private static void table(PointOps c, long[] tab, int to, int maxDigit, long[] t) {
        int j = c.jacobian();
        for (int d = 2; d <= maxDigit; d++) {
            if ((d & 1) == 0) {
                c.dbl(tab, (to + d) * j, tab, (to + d / 2) * j, t);
            } else {
                c.add(tab, (to + d) * j, tab, (to + d - 1) * j, tab, (to + 1) * j, t);
            }
        }
    }

    private static int digit(long[] k, int ko, int w) {
        return (int) (k[ko + (w >>> 4)] >>> (4 * (w & 15))) & 15;
    }

    /**
     * k_i * P_i for the n packed affine points, scalar i at k[stride * i] (stride 0: one scalar for all);
     * returns packed affine. Work buffers are wiped (they hold partial products of possibly secret scalars).
     */
    static long[] mulEach(PointOps c, long[] points, int n, long[] k, int stride, LongConsumer progress) {
        return mulEach(c, points, n, k, stride, false, progress);
    }

    /** As {@link #mulEach(PointOps, long[], int, long[], int, LongConsumer)}; secret scalars skip GLV (see mul). */
    static long[] mulEach(PointOps c, long[] points, int n, long[] k, int stride, boolean secret, LongConsumer progress) {
        int a = c.affine();
        int j = c.jacobian();
        long[] out = new long[a * n];
        parallel(n, CHUNK, (lo, hi) -> {
            long[] jac = new long[(hi - lo) * j];
            long[] tab = new long[tableLongs(c)];
            long[] t = new long[c.scratch()];
            for (int i = lo; i < hi; i++) {
                mul(c, jac, (i - lo) * j, points, a * i, false, k, stride * i, tab, t, secret);
            }
            c.toAffine(jac, 0, hi - lo, out, a * lo);
            Arrays.fill(jac, 0L);
            Arrays.fill(tab, 0L);
            Arrays.fill(t, 0L);
            progress.accept(hi - lo);
        });
        return out;
    }

    // ------------------------------------------------------------------ group FFT

    /**
     * The Lagrange basis of the domain 2^log at tau from the first 2^log monomials tau^i P (packed affine):
     * L_k = (1/n) sum_i omega^(-ik) tau^i P, by a radix-2 inverse FFT over the group ((n/2) log n scalar
     * multiplications by twiddles, then n by 1/n). Progress counts butterflies plus points scaled.
     */
    static long[] lagrange(PointOps c, long[] monomials, int log, LongConsumer progress) {
        Domain d = Domain.ofLog(log);
        long[] v = radix2(c, monomials, log, d.omegaInverse(), progress);
        return mulEach(c, v, 1 << log, d.sizeInverse().toCanonicalLimbs(), 0, progress);
    }

    /**
     * The forward DFT over the group of the 2^log packed affine points P: F_i = sum_j omega^(ij) P_j with the
     * domain's omega, unscaled ((n/2) log n twiddle multiplications). Progress counts butterflies.
     */
    static long[] dft(PointOps c, long[] points, int log, LongConsumer progress) {
        return radix2(c, points, log, Domain.ofLog(log).omega(), progress);
    }

    /** Radix-2 DIT transform over the group with the primitive 2^log-th root w: out_k = sum_i w^(ik) in_i. */
    private static long[] radix2(PointOps c, long[] in, int log, Fr w, LongConsumer progress) {
        int n = 1 << log;
        int a = c.affine();
        int j = c.jacobian();
        long[] v = new long[n * a];
        for (int i = 0; i < n; i++) {
            int r = log == 0 ? 0 : Integer.reverse(i) >>> (32 - log);
            System.arraycopy(in, a * i, v, a * r, a);
        }
        for (int stage = 1; stage <= log; stage++) {
            int len = 1 << stage;
            int half = len / 2;
            long[] tw = powers(w.pow(n / len), half);
            parallel(n / 2, CHUNK, (lo, hi) -> {
                long[] jac = new long[2 * (hi - lo) * j];
                long[] aff = new long[2 * (hi - lo) * a];
                long[] tab = new long[tableLongs(c)];
                long[] t = new long[c.scratch()];
                for (int b = lo; b < hi; b++) {
                    int k = b % half;
                    int u = (b / half) * len + k;
                    int o = 2 * (b - lo) * j;
                    if (k == 0) {
                        c.fromAffine(jac, o, v, a * (u + half));
                    } else {
                        mul(c, jac, o, v, a * (u + half), false, tw, 4 * k, tab, t);
                    }
                    c.neg(jac, o + j, jac, o);
                    c.addMixed(jac, o, jac, o, v, a * u, t);          // u + w^k v
                    c.addMixed(jac, o + j, jac, o + j, v, a * u, t);  // u - w^k v
                }
                c.toAffine(jac, 0, 2 * (hi - lo), aff, 0);
                for (int b = lo; b < hi; b++) {
                    int u = (b / half) * len + b % half;
                    System.arraycopy(aff, 2 * (b - lo) * a, v, a * u, a);
                    System.arraycopy(aff, (2 * (b - lo) + 1) * a, v, a * (u + half), a);
                }
                progress.accept(hi - lo);
            });
        }
        return v;
    }

    /** Canonical limbs of w^0 .. w^(count-1). */
    private static long[] powers(Fr w, int count) {
        long[] out = new long[4 * count];
        Fr x = Fr.ONE;
        for (int i = 0; i < count; i++) {
            System.arraycopy(x.toCanonicalLimbs(), 0, out, 4 * i, 4);
            x = x.mul(w);
        }
        return out;
    }

    // ------------------------------------------------------------------ sparse accumulation

    /** An R1CS matrix by column (wire): terms of wire w are order[start[w] .. start[w+1]). */
    record Columns(int[] start, int[] rows, int[] terms) {
        static Columns of(R1cs.Matrix m, int nWires) {
            int[] rowStarts = m.rowStarts();
            int[] wires = m.wires();
            int total = wires.length;
            int[] start = new int[nWires + 1];
            for (int w : wires) {
                start[w + 1]++;
            }
            for (int w = 0; w < nWires; w++) {
                start[w + 1] += start[w];
            }
            int[] fill = Arrays.copyOf(start, nWires);
            int[] rows = new int[total];
            int[] terms = new int[total];
            for (int row = 0; row + 1 < rowStarts.length; row++) {
                for (int term = rowStarts[row]; term < rowStarts[row + 1]; term++) {
                    int at = fill[wires[term]]++;
                    rows[at] = row;
                    terms[at] = term;
                }
            }
            return new Columns(start, rows, terms);
        }

        int size() {
            return rows.length;
        }
    }

    /** Multiples per row in {@link #rowTables}: d * L_row for d = 1..16 (signed 5-bit windows, digits -16..16). */
    private static final int DIGITS = 16;
    /** Signed 5-bit windows of a GLV half (at most 130 bits, plus the final carry). */
    private static final int SWINDOWS = 27;

    /**
     * For every basis point, its multiples 1..15 in packed affine form: the per-row tables that every term of
     * that row (in any column, any matrix) reads in {@link #accumulate}. rows * 15 affine points.
     */
    static long[] rowTables(PointOps c, long[] basis, int rows, LongConsumer progress) {
        int a = c.affine();
        int j = c.jacobian();
        long[] out = new long[rows * DIGITS * a];
        parallel(rows, 64, (lo, hi) -> {
            long[] jac = new long[(hi - lo) * DIGITS * j];
            long[] t = new long[c.scratch()];
            for (int r = lo; r < hi; r++) {
                int o = (r - lo) * DIGITS * j;
                c.fromAffine(jac, o, basis, a * r);
                for (int d = 2; d <= DIGITS; d++) {
                    if ((d & 1) == 0) {
                        c.dbl(jac, o + (d - 1) * j, jac, o + (d / 2 - 1) * j, t);
                    } else {
                        c.addMixed(jac, o + (d - 1) * j, jac, o + (d - 2) * j, basis, a * r, t);
                    }
                }
            }
            c.toAffine(jac, 0, (hi - lo) * DIGITS, out, lo * DIGITS * a);
            progress.accept(hi - lo);
        });
        return out;
    }

    /**
     * acc[w] += sum over the terms (row, coefficient) of wire w of coefficient * L_row, for every wire (acc:
     * Jacobian points; tables from {@link #rowTables}). Each column is one interleaved (Straus) multi-scalar
     * multiplication: coefficients are split by GLV into two halves of about 128 bits (short ones, and r - k for
     * "negative" ones, are used as they are), all terms of the column share the doublings, and every addition is
     * a mixed one from the precomputed row tables (phi applied on the fly). Terms are cut into units of equal size
     * run in parallel; a wire cut between two units gets partial sums merged at the end.
     */
    static void accumulate(PointOps c, long[] acc, Columns cols, long[] montCoeffs, long[] tables, LongConsumer progress) {
        int total = cols.size();
        if (total == 0) {
            return;
        }
        int j = c.jacobian();
        int units = (total + TERMS - 1) / TERMS;
        long[] edge = new long[2 * units * j];   // partial sums of the first and last wire of each unit
        int[] edgeWire = new int[2 * units];
        Arrays.fill(edgeWire, -1);
        parallel(total, TERMS, (lo, hi) -> {
            int unit = lo / TERMS;
            long[] sum = new long[j];
            long[] pt = new long[c.affine()];
            long[] t = new long[c.scratch()];
            long[] halves = new long[10 * (hi - lo)];   // per term: |k1| (4), |k2| (4), sign1, sign2
            byte[] digits = new byte[2 * SWINDOWS * (hi - lo)];
            long[] k = new long[4];
            long[] m = new long[10];   // r - k, then the GLV split
            int w = wireOf(cols.start(), lo);
            int at = lo;
            while (at < hi) {
                int end = Math.min(hi, cols.start()[w + 1]);
                straus(c, sum, cols, at, end, lo, montCoeffs, tables, halves, digits, k, m, pt, t);
                boolean whole = cols.start()[w] >= lo && cols.start()[w + 1] <= hi;
                if (whole) {
                    c.add(acc, w * j, acc, w * j, sum, 0, t);
                } else {
                    int slot = at == lo ? 2 * unit : 2 * unit + 1;
                    System.arraycopy(sum, 0, edge, slot * j, j);
                    edgeWire[slot] = w;
                }
                at = end;
                w++;
                while (at < hi && cols.start()[w + 1] == cols.start()[w]) {
                    w++;   // wires without terms
                }
            }
            progress.accept(hi - lo);
        });
        long[] t = new long[c.scratch()];
        for (int s = 0; s < edgeWire.length; s++) {
            if (edgeWire[s] >= 0) {
                c.add(acc, edgeWire[s] * j, acc, edgeWire[s] * j, edge, s * j, t);
            }
        }
    }

    /** sum = sum over CSC positions [from, to) of coefficient * L_row (one column segment), by Straus. */
    private static void straus(PointOps c, long[] sum, Columns cols, int from, int to, int base, long[] montCoeffs,
            long[] tables, long[] halves, byte[] digits, long[] k, long[] m, long[] pt, long[] t) {
        int a = c.affine();
        int windows = 0;
        for (int x = from; x < to; x++) {
            int h = 10 * (x - base);
            System.arraycopy(montCoeffs, 4 * cols.terms()[x], k, 0, 4);
            Fr.fromMont(k, 0);
            subtract(m, MODULUS, k);   // r - k
            int bk = bitLength(k, 0);
            int bm = bitLength(m, 0);
            if (bk <= 128 || bm <= 128) {
                boolean neg = bm < bk;
                System.arraycopy(neg ? m : k, 0, halves, h, 4);
                Arrays.fill(halves, h + 4, h + 8, 0L);
                halves[h + 8] = neg ? 1 : 0;
                halves[h + 9] = 0;
            } else {
                Glv.decompose(k, 0, m);
                System.arraycopy(m, 0, halves, h, 10);
            }
            int d = 2 * SWINDOWS * (x - base);
            windows = Math.max(windows, recode(halves, h, halves[h + 8] != 0, digits, d));
            windows = Math.max(windows, recode(halves, h + 4, halves[h + 9] != 0, digits, d + SWINDOWS));
        }
        c.setInfinity(sum, 0);
        for (int w = windows - 1; w >= 0; w--) {
            if (!c.isInfinity(sum, 0)) {
                for (int i = 0; i < 5; i++) {
                    c.dbl(sum, 0, sum, 0, t);
                }
            }
            for (int x = from; x < to; x++) {
                int d = 2 * SWINDOWS * (x - base);
                int row = cols.rows()[x];
                int d1 = digits[d + w];
                if (d1 != 0) {
                    int src = (row * DIGITS + Math.abs(d1) - 1) * a;
                    if (d1 < 0) {
                        c.negAffine(pt, 0, tables, src);
                        c.addMixed(sum, 0, sum, 0, pt, 0, t);
                    } else {
                        c.addMixed(sum, 0, sum, 0, tables, src, t);
                    }
                }
                int d2 = digits[d + SWINDOWS + w];
                if (d2 != 0) {
                    System.arraycopy(tables, (row * DIGITS + Math.abs(d2) - 1) * a, pt, 0, a);
                    c.endo(pt, 0);
                    if (d2 < 0) {
                        c.negAffine(pt, 0, pt, 0);
                    }
                    c.addMixed(sum, 0, sum, 0, pt, 0, t);
                }
            }
        }
    }

    /**
     * Signed 5-bit recoding of the (at most 130-bit) value at v[vo..vo+3], negated when neg: digits in -16..16
     * with value = sum d_i 32^i, written to out[oo..oo+SWINDOWS); returns the number of windows used.
     */
    static int recode(long[] v, int vo, boolean neg, byte[] out, int oo) {
        int carry = 0;
        int used = 0;
        for (int i = 0; i < SWINDOWS; i++) {
            int bit = 5 * i;
            long word = v[vo + (bit >>> 6)] >>> (bit & 63);
            if ((bit & 63) > 59 && (bit >>> 6) < 3) {
                word |= v[vo + (bit >>> 6) + 1] << (64 - (bit & 63));
            }
            int d = (int) (word & 31) + carry;
            if (d > 16) {
                d -= 32;
                carry = 1;
            } else {
                carry = 0;
            }
            out[oo + i] = (byte) (neg ? -d : d);
            if (d != 0) {
                used = i + 1;
            }
        }
        if (carry != 0) {
            throw new IllegalStateException("scalar half too long for signed recoding");
        }
        return used;
    }

    private static void subtract(long[] r, long[] x, long[] y) {
        long borrow = 0;
        for (int i = 0; i < 4; i++) {
            long d = x[i] - y[i] - borrow;
            borrow = (Long.compareUnsigned(x[i], y[i]) < 0 || (x[i] == y[i] && borrow == 1)) ? 1 : 0;
            r[i] = d;
        }
    }

    /** The wire whose column holds CSC position pos (the last w with start[w] <= pos, skipping empty columns). */
    private static int wireOf(int[] start, int pos) {
        int lo = 0;
        int hi = start.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= pos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Jacobian buffer of count points at infinity. */
    static long[] infinities(PointOps c, int count) {
        long[] r = new long[count * c.jacobian()];
        for (int i = 0; i < count; i++) {
            c.setInfinity(r, i * c.jacobian());
        }
        return r;
    }

    /** Packed affine from count Jacobian points, in parallel chunks. */
    static long[] toAffine(PointOps c, long[] jac, int count) {
        long[] out = new long[count * c.affine()];
        parallel(count, 4 * CHUNK, (lo, hi) -> c.toAffine(jac, lo * c.jacobian(), hi - lo, out, lo * c.affine()));
        return out;
    }

    /** H_i = tau^(i+n) G1 - tau^i G1 for i &lt; n - 1 (tau^i Z(tau) with Z = X^n - 1), packed affine. */
    static long[] hQuery(long[] tauG1, int n, LongConsumer progress) {
        PointOps c = PointOps.G1;
        long[] out = new long[8 * (n - 1)];
        parallel(n - 1, 4 * CHUNK, (lo, hi) -> {
            long[] jac = new long[(hi - lo) * 12];
            long[] neg = new long[8];
            long[] t = new long[c.scratch()];
            for (int i = lo; i < hi; i++) {
                c.fromAffine(jac, (i - lo) * 12, tauG1, 8 * (i + n));
                c.negAffine(neg, 0, tauG1, 8 * i);
                c.addMixed(jac, (i - lo) * 12, jac, (i - lo) * 12, neg, 0, t);
            }
            c.toAffine(jac, 0, hi - lo, out, 8 * lo);
            progress.accept(hi - lo);
        });
        return out;
    }
}
