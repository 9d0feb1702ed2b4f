package io.zkmargin.crypto.field;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * An element c0 + c1*w of Fp12 = Fp6[w]/(w^2 - v), the target group field of the pairing.
 *
 * <p>Immutable. The static buffer API works on 48 consecutive longs (two {@link Fp6} buffer
 * elements) with a caller-owned scratch array of {@link #SCRATCH} longs; outputs may alias inputs.
 * Methods named cyclotomic* are valid only for elements of the cyclotomic subgroup (norm 1 over
 * Fp6), which is where every pairing value lives after the easy part of the final exponentiation.
 */
public final class Fp12 {
    /** Longs per element in the buffer API. */
    public static final int LONGS = 48;
    /** Scratch longs needed by the buffer API. */
    public static final int SCRATCH = 256;

    public static final Fp12 ZERO = new Fp12(new long[LONGS]);
    public static final Fp12 ONE = of(Fp6.ONE, Fp6.ZERO);

    // Frobenius: conj^k(c) * xi^(j (p^k - 1)/6) for the coefficient of w^j, k = 1, 2, 3.
    // Layout per k: six Fp2 constants indexed by j = 0..5.
    private static final long[][] FROB = frobeniusCoefficients();

    private final long[] e;

    private Fp12(long[] e) {
        this.e = e;
    }

    public static Fp12 of(Fp6 c0, Fp6 c1) {
        long[] e = new long[LONGS];
        Objects.requireNonNull(c0, "c0").write(e, 0);
        Objects.requireNonNull(c1, "c1").write(e, 24);
        return new Fp12(e);
    }

    /** Reads an element from the buffer layout; rejects unreduced limbs. */
    public static Fp12 read(long[] src, int off) {
        return of(Fp6.read(src, off), Fp6.read(src, off + 24));
    }

    public void write(long[] dst, int off) {
        System.arraycopy(e, 0, dst, off, LONGS);
    }

    public static Fp12 random(Random rnd) {
        return of(Fp6.random(rnd), Fp6.random(rnd));
    }

    public Fp6 c0() {
        return Fp6.read(e, 0);
    }

    public Fp6 c1() {
        return Fp6.read(e, 24);
    }

    // ------------------------------------------------------------------ arithmetic (values)

    public Fp12 add(Fp12 o) {
        long[] r = new long[LONGS];
        Fp6.add(r, 0, e, 0, o.e, 0);
        Fp6.add(r, 24, e, 24, o.e, 24);
        return new Fp12(r);
    }

    public Fp12 sub(Fp12 o) {
        long[] r = new long[LONGS];
        Fp6.sub(r, 0, e, 0, o.e, 0);
        Fp6.sub(r, 24, e, 24, o.e, 24);
        return new Fp12(r);
    }

    public Fp12 neg() {
        long[] r = new long[LONGS];
        Fp6.neg(r, 0, e, 0);
        Fp6.neg(r, 24, e, 24);
        return new Fp12(r);
    }

    public Fp12 mul(Fp12 o) {
        long[] r = new long[LONGS];
        mul(r, 0, e, 0, o.e, 0, new long[SCRATCH], 0);
        return new Fp12(r);
    }

    public Fp12 square() {
        long[] r = new long[LONGS];
        square(r, 0, e, 0, new long[SCRATCH], 0);
        return new Fp12(r);
    }

    /** Squaring for cyclotomic-subgroup elements only (Granger-Scott); undefined elsewhere. */
    public Fp12 cyclotomicSquare() {
        long[] r = new long[LONGS];
        cyclotomicSquare(r, 0, e, 0, new long[SCRATCH], 0);
        return new Fp12(r);
    }

    /** c0 - c1*w: the p^6-power Frobenius, and the inverse on the cyclotomic subgroup. */
    public Fp12 conjugate() {
        long[] r = new long[LONGS];
        conjugate(r, 0, e, 0);
        return new Fp12(r);
    }

    /** Multiplicative inverse; zero throws {@link ArithmeticException}. */
    public Fp12 inverse() {
        long[] r = new long[LONGS];
        inverse(r, 0, e, 0, new long[SCRATCH], 0);
        return new Fp12(r);
    }

    /** The p^k-power Frobenius map, k >= 0. */
    public Fp12 frobenius(int k) {
        if (k < 0) throw new IllegalArgumentException("negative Frobenius power");
        long[] r = e.clone();
        long[] t = new long[SCRATCH];
        int n = k % 12;
        while (n >= 3) {
            frobenius(r, 0, r, 0, 3, t, 0);
            n -= 3;
        }
        if (n > 0) frobenius(r, 0, r, 0, n, t, 0);
        return new Fp12(r);
    }

    /** this^exp for any integer exponent (a negative one inverts). */
    public Fp12 pow(BigInteger exp) {
        Fp12 base = exp.signum() < 0 ? inverse() : this;
        BigInteger k = exp.abs();
        long[] acc = ONE.e.clone();
        long[] t = new long[SCRATCH];
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            square(acc, 0, acc, 0, t, 0);
            if (k.testBit(i)) mul(acc, 0, acc, 0, base.e, 0, t, 0);
        }
        return new Fp12(acc);
    }

    public boolean isZero() {
        for (long l : e) if (l != 0) return false;
        return true;
    }

    public boolean isOne() {
        return equals(ONE);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Fp12 && Arrays.equals(e, ((Fp12) o).e));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(e);
    }

    @Override
    public String toString() {
        return "(" + c0() + ") + (" + c1() + ")*w";
    }

    // ------------------------------------------------------------------ buffer API (hot loops)

    public static boolean isOne(long[] a, int ao) {
        for (int i = 0; i < LONGS; i++) {
            if (a[ao + i] != ONE.e[i]) return false;
        }
        return true;
    }

    public static void setOne(long[] r, int ro) {
        System.arraycopy(ONE.e, 0, r, ro, LONGS);
    }

    public static void copy(long[] r, int ro, long[] a, int ao) {
        System.arraycopy(a, ao, r, ro, LONGS);
    }

    public static void conjugate(long[] r, int ro, long[] a, int ao) {
        if (r != a || ro != ao) System.arraycopy(a, ao, r, ro, 24);
        Fp6.neg(r, ro + 24, a, ao + 24);
    }

    /** r = a * b (Karatsuba over Fp6). Scratch t[to..to+175]. */
    public static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo, long[] t, int to) {
        final int v0 = to, v1 = to + 24, s = to + 48, u = to + 72, x = to + 96;
        Fp6.mul(t, v0, a, ao, b, bo, t, x);
        Fp6.mul(t, v1, a, ao + 24, b, bo + 24, t, x);
        Fp6.add(t, s, a, ao, a, ao + 24);
        Fp6.add(t, u, b, bo, b, bo + 24);
        Fp6.mul(t, s, t, s, t, u, t, x);
        Fp6.sub(t, s, t, s, t, v0);
        Fp6.sub(r, ro + 24, t, s, t, v1);          // c1 = (a0+a1)(b0+b1) - v0 - v1
        Fp6.mulByNonResidue(t, v1, t, v1, t, x);
        Fp6.add(r, ro, t, v0, t, v1);              // c0 = v0 + v v1
    }

    /** r = a^2 (complex squaring: two Fp6 multiplications). Scratch t[to..to+175]. */
    public static void square(long[] r, int ro, long[] a, int ao, long[] t, int to) {
        final int m = to, s = to + 24, u = to + 48, x = to + 96;
        Fp6.mul(t, m, a, ao, a, ao + 24, t, x);            // m = a0 a1
        Fp6.add(t, s, a, ao, a, ao + 24);                  // a0 + a1
        Fp6.mulByNonResidue(t, u, a, ao + 24, t, x);
        Fp6.add(t, u, t, u, a, ao);                        // a0 + v a1
        Fp6.mul(t, s, t, s, t, u, t, x);
        Fp6.sub(t, s, t, s, t, m);
        Fp6.mulByNonResidue(t, u, t, m, t, x);
        Fp6.sub(r, ro, t, s, t, u);                        // c0 = (a0+a1)(a0+v a1) - m - v m
        Fp6.dbl(r, ro + 24, t, m);                         // c1 = 2m
    }

    /**
     * r = a * (c0 + (c3 + c4 v) w): multiplication by a sparse line value (coefficients of 1, w and
     * v w, each in Fp2, at l[c0o], l[c3o], l[c4o]). Thirteen Fp2 multiplications. Scratch 176.
     */
    public static void mulBy034(long[] r, int ro, long[] a, int ao, long[] l, int c0o, int c3o, int c4o,
                                long[] t, int to) {
        final int pa = to, pb = to + 24, e = to + 48, d = to + 72, x = to + 96;
        Fp6.mulByFp2(t, pa, a, ao, l, c0o, t, x);                // A = a0 * c0
        Fp6.mulBy01(t, pb, a, ao + 24, l, c3o, c4o, t, x);       // B = a1 * (c3 + c4 v)
        Fp2.add(t, d, l, c0o, l, c3o);                           // d0 = c0 + c3, d1 = c4
        Fp2.copy(t, d + 8, l, c4o);
        Fp6.add(t, e, a, ao, a, ao + 24);
        Fp6.mulBy01(t, e, t, e, t, d, d + 8, t, x);              // (a0 + a1)(c0 + c3 + c4 v)
        Fp6.sub(t, e, t, e, t, pa);
        Fp6.sub(r, ro + 24, t, e, t, pb);                        // c1 = E - A - B
        Fp6.mulByNonResidue(t, pb, t, pb, t, x);
        Fp6.add(r, ro, t, pb, t, pa);                            // c0 = v B + A
    }

    /** r = 1/a; throws ArithmeticException for zero. Scratch t[to..to+255]. */
    public static void inverse(long[] r, int ro, long[] a, int ao, long[] t, int to) {
        final int s = to, u = to + 24, x = to + 48;
        Fp6.square(t, s, a, ao, t, x);
        Fp6.square(t, u, a, ao + 24, t, x);
        Fp6.mulByNonResidue(t, u, t, u, t, x);
        Fp6.sub(t, s, t, s, t, u);                               // a0^2 - v a1^2
        if (Fp6.isZeroBuf(t, s)) throw new ArithmeticException("zero has no inverse in Fp12");
        Fp6.inverse(t, s, t, s, t, x);
        Fp6.mul(r, ro, a, ao, t, s, t, x);
        Fp6.mul(t, u, a, ao + 24, t, s, t, x);
        Fp6.neg(r, ro + 24, t, u);
    }

    /** r = a^(p^k) for k in {1, 2, 3}. Scratch 16. */
    public static void frobenius(long[] r, int ro, long[] a, int ao, int k, long[] t, int to) {
        long[] c = FROB[k - 1];
        boolean odd = (k & 1) == 1;
        // coefficient of w^j sits at: j=0 c0.c0, 2 c0.c1, 4 c0.c2, 1 c1.c0, 3 c1.c1, 5 c1.c2
        for (int i = 0; i < 6; i++) {
            int off = ro + 8 * i, src = ao + 8 * i;
            int j = i < 3 ? 2 * i : 2 * (i - 3) + 1;
            if (odd) Fp2.conjugate(r, off, a, src);
            else Fp2.copy(r, off, a, src);
            if (j > 0) Fp2.mul(r, off, r, off, c, 8 * j, t, to);
        }
    }

    /**
     * r = a^2 for a in the cyclotomic subgroup (Granger-Scott: three Fp4 squarings). Scratch t[to..to+87].
     */
    public static void cyclotomicSquare(long[] r, int ro, long[] a, int ao, long[] t, int to) {
        // Fp4 pairs (g0, g1) = (c0.c0, c1.c1), (c1.c0, c0.c2), (c0.c1, c1.c2)
        final int r0 = ao, r4 = ao + 8, r3 = ao + 16, r2 = ao + 24, r1 = ao + 32, r5 = ao + 40;
        final int t0 = to, t1 = to + 8, t2 = to + 16, t3 = to + 24, t4 = to + 32, t5 = to + 40, m = to + 48,
                n = to + 56, x = to + 64;
        fp4Square(t, t0, t1, a, r0, r1, m, n, x);
        fp4Square(t, t2, t3, a, r2, r3, m, n, x);
        fp4Square(t, t4, t5, a, r4, r5, m, n, x);
        final int z0 = ro, z4 = ro + 8, z3 = ro + 16, z2 = ro + 24, z1 = ro + 32, z5 = ro + 40;
        // z0 = 3 t0 - 2 r0, z1 = 3 t1 + 2 r1
        threeMinusTwo(r, z0, t, t0, a, r0);
        threePlusTwo(r, z1, t, t1, a, r1);
        // z2 = 3 xi t5 + 2 r2, z3 = 3 t4 - 2 r3
        Fp2.mulByNonResidue(t, t5, t, t5, t, x);
        threePlusTwo(r, z2, t, t5, a, r2);
        threeMinusTwo(r, z3, t, t4, a, r3);
        // z4 = 3 t2 - 2 r4, z5 = 3 t3 + 2 r5
        threeMinusTwo(r, z4, t, t2, a, r4);
        threePlusTwo(r, z5, t, t3, a, r5);
    }

    /** (lo + hi*y)^2 in Fp4 = Fp2[y]/(y^2 - xi): lo' = lo^2 + xi hi^2, hi' = 2 lo hi. */
    private static void fp4Square(long[] t, int outLo, int outHi, long[] a, int lo, int hi, int m, int n, int x) {
        Fp2.square(t, m, a, lo, t, x);
        Fp2.square(t, n, a, hi, t, x);
        Fp2.mulByNonResidue(t, outLo, t, n, t, x);
        Fp2.add(t, outLo, t, outLo, t, m);
        Fp2.add(t, outHi, a, lo, a, hi);
        Fp2.square(t, outHi, t, outHi, t, x);
        Fp2.sub(t, outHi, t, outHi, t, m);
        Fp2.sub(t, outHi, t, outHi, t, n);
    }

    private static void threeMinusTwo(long[] r, int ro, long[] t, int to, long[] a, int ao) {
        Fp2.sub(r, ro, t, to, a, ao);
        Fp2.dbl(r, ro, r, ro);
        Fp2.add(r, ro, r, ro, t, to);
    }

    private static void threePlusTwo(long[] r, int ro, long[] t, int to, long[] a, int ao) {
        Fp2.add(r, ro, t, to, a, ao);
        Fp2.dbl(r, ro, r, ro);
        Fp2.add(r, ro, r, ro, t, to);
    }

    private static long[][] frobeniusCoefficients() {
        long[][] out = new long[3][6 * 8];
        BigInteger p = Fp.MODULUS;
        for (int k = 1; k <= 3; k++) {
            Fp2 g = Fp2.NON_RESIDUE.pow(p.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6)));
            Fp2 acc = Fp2.ONE;
            for (int j = 0; j < 6; j++) {
                acc.write(out[k - 1], 8 * j);
                acc = acc.mul(g);
            }
        }
        return out;
    }
}
