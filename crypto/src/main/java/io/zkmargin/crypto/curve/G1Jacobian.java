package io.zkmargin.crypto.curve;

import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;

/**
 * A G1 point in Jacobian coordinates (X, Y, Z) standing for (X/Z^2, Y/Z^3); Z = 0 is infinity.
 *
 * <p>Immutable; internally 12 Montgomery limbs so the formulas run on the allocation-free
 * {@link Fp} buffer API. {@link #equals} compares the points, not the representations.
 */
public final class G1Jacobian {
    /** Longs per point in the buffer layout: X, Y, Z. */
    public static final int LONGS = 12;
    /** Scratch longs needed by the buffer formulas. */
    public static final int SCRATCH = 40;

    public static final G1Jacobian INFINITY = new G1Jacobian(infinityLimbs());

    private final long[] c;

    private G1Jacobian(long[] c) {
        this.c = c;
    }

    private static long[] infinityLimbs() {
        long[] c = new long[LONGS];
        Fp.ONE.writeMont(c, 0);
        Fp.ONE.writeMont(c, 4);
        return c;
    }

    static G1Jacobian fromAffine(Fp x, Fp y) {
        long[] c = new long[LONGS];
        x.writeMont(c, 0);
        y.writeMont(c, 4);
        Fp.ONE.writeMont(c, 8);
        return new G1Jacobian(c);
    }

    /** Copies the 12 buffer longs (X, Y, Z) to dst[off..]. */
    public void write(long[] dst, int off) {
        System.arraycopy(c, 0, dst, off, LONGS);
    }

    public boolean isInfinity() {
        return Fp.isZero(c, 8);
    }

    public G1Jacobian add(G1Jacobian o) {
        long[] r = new long[LONGS];
        add(r, 0, c, 0, o.c, 0, new long[SCRATCH]);
        return new G1Jacobian(r);
    }

    public G1Jacobian addMixed(G1Affine o) {
        if (o.isInfinity()) return this;
        long[] q = new long[8];
        o.writePacked(q, 0);
        long[] r = new long[LONGS];
        addMixed(r, 0, c, 0, q, 0, new long[SCRATCH]);
        return new G1Jacobian(r);
    }

    public G1Jacobian dbl() {
        long[] r = new long[LONGS];
        dbl(r, 0, c, 0, new long[SCRATCH]);
        return new G1Jacobian(r);
    }

    public G1Jacobian neg() {
        long[] r = c.clone();
        Fp.neg(r, 4, r, 4);
        return new G1Jacobian(r);
    }

    /** [k]P for any integer k, reduced mod r (G1 has prime order r). */
    public G1Jacobian mul(BigInteger k) {
        BigInteger e = k.mod(Fr.MODULUS);
        if (e.signum() == 0 || isInfinity()) return INFINITY;
        long[] acc = new long[LONGS];
        mulWnaf(acc, c, e, new long[SCRATCH]);
        return new G1Jacobian(acc);
    }

    /** Width of the signed window: odd multiples P, 3P, ..., 15P are precomputed. */
    static final int WINDOW = 5;

    /** Signed width-w NAF digits of e > 0, least significant first. */
    static int[] wnaf(BigInteger e, int w) {
        int[] d = new int[e.bitLength() + 1];
        BigInteger n = e;
        int full = 1 << w, half = 1 << (w - 1);
        int i = 0;
        while (n.signum() > 0) {
            if (n.testBit(0)) {
                int z = n.intValue() & (full - 1);
                if (z >= half) z -= full;
                d[i] = z;
                n = n.subtract(BigInteger.valueOf(z));
            }
            n = n.shiftRight(1);
            i++;
        }
        return java.util.Arrays.copyOf(d, i);
    }

    private static void mulWnaf(long[] acc, long[] p, BigInteger e, long[] t) {
        int[] d = wnaf(e, WINDOW);
        int count = 1 << (WINDOW - 2);
        long[] table = new long[count * LONGS];          // P, 3P, 5P, ...
        long[] twoP = new long[LONGS];
        System.arraycopy(p, 0, table, 0, LONGS);
        dbl(twoP, 0, p, 0, t);
        for (int i = 1; i < count; i++) add(table, i * LONGS, table, (i - 1) * LONGS, twoP, 0, t);
        long[] neg = new long[LONGS];
        setInfinity(acc, 0);
        for (int i = d.length - 1; i >= 0; i--) {
            dbl(acc, 0, acc, 0, t);
            int z = d[i];
            if (z > 0) {
                add(acc, 0, acc, 0, table, (z >> 1) * LONGS, t);
            } else if (z < 0) {
                System.arraycopy(table, (-z >> 1) * LONGS, neg, 0, LONGS);
                Fp.neg(neg, 4, neg, 4);
                add(acc, 0, acc, 0, neg, 0, t);
            }
        }
    }

    public G1Jacobian mul(Fr k) {
        return mul(k.toBigInteger());
    }

    public G1Affine toAffine() {
        if (isInfinity()) return G1Affine.INFINITY;
        long[] t = new long[12];
        Fp.inverse(t, 0, c, 8);
        return affineWithZInverse(c, 0, t);
    }

    /** Affine point from Jacobian limbs p[po..] given 1/Z at zi[0..3]; uses zi[4..11] as scratch. */
    private static G1Affine affineWithZInverse(long[] p, int po, long[] zi) {
        Fp.square(zi, 4, zi, 0);
        Fp.mul(zi, 8, zi, 4, zi, 0);
        Fp.mul(zi, 4, p, po, zi, 4);
        Fp.mul(zi, 8, p, po + 4, zi, 8);
        return G1Affine.ofTrusted(Fp.readMont(zi, 4), Fp.readMont(zi, 8));
    }

    /** Converts all points with a single field inversion (Montgomery's trick). */
    public static G1Affine[] batchToAffine(G1Jacobian[] ps) {
        int n = ps.length;
        G1Affine[] out = new G1Affine[n];
        long[] prefix = new long[4 * (n + 1)];
        Fp.ONE.writeMont(prefix, 0);
        for (int i = 0; i < n; i++) {
            if (ps[i].isInfinity()) System.arraycopy(prefix, 4 * i, prefix, 4 * (i + 1), 4);
            else Fp.mul(prefix, 4 * (i + 1), prefix, 4 * i, ps[i].c, 8);
        }
        long[] inv = new long[4];
        Fp.inverse(inv, 0, prefix, 4 * n);
        long[] t = new long[12];
        for (int i = n - 1; i >= 0; i--) {
            if (ps[i].isInfinity()) {
                out[i] = G1Affine.INFINITY;
                continue;
            }
            Fp.mul(t, 0, inv, 0, prefix, 4 * i);   // 1/Z_i
            Fp.mul(inv, 0, inv, 0, ps[i].c, 8);    // drop Z_i from the running inverse
            out[i] = affineWithZInverse(ps[i].c, 0, t);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof G1Jacobian)) return false;
        G1Jacobian p = (G1Jacobian) o;
        if (isInfinity() || p.isInfinity()) return isInfinity() == p.isInfinity();
        long[] t = new long[24];
        Fp.square(t, 0, c, 8);            // Z1^2
        Fp.square(t, 4, p.c, 8);          // Z2^2
        Fp.mul(t, 8, c, 0, t, 4);         // X1 Z2^2
        Fp.mul(t, 12, p.c, 0, t, 0);      // X2 Z1^2
        if (!Fp.equal(t, 8, t, 12)) return false;
        Fp.mul(t, 0, t, 0, c, 8);         // Z1^3
        Fp.mul(t, 4, t, 4, p.c, 8);       // Z2^3
        Fp.mul(t, 8, c, 4, t, 4);
        Fp.mul(t, 12, p.c, 4, t, 0);
        return Fp.equal(t, 8, t, 12);
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
    // Point = 12 longs (X, Y, Z Montgomery limbs), Z = 0 is infinity. Outputs may alias inputs.
    // Affine input = 8 longs (x, y), all zero is infinity. Scratch t needs SCRATCH longs.

    private static final int A = 0, B = 4, C = 8, D = 12, E = 16, F = 20, G = 24, H = 28, I = 32, J = 36;

    /** r = 2p (dbl-2009-l, a = 0). */
    public static void dbl(long[] r, int ro, long[] p, int po, long[] t) {
        if (Fp.isZero(p, po + 8)) {
            System.arraycopy(p, po, r, ro, LONGS);
            return;
        }
        Fp.square(t, A, p, po);                 // A = X^2
        Fp.square(t, B, p, po + 4);             // B = Y^2
        Fp.square(t, C, t, B);                  // C = B^2
        Fp.add(t, D, p, po, t, B);
        Fp.square(t, D, t, D);
        Fp.sub(t, D, t, D, t, A);
        Fp.sub(t, D, t, D, t, C);
        Fp.add(t, D, t, D, t, D);               // D = 2((X+B)^2 - A - C)
        Fp.add(t, E, t, A, t, A);
        Fp.add(t, E, t, E, t, A);               // E = 3A
        Fp.square(t, F, t, E);                  // F = E^2
        Fp.mul(t, G, p, po + 4, p, po + 8);     // Y Z (before r overwrites p)
        Fp.add(r, ro + 8, t, G, t, G);          // Z3 = 2 Y Z
        Fp.sub(t, H, t, F, t, D);
        Fp.sub(r, ro, t, H, t, D);              // X3 = F - 2D
        Fp.sub(t, H, t, D, r, ro);
        Fp.mul(t, H, t, E, t, H);
        Fp.add(t, C, t, C, t, C);
        Fp.add(t, C, t, C, t, C);
        Fp.add(t, C, t, C, t, C);               // 8C
        Fp.sub(r, ro + 4, t, H, t, C);          // Y3 = E (D - X3) - 8C
    }

    /** r = p + q with q affine (madd-2007-bl); handles infinity and doubling. */
    public static void addMixed(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t) {
        boolean qInf = Fp.isZero(q, qo) && Fp.isZero(q, qo + 4);
        if (qInf) {
            if (r != p || ro != po) System.arraycopy(p, po, r, ro, LONGS);
            return;
        }
        if (Fp.isZero(p, po + 8)) {
            System.arraycopy(q, qo, r, ro, 8);
            Fp.ONE.writeMont(r, ro + 8);
            return;
        }
        Fp.square(t, A, p, po + 8);             // Z1Z1
        Fp.mul(t, B, q, qo, t, A);              // U2 = X2 Z1Z1
        Fp.mul(t, C, q, qo + 4, p, po + 8);
        Fp.mul(t, C, t, C, t, A);               // S2 = Y2 Z1 Z1Z1
        Fp.sub(t, D, t, B, p, po);              // H = U2 - X1
        Fp.sub(t, E, t, C, p, po + 4);
        Fp.add(t, E, t, E, t, E);               // rr = 2 (S2 - Y1)
        if (Fp.isZero(t, D)) {
            if (Fp.isZero(t, E)) {
                dbl(r, ro, p, po, t);
            } else {
                setInfinity(r, ro);
            }
            return;
        }
        Fp.square(t, F, t, D);                  // HH
        Fp.add(t, G, t, F, t, F);
        Fp.add(t, G, t, G, t, G);               // I = 4 HH
        Fp.mul(t, H, t, D, t, G);               // J = H I
        Fp.mul(t, I, p, po, t, G);              // V = X1 I
        Fp.add(t, J, p, po + 8, t, D);
        Fp.square(t, J, t, J);
        Fp.sub(t, J, t, J, t, A);
        Fp.sub(t, J, t, J, t, F);               // Z3 = (Z1 + H)^2 - Z1Z1 - HH
        Fp.mul(t, B, p, po + 4, t, H);
        Fp.add(t, B, t, B, t, B);               // 2 Y1 J
        Fp.square(t, C, t, E);
        Fp.sub(t, C, t, C, t, H);
        Fp.sub(t, C, t, C, t, I);
        Fp.sub(r, ro, t, C, t, I);              // X3 = rr^2 - J - 2V
        Fp.sub(t, I, t, I, r, ro);
        Fp.mul(t, I, t, E, t, I);
        Fp.sub(r, ro + 4, t, I, t, B);          // Y3 = rr (V - X3) - 2 Y1 J
        System.arraycopy(t, J, r, ro + 8, 4);
    }

    /** r = p + q (add-2007-bl); handles infinity and doubling. */
    public static void add(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t) {
        if (Fp.isZero(q, qo + 8)) {
            if (r != p || ro != po) System.arraycopy(p, po, r, ro, LONGS);
            return;
        }
        if (Fp.isZero(p, po + 8)) {
            System.arraycopy(q, qo, r, ro, LONGS);
            return;
        }
        Fp.square(t, A, p, po + 8);             // Z1Z1
        Fp.square(t, B, q, qo + 8);             // Z2Z2
        Fp.mul(t, C, p, po, t, B);              // U1 = X1 Z2Z2
        Fp.mul(t, D, q, qo, t, A);              // U2 = X2 Z1Z1
        Fp.mul(t, E, p, po + 4, q, qo + 8);
        Fp.mul(t, E, t, E, t, B);               // S1 = Y1 Z2 Z2Z2
        Fp.mul(t, F, q, qo + 4, p, po + 8);
        Fp.mul(t, F, t, F, t, A);               // S2 = Y2 Z1 Z1Z1
        Fp.sub(t, D, t, D, t, C);               // H = U2 - U1
        Fp.sub(t, F, t, F, t, E);
        Fp.add(t, F, t, F, t, F);               // rr = 2 (S2 - S1)
        if (Fp.isZero(t, D)) {
            if (Fp.isZero(t, F)) {
                dbl(r, ro, p, po, t);
            } else {
                setInfinity(r, ro);
            }
            return;
        }
        Fp.add(t, G, p, po + 8, q, qo + 8);
        Fp.square(t, G, t, G);
        Fp.sub(t, G, t, G, t, A);
        Fp.sub(t, G, t, G, t, B);
        Fp.mul(t, G, t, G, t, D);               // Z3 = ((Z1+Z2)^2 - Z1Z1 - Z2Z2) H
        Fp.add(t, H, t, D, t, D);
        Fp.square(t, H, t, H);                  // I = (2H)^2
        Fp.mul(t, I, t, D, t, H);               // J = H I
        Fp.mul(t, J, t, C, t, H);               // V = U1 I
        Fp.square(t, A, t, F);
        Fp.sub(t, A, t, A, t, I);
        Fp.sub(t, A, t, A, t, J);
        Fp.sub(r, ro, t, A, t, J);              // X3 = rr^2 - J - 2V
        Fp.sub(t, J, t, J, r, ro);
        Fp.mul(t, J, t, F, t, J);
        Fp.mul(t, E, t, E, t, I);
        Fp.add(t, E, t, E, t, E);
        Fp.sub(r, ro + 4, t, J, t, E);          // Y3 = rr (V - X3) - 2 S1 J
        System.arraycopy(t, G, r, ro + 8, 4);
    }

    private static void setInfinity(long[] r, int ro) {
        Fp.ONE.writeMont(r, ro);
        Fp.ONE.writeMont(r, ro + 4);
        for (int i = 8; i < 12; i++) r[ro + i] = 0;
    }
}
