package io.zkmargin.crypto.curve;

import io.zkmargin.crypto.field.Fp2;
import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;

/**
 * A point on the G2 twist y^2 = x^3 + 3/(9+u) over Fp2 in Jacobian coordinates (X/Z^2, Y/Z^3);
 * Z = 0 is infinity. Immutable; internally 24 longs (three {@link Fp2} buffer elements) so the
 * formulas run without allocating field objects. {@link #equals} compares points.
 */
public final class G2Jacobian {
    /** Longs per point in the buffer layout: X, Y, Z (each 8 longs). */
    public static final int LONGS = 24;
    /** Scratch longs needed by the buffer formulas. */
    public static final int SCRATCH = 96;

    public static final G2Jacobian INFINITY = new G2Jacobian(infinityLimbs());

    private final long[] c;

    private G2Jacobian(long[] c) {
        this.c = c;
    }

    private static long[] infinityLimbs() {
        long[] c = new long[LONGS];
        Fp2.setOne(c, 0);
        Fp2.setOne(c, 8);
        return c;
    }

    static G2Jacobian fromAffine(Fp2 x, Fp2 y) {
        long[] c = new long[LONGS];
        x.write(c, 0);
        y.write(c, 8);
        Fp2.setOne(c, 16);
        return new G2Jacobian(c);
    }

    /** Copies the 24 buffer longs (X, Y, Z) to dst[off..]. */
    public void write(long[] dst, int off) {
        System.arraycopy(c, 0, dst, off, LONGS);
    }

    public boolean isInfinity() {
        return Fp2.isZero(c, 16);
    }

    public G2Jacobian add(G2Jacobian o) {
        long[] r = new long[LONGS];
        add(r, 0, c, 0, o.c, 0, new long[SCRATCH]);
        return new G2Jacobian(r);
    }

    public G2Jacobian addMixed(G2Affine o) {
        if (o.isInfinity()) return this;
        long[] q = new long[16];
        o.writePacked(q, 0);
        long[] r = new long[LONGS];
        addMixed(r, 0, c, 0, q, 0, new long[SCRATCH]);
        return new G2Jacobian(r);
    }

    public G2Jacobian dbl() {
        long[] r = new long[LONGS];
        dbl(r, 0, c, 0, new long[SCRATCH]);
        return new G2Jacobian(r);
    }

    public G2Jacobian neg() {
        long[] r = c.clone();
        Fp2.neg(r, 8, r, 8);
        return new G2Jacobian(r);
    }

    /**
     * [k]P for any integer k. Not reduced mod r, so it is also meaningful for twist points outside
     * the subgroup (used by the subgroup check).
     */
    public G2Jacobian mul(BigInteger k) {
        if (k.signum() == 0 || isInfinity()) return INFINITY;
        int[] d = G1Jacobian.wnaf(k.abs(), G1Jacobian.WINDOW);
        long[] t = new long[SCRATCH];
        int count = 1 << (G1Jacobian.WINDOW - 2);
        long[] table = new long[count * LONGS];          // P, 3P, 5P, ...
        long[] twoP = new long[LONGS];
        System.arraycopy(c, 0, table, 0, LONGS);
        dbl(twoP, 0, c, 0, t);
        for (int i = 1; i < count; i++) add(table, i * LONGS, table, (i - 1) * LONGS, twoP, 0, t);
        long[] acc = new long[LONGS];
        long[] neg = new long[LONGS];
        setInfinity(acc, 0);
        for (int i = d.length - 1; i >= 0; i--) {
            dbl(acc, 0, acc, 0, t);
            int z = d[i];
            if (z > 0) {
                add(acc, 0, acc, 0, table, (z >> 1) * LONGS, t);
            } else if (z < 0) {
                System.arraycopy(table, (-z >> 1) * LONGS, neg, 0, LONGS);
                Fp2.neg(neg, 8, neg, 8);
                add(acc, 0, acc, 0, neg, 0, t);
            }
        }
        G2Jacobian r = new G2Jacobian(acc);
        return k.signum() < 0 ? r.neg() : r;
    }

    public G2Jacobian mul(Fr k) {
        return mul(k.toBigInteger());
    }

    /** The untwist-Frobenius-twist endomorphism psi, applied coordinate-wise (valid in Jacobian form). */
    G2Jacobian psi() {
        long[] r = new long[LONGS];
        long[] t = new long[Fp2.SCRATCH];
        Fp2.conjugate(r, 0, c, 0);
        Fp2.mul(r, 0, r, 0, G2Affine.PSI_X, 0, t, 0);
        Fp2.conjugate(r, 8, c, 8);
        Fp2.mul(r, 8, r, 8, G2Affine.PSI_Y, 0, t, 0);
        Fp2.conjugate(r, 16, c, 16);
        return new G2Jacobian(r);
    }

    public G2Affine toAffine() {
        if (isInfinity()) return G2Affine.INFINITY;
        long[] t = new long[40];
        Fp2.inverse(t, 0, c, 16, t, 24);
        return affineWithZInverse(c, 0, t);
    }

    /** Affine point from p[po..] given 1/Z at zi[0..7]; uses zi[8..39] as scratch. */
    private static G2Affine affineWithZInverse(long[] p, int po, long[] zi) {
        Fp2.square(zi, 8, zi, 0, zi, 24);
        Fp2.mul(zi, 16, zi, 8, zi, 0, zi, 24);
        Fp2.mul(zi, 8, p, po, zi, 8, zi, 24);
        Fp2.mul(zi, 16, p, po + 8, zi, 16, zi, 24);
        return G2Affine.ofTrusted(Fp2.read(zi, 8), Fp2.read(zi, 16));
    }

    /** Converts all points with a single field inversion (Montgomery's trick). */
    public static G2Affine[] batchToAffine(G2Jacobian[] ps) {
        int n = ps.length;
        G2Affine[] out = new G2Affine[n];
        long[] prefix = new long[8 * (n + 1)];
        long[] s = new long[Fp2.SCRATCH];
        Fp2.setOne(prefix, 0);
        for (int i = 0; i < n; i++) {
            if (ps[i].isInfinity()) System.arraycopy(prefix, 8 * i, prefix, 8 * (i + 1), 8);
            else Fp2.mul(prefix, 8 * (i + 1), prefix, 8 * i, ps[i].c, 16, s, 0);
        }
        long[] inv = new long[8];
        Fp2.inverse(inv, 0, prefix, 8 * n, s, 0);
        long[] t = new long[40];
        for (int i = n - 1; i >= 0; i--) {
            if (ps[i].isInfinity()) {
                out[i] = G2Affine.INFINITY;
                continue;
            }
            Fp2.mul(t, 0, inv, 0, prefix, 8 * i, s, 0);
            Fp2.mul(inv, 0, inv, 0, ps[i].c, 16, s, 0);
            out[i] = affineWithZInverse(ps[i].c, 0, t);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof G2Jacobian)) return false;
        G2Jacobian p = (G2Jacobian) o;
        if (isInfinity() || p.isInfinity()) return isInfinity() == p.isInfinity();
        long[] t = new long[48];
        Fp2.square(t, 0, c, 16, t, 32);
        Fp2.square(t, 8, p.c, 16, t, 32);
        Fp2.mul(t, 16, c, 0, t, 8, t, 32);
        Fp2.mul(t, 24, p.c, 0, t, 0, t, 32);
        if (!Fp2.equal(t, 16, t, 24)) return false;
        Fp2.mul(t, 0, t, 0, c, 16, t, 32);
        Fp2.mul(t, 8, t, 8, p.c, 16, t, 32);
        Fp2.mul(t, 16, c, 8, t, 8, t, 32);
        Fp2.mul(t, 24, p.c, 8, t, 0, t, 32);
        return Fp2.equal(t, 16, t, 24);
    }

    @Override
    public int hashCode() {
        return toAffine().hashCode();
    }

    @Override
    public String toString() {
        return toAffine().toString();
    }

    // ------------------------------------------------------------------ buffer formulas
    // Point = 24 longs (X, Y, Z as Fp2 buffer elements), Z = 0 is infinity. Outputs may alias
    // inputs. Affine input = 16 longs (x, y), all zero is infinity. Scratch t needs SCRATCH longs.

    private static final int A = 0, B = 8, C = 16, D = 24, E = 32, F = 40, G = 48, H = 56, I = 64, J = 72,
            S = 80;

    /** r = 2p (dbl-2009-l, a = 0). */
    public static void dbl(long[] r, int ro, long[] p, int po, long[] t) {
        if (Fp2.isZero(p, po + 16)) {
            if (r != p || ro != po) System.arraycopy(p, po, r, ro, LONGS);
            return;
        }
        Fp2.square(t, A, p, po, t, S);
        Fp2.square(t, B, p, po + 8, t, S);
        Fp2.square(t, C, t, B, t, S);
        Fp2.add(t, D, p, po, t, B);
        Fp2.square(t, D, t, D, t, S);
        Fp2.sub(t, D, t, D, t, A);
        Fp2.sub(t, D, t, D, t, C);
        Fp2.dbl(t, D, t, D);
        Fp2.dbl(t, E, t, A);
        Fp2.add(t, E, t, E, t, A);
        Fp2.square(t, F, t, E, t, S);
        Fp2.mul(t, G, p, po + 8, p, po + 16, t, S);
        Fp2.dbl(r, ro + 16, t, G);
        Fp2.sub(t, H, t, F, t, D);
        Fp2.sub(r, ro, t, H, t, D);
        Fp2.sub(t, H, t, D, r, ro);
        Fp2.mul(t, H, t, E, t, H, t, S);
        Fp2.dbl(t, C, t, C);
        Fp2.dbl(t, C, t, C);
        Fp2.dbl(t, C, t, C);
        Fp2.sub(r, ro + 8, t, H, t, C);
    }

    /** r = p + q with q affine (madd-2007-bl); handles infinity and doubling. */
    public static void addMixed(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t) {
        if (Fp2.isZero(q, qo) && Fp2.isZero(q, qo + 8)) {
            if (r != p || ro != po) System.arraycopy(p, po, r, ro, LONGS);
            return;
        }
        if (Fp2.isZero(p, po + 16)) {
            System.arraycopy(q, qo, r, ro, 16);
            Fp2.setOne(r, ro + 16);
            return;
        }
        Fp2.square(t, A, p, po + 16, t, S);
        Fp2.mul(t, B, q, qo, t, A, t, S);
        Fp2.mul(t, C, q, qo + 8, p, po + 16, t, S);
        Fp2.mul(t, C, t, C, t, A, t, S);
        Fp2.sub(t, D, t, B, p, po);
        Fp2.sub(t, E, t, C, p, po + 8);
        Fp2.dbl(t, E, t, E);
        if (Fp2.isZero(t, D)) {
            if (Fp2.isZero(t, E)) dbl(r, ro, p, po, t);
            else setInfinity(r, ro);
            return;
        }
        Fp2.square(t, F, t, D, t, S);
        Fp2.dbl(t, G, t, F);
        Fp2.dbl(t, G, t, G);
        Fp2.mul(t, H, t, D, t, G, t, S);
        Fp2.mul(t, I, p, po, t, G, t, S);
        Fp2.add(t, J, p, po + 16, t, D);
        Fp2.square(t, J, t, J, t, S);
        Fp2.sub(t, J, t, J, t, A);
        Fp2.sub(t, J, t, J, t, F);
        Fp2.mul(t, B, p, po + 8, t, H, t, S);
        Fp2.dbl(t, B, t, B);
        Fp2.square(t, C, t, E, t, S);
        Fp2.sub(t, C, t, C, t, H);
        Fp2.sub(t, C, t, C, t, I);
        Fp2.sub(r, ro, t, C, t, I);
        Fp2.sub(t, I, t, I, r, ro);
        Fp2.mul(t, I, t, E, t, I, t, S);
        Fp2.sub(r, ro + 8, t, I, t, B);
        System.arraycopy(t, J, r, ro + 16, 8);
    }

    /** r = p + q (add-2007-bl); handles infinity and doubling. */
    public static void add(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t) {
        if (Fp2.isZero(q, qo + 16)) {
            if (r != p || ro != po) System.arraycopy(p, po, r, ro, LONGS);
            return;
        }
        if (Fp2.isZero(p, po + 16)) {
            System.arraycopy(q, qo, r, ro, LONGS);
            return;
        }
        Fp2.square(t, A, p, po + 16, t, S);
        Fp2.square(t, B, q, qo + 16, t, S);
        Fp2.mul(t, C, p, po, t, B, t, S);
        Fp2.mul(t, D, q, qo, t, A, t, S);
        Fp2.mul(t, E, p, po + 8, q, qo + 16, t, S);
        Fp2.mul(t, E, t, E, t, B, t, S);
        Fp2.mul(t, F, q, qo + 8, p, po + 16, t, S);
        Fp2.mul(t, F, t, F, t, A, t, S);
        Fp2.sub(t, D, t, D, t, C);
        Fp2.sub(t, F, t, F, t, E);
        Fp2.dbl(t, F, t, F);
        if (Fp2.isZero(t, D)) {
            if (Fp2.isZero(t, F)) dbl(r, ro, p, po, t);
            else setInfinity(r, ro);
            return;
        }
        Fp2.add(t, G, p, po + 16, q, qo + 16);
        Fp2.square(t, G, t, G, t, S);
        Fp2.sub(t, G, t, G, t, A);
        Fp2.sub(t, G, t, G, t, B);
        Fp2.mul(t, G, t, G, t, D, t, S);
        Fp2.dbl(t, H, t, D);
        Fp2.square(t, H, t, H, t, S);
        Fp2.mul(t, I, t, D, t, H, t, S);
        Fp2.mul(t, J, t, C, t, H, t, S);
        Fp2.square(t, A, t, F, t, S);
        Fp2.sub(t, A, t, A, t, I);
        Fp2.sub(t, A, t, A, t, J);
        Fp2.sub(r, ro, t, A, t, J);
        Fp2.sub(t, J, t, J, r, ro);
        Fp2.mul(t, J, t, F, t, J, t, S);
        Fp2.mul(t, E, t, E, t, I, t, S);
        Fp2.dbl(t, E, t, E);
        Fp2.sub(r, ro + 8, t, J, t, E);
        System.arraycopy(t, G, r, ro + 16, 8);
    }

    private static void setInfinity(long[] r, int ro) {
        Fp2.setOne(r, ro);
        Fp2.setOne(r, ro + 8);
        Fp2.setZero(r, ro + 16);
    }

}
