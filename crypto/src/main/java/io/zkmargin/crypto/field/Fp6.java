package io.zkmargin.crypto.field;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * An element c0 + c1*v + c2*v^2 of Fp6 = Fp2[v]/(v^3 - xi), xi = 9 + u.
 *
 * <p>Immutable. The static buffer API works on 24 consecutive longs (three {@link Fp2} buffer
 * elements) with a caller-owned scratch array of {@link #SCRATCH} longs; outputs may alias inputs.
 */
public final class Fp6 {
    /** Longs per element in the buffer API. */
    public static final int LONGS = 24;
    /** Scratch longs needed by the buffer API. */
    public static final int SCRATCH = 80;

    public static final Fp6 ZERO = new Fp6(new long[LONGS]);
    public static final Fp6 ONE = of(Fp2.ONE, Fp2.ZERO, Fp2.ZERO);

    // Frobenius: conj(c_j) * xi^(j (p^k - 1)/3) for the coefficient of v^j, k = 1, 2, 3
    private static final long[][] FROB = frobeniusCoefficients();

    private final long[] e;

    private Fp6(long[] e) {
        this.e = e;
    }

    public static Fp6 of(Fp2 c0, Fp2 c1, Fp2 c2) {
        long[] e = new long[LONGS];
        Objects.requireNonNull(c0, "c0").write(e, 0);
        Objects.requireNonNull(c1, "c1").write(e, 8);
        Objects.requireNonNull(c2, "c2").write(e, 16);
        return new Fp6(e);
    }

    /** Reads an element from the buffer layout; rejects unreduced limbs. */
    public static Fp6 read(long[] src, int off) {
        return of(Fp2.read(src, off), Fp2.read(src, off + 8), Fp2.read(src, off + 16));
    }

    public void write(long[] dst, int off) {
        System.arraycopy(e, 0, dst, off, LONGS);
    }

    public static Fp6 random(Random rnd) {
        return of(Fp2.random(rnd), Fp2.random(rnd), Fp2.random(rnd));
    }

    public Fp2 c0() {
        return Fp2.read(e, 0);
    }

    public Fp2 c1() {
        return Fp2.read(e, 8);
    }

    public Fp2 c2() {
        return Fp2.read(e, 16);
    }

    // ------------------------------------------------------------------ arithmetic (values)

    public Fp6 add(Fp6 o) {
        long[] r = new long[LONGS];
        add(r, 0, e, 0, o.e, 0);
        return new Fp6(r);
    }

    public Fp6 sub(Fp6 o) {
        long[] r = new long[LONGS];
        sub(r, 0, e, 0, o.e, 0);
        return new Fp6(r);
    }

    public Fp6 neg() {
        long[] r = new long[LONGS];
        neg(r, 0, e, 0);
        return new Fp6(r);
    }

    public Fp6 mul(Fp6 o) {
        long[] r = new long[LONGS];
        mul(r, 0, e, 0, o.e, 0, new long[SCRATCH], 0);
        return new Fp6(r);
    }

    public Fp6 square() {
        return mul(this);
    }

    /** this * v. */
    public Fp6 mulByNonResidue() {
        long[] r = new long[LONGS];
        mulByNonResidue(r, 0, e, 0, new long[SCRATCH], 0);
        return new Fp6(r);
    }

    /** Multiplicative inverse; zero throws {@link ArithmeticException}. */
    public Fp6 inverse() {
        long[] r = new long[LONGS];
        inverse(r, 0, e, 0, new long[SCRATCH + 40], 0);
        return new Fp6(r);
    }

    /** The p^k-power Frobenius map, k >= 0. */
    public Fp6 frobenius(int k) {
        if (k < 0) throw new IllegalArgumentException("negative Frobenius power");
        long[] r = e.clone();
        long[] t = new long[Fp2.SCRATCH];
        for (int i = 0; i < k % 6; i++) frobenius(r, 0, r, 0, 1, t, 0);
        return new Fp6(r);
    }

    public Fp6 pow(BigInteger exp) {
        if (exp.signum() < 0) throw new IllegalArgumentException("negative exponent");
        Fp6 acc = ONE;
        for (int i = exp.bitLength() - 1; i >= 0; i--) {
            acc = acc.square();
            if (exp.testBit(i)) acc = acc.mul(this);
        }
        return acc;
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
        return this == o || (o instanceof Fp6 && Arrays.equals(e, ((Fp6) o).e));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(e);
    }

    @Override
    public String toString() {
        return "(" + c0() + ", " + c1() + ", " + c2() + ")";
    }

    // ------------------------------------------------------------------ buffer API (hot loops)

    public static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        Fp2.add(r, ro, a, ao, b, bo);
        Fp2.add(r, ro + 8, a, ao + 8, b, bo + 8);
        Fp2.add(r, ro + 16, a, ao + 16, b, bo + 16);
    }

    public static void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        Fp2.sub(r, ro, a, ao, b, bo);
        Fp2.sub(r, ro + 8, a, ao + 8, b, bo + 8);
        Fp2.sub(r, ro + 16, a, ao + 16, b, bo + 16);
    }

    public static void dbl(long[] r, int ro, long[] a, int ao) {
        Fp2.dbl(r, ro, a, ao);
        Fp2.dbl(r, ro + 8, a, ao + 8);
        Fp2.dbl(r, ro + 16, a, ao + 16);
    }

    public static void neg(long[] r, int ro, long[] a, int ao) {
        Fp2.neg(r, ro, a, ao);
        Fp2.neg(r, ro + 8, a, ao + 8);
        Fp2.neg(r, ro + 16, a, ao + 16);
    }

    public static boolean isZeroBuf(long[] a, int ao) {
        for (int i = 0; i < LONGS; i++) {
            if (a[ao + i] != 0) return false;
        }
        return true;
    }

    public static void setZero(long[] r, int ro) {
        Arrays.fill(r, ro, ro + LONGS, 0L);
    }

    public static void setOne(long[] r, int ro) {
        setZero(r, ro);
        Fp2.setOne(r, ro);
    }

    /** r = a * b (Karatsuba, six Fp2 multiplications). Scratch t[to..to+79]. */
    public static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo, long[] t, int to) {
        final int v0 = to, v1 = to + 8, v2 = to + 16, s = to + 24, u = to + 32, c0 = to + 40, c1 = to + 48,
                x = to + 64;
        Fp2.mul(t, v0, a, ao, b, bo, t, x);
        Fp2.mul(t, v1, a, ao + 8, b, bo + 8, t, x);
        Fp2.mul(t, v2, a, ao + 16, b, bo + 16, t, x);
        // c0 = v0 + xi ((a1 + a2)(b1 + b2) - v1 - v2)
        Fp2.add(t, s, a, ao + 8, a, ao + 16);
        Fp2.add(t, u, b, bo + 8, b, bo + 16);
        Fp2.mul(t, s, t, s, t, u, t, x);
        Fp2.sub(t, s, t, s, t, v1);
        Fp2.sub(t, s, t, s, t, v2);
        Fp2.mulByNonResidue(t, s, t, s, t, x);
        Fp2.add(t, c0, t, s, t, v0);
        // c1 = (a0 + a1)(b0 + b1) - v0 - v1 + xi v2
        Fp2.add(t, s, a, ao, a, ao + 8);
        Fp2.add(t, u, b, bo, b, bo + 8);
        Fp2.mul(t, s, t, s, t, u, t, x);
        Fp2.sub(t, s, t, s, t, v0);
        Fp2.sub(t, s, t, s, t, v1);
        Fp2.mulByNonResidue(t, u, t, v2, t, x);
        Fp2.add(t, c1, t, s, t, u);
        // c2 = (a0 + a2)(b0 + b2) - v0 - v2 + v1
        Fp2.add(t, s, a, ao, a, ao + 16);
        Fp2.add(t, u, b, bo, b, bo + 16);
        Fp2.mul(t, s, t, s, t, u, t, x);
        Fp2.sub(t, s, t, s, t, v0);
        Fp2.sub(t, s, t, s, t, v2);
        Fp2.add(r, ro + 16, t, s, t, v1);
        Fp2.copy(r, ro, t, c0);
        Fp2.copy(r, ro + 8, t, c1);
    }

    /** r = a^2 (CH-SQR2: two multiplications and three squarings in Fp2). Scratch t[to..to+79]. */
    public static void square(long[] r, int ro, long[] a, int ao, long[] t, int to) {
        final int s0 = to, s1 = to + 8, s2 = to + 16, s3 = to + 24, s4 = to + 32, x = to + 64;
        Fp2.square(t, s0, a, ao, t, x);                   // s0 = a0^2
        Fp2.mul(t, s1, a, ao, a, ao + 8, t, x);
        Fp2.dbl(t, s1, t, s1);                            // s1 = 2 a0 a1
        Fp2.sub(t, s2, a, ao, a, ao + 8);
        Fp2.add(t, s2, t, s2, a, ao + 16);
        Fp2.square(t, s2, t, s2, t, x);                   // s2 = (a0 - a1 + a2)^2
        Fp2.mul(t, s3, a, ao + 8, a, ao + 16, t, x);
        Fp2.dbl(t, s3, t, s3);                            // s3 = 2 a1 a2
        Fp2.square(t, s4, a, ao + 16, t, x);              // s4 = a2^2
        // c2 = s1 + s2 + s3 - s0 - s4 (reads done: a no longer needed)
        Fp2.add(r, ro + 16, t, s1, t, s2);
        Fp2.add(r, ro + 16, r, ro + 16, t, s3);
        Fp2.sub(r, ro + 16, r, ro + 16, t, s0);
        Fp2.sub(r, ro + 16, r, ro + 16, t, s4);
        // c0 = s0 + xi s3
        Fp2.mulByNonResidue(t, s3, t, s3, t, x);
        Fp2.add(r, ro, t, s0, t, s3);
        // c1 = s1 + xi s4
        Fp2.mulByNonResidue(t, s4, t, s4, t, x);
        Fp2.add(r, ro + 8, t, s1, t, s4);
    }

    /** r = a * (b0 + b1 v) with b0 at b[b0o], b1 at b[b1o] (five Fp2 multiplications). Scratch 80. */
    public static void mulBy01(long[] r, int ro, long[] a, int ao, long[] b, int b0o, int b1o, long[] t, int to) {
        final int v0 = to, v1 = to + 8, s = to + 16, u = to + 24, c0 = to + 32, c1 = to + 40, x = to + 64;
        Fp2.mul(t, v0, a, ao, b, b0o, t, x);
        Fp2.mul(t, v1, a, ao + 8, b, b1o, t, x);
        // c0 = xi ((a1 + a2) b1 - v1) + v0
        Fp2.add(t, s, a, ao + 8, a, ao + 16);
        Fp2.mul(t, s, t, s, b, b1o, t, x);
        Fp2.sub(t, s, t, s, t, v1);
        Fp2.mulByNonResidue(t, s, t, s, t, x);
        Fp2.add(t, c0, t, s, t, v0);
        // c1 = (a0 + a1)(b0 + b1) - v0 - v1
        Fp2.add(t, s, a, ao, a, ao + 8);
        Fp2.add(t, u, b, b0o, b, b1o);
        Fp2.mul(t, s, t, s, t, u, t, x);
        Fp2.sub(t, s, t, s, t, v0);
        Fp2.sub(t, c1, t, s, t, v1);
        // c2 = a2 b0 + v1
        Fp2.mul(t, s, a, ao + 16, b, b0o, t, x);
        Fp2.add(r, ro + 16, t, s, t, v1);
        Fp2.copy(r, ro, t, c0);
        Fp2.copy(r, ro + 8, t, c1);
    }

    /** r = a * c for c in Fp2 at c[co]. Scratch 16. */
    public static void mulByFp2(long[] r, int ro, long[] a, int ao, long[] c, int co, long[] t, int to) {
        Fp2.mul(r, ro, a, ao, c, co, t, to);
        Fp2.mul(r, ro + 8, a, ao + 8, c, co, t, to);
        Fp2.mul(r, ro + 16, a, ao + 16, c, co, t, to);
    }

    /** r = a * v = (xi a2, a0, a1). Scratch 16. */
    public static void mulByNonResidue(long[] r, int ro, long[] a, int ao, long[] t, int to) {
        Fp2.mulByNonResidue(t, to, a, ao + 16, t, to + 8);
        Fp2.copy(r, ro + 16, a, ao + 8);
        Fp2.copy(r, ro + 8, a, ao);
        Fp2.copy(r, ro, t, to);
    }

    /** r = 1/a; throws ArithmeticException for zero. Scratch t[to..to+119]. */
    public static void inverse(long[] r, int ro, long[] a, int ao, long[] t, int to) {
        final int t0 = to, t1 = to + 8, t2 = to + 16, s = to + 24, d = to + 32, x = to + 40;
        // t0 = a0^2 - xi a1 a2
        Fp2.mul(t, s, a, ao + 8, a, ao + 16, t, x);
        Fp2.mulByNonResidue(t, s, t, s, t, x);
        Fp2.square(t, t0, a, ao, t, x);
        Fp2.sub(t, t0, t, t0, t, s);
        // t1 = xi a2^2 - a0 a1
        Fp2.square(t, s, a, ao + 16, t, x);
        Fp2.mulByNonResidue(t, t1, t, s, t, x);
        Fp2.mul(t, s, a, ao, a, ao + 8, t, x);
        Fp2.sub(t, t1, t, t1, t, s);
        // t2 = a1^2 - a0 a2
        Fp2.square(t, t2, a, ao + 8, t, x);
        Fp2.mul(t, s, a, ao, a, ao + 16, t, x);
        Fp2.sub(t, t2, t, t2, t, s);
        // d = a0 t0 + xi (a2 t1 + a1 t2)
        Fp2.mul(t, d, a, ao + 16, t, t1, t, x);
        Fp2.mul(t, s, a, ao + 8, t, t2, t, x);
        Fp2.add(t, d, t, d, t, s);
        Fp2.mulByNonResidue(t, d, t, d, t, x);
        Fp2.mul(t, s, a, ao, t, t0, t, x);
        Fp2.add(t, d, t, d, t, s);
        if (Fp2.isZero(t, d)) throw new ArithmeticException("zero has no inverse in Fp6");
        Fp2.inverse(t, d, t, d, t, x);
        Fp2.mul(r, ro, t, t0, t, d, t, x);
        Fp2.mul(r, ro + 8, t, t1, t, d, t, x);
        Fp2.mul(r, ro + 16, t, t2, t, d, t, x);
    }

    /** r = a^(p^k) for k in {1, 2, 3}. Scratch 16. */
    public static void frobenius(long[] r, int ro, long[] a, int ao, int k, long[] t, int to) {
        long[] c = FROB[k - 1];
        boolean odd = (k & 1) == 1;
        for (int j = 0; j < 3; j++) {
            if (odd) Fp2.conjugate(r, ro + 8 * j, a, ao + 8 * j);
            else Fp2.copy(r, ro + 8 * j, a, ao + 8 * j);
            if (j > 0) Fp2.mul(r, ro + 8 * j, r, ro + 8 * j, c, 8 * j, t, to);
        }
    }

    private static long[][] frobeniusCoefficients() {
        long[][] out = new long[3][LONGS];
        BigInteger p = Fp.MODULUS;
        for (int k = 1; k <= 3; k++) {
            BigInteger e = p.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
            Fp2 g = Fp2.NON_RESIDUE.pow(e);
            Fp2 acc = Fp2.ONE;
            for (int j = 0; j < 3; j++) {
                acc.write(out[k - 1], 8 * j);
                acc = acc.mul(g);
            }
        }
        return out;
    }
}
