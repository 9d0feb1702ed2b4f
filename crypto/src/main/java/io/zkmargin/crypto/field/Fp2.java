package io.zkmargin.crypto.field;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * An element c0 + c1*u of Fp2 = Fp[u]/(u^2 + 1), the field of G2 coordinates.
 *
 * <p>Immutable. The static buffer API works on 8 consecutive longs (c0 then c1, each 4 Montgomery
 * limbs as in {@link Fp}); methods that need temporaries take a caller-owned scratch array so hot
 * loops (G2 arithmetic, the pairing) run without allocation. Outputs may alias inputs.
 */
public final class Fp2 {
    /** Longs per element in the buffer API. */
    public static final int LONGS = 8;
    /** Scratch longs needed by the buffer API methods that take a scratch array. */
    public static final int SCRATCH = 16;

    public static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
    public static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);
    /** xi = 9 + u, the non-residue defining Fp6 and the sextic twist. */
    public static final Fp2 NON_RESIDUE = new Fp2(Fp.of(9), Fp.ONE);

    private static final Fp HALF = Fp.of(2).inverse();

    private final Fp c0;
    private final Fp c1;

    private Fp2(Fp c0, Fp c1) {
        this.c0 = c0;
        this.c1 = c1;
    }

    /** The element c0 + c1*u. */
    public static Fp2 of(Fp c0, Fp c1) {
        return new Fp2(Objects.requireNonNull(c0, "c0"), Objects.requireNonNull(c1, "c1"));
    }

    /** The element c0 + c1*u from canonical integers in [0, p). */
    public static Fp2 of(BigInteger c0, BigInteger c1) {
        return new Fp2(Fp.of(c0), Fp.of(c1));
    }

    /** Reads an element from the buffer layout at src[off..off+7]; rejects unreduced limbs. */
    public static Fp2 read(long[] src, int off) {
        return new Fp2(Fp.readMont(src, off), Fp.readMont(src, off + 4));
    }

    /** Writes this element in the buffer layout to dst[off..off+7]. */
    public void write(long[] dst, int off) {
        c0.writeMont(dst, off);
        c1.writeMont(dst, off + 4);
    }

    /** Uniform random element (use SecureRandom for secrets). */
    public static Fp2 random(Random rnd) {
        return new Fp2(Fp.random(rnd), Fp.random(rnd));
    }

    public Fp c0() {
        return c0;
    }

    public Fp c1() {
        return c1;
    }

    // ------------------------------------------------------------------ arithmetic (values)

    public Fp2 add(Fp2 o) {
        return new Fp2(c0.add(o.c0), c1.add(o.c1));
    }

    public Fp2 sub(Fp2 o) {
        return new Fp2(c0.sub(o.c0), c1.sub(o.c1));
    }

    public Fp2 neg() {
        return new Fp2(c0.neg(), c1.neg());
    }

    public Fp2 dbl() {
        return new Fp2(c0.dbl(), c1.dbl());
    }

    /** Schoolbook product; u^2 = -1. */
    public Fp2 mul(Fp2 o) {
        return new Fp2(c0.mul(o.c0).sub(c1.mul(o.c1)), c0.mul(o.c1).add(c1.mul(o.c0)));
    }

    public Fp2 mul(Fp s) {
        return new Fp2(c0.mul(s), c1.mul(s));
    }

    public Fp2 square() {
        return new Fp2(c0.add(c1).mul(c0.sub(c1)), c0.mul(c1).dbl());
    }

    /** Multiplicative inverse; zero has none and throws {@link ArithmeticException}. */
    public Fp2 inverse() {
        if (isZero()) throw new ArithmeticException("zero has no inverse in Fp2");
        Fp t = norm().inverse();
        return new Fp2(c0.mul(t), c1.neg().mul(t));
    }

    /** c0 - c1*u (also the p-power Frobenius map). */
    public Fp2 conjugate() {
        return new Fp2(c0, c1.neg());
    }

    /** c0^2 + c1^2, the norm to Fp. */
    public Fp norm() {
        return c0.square().add(c1.square());
    }

    /** this * (9 + u). */
    public Fp2 mulByNonResidue() {
        Fp nine0 = c0.dbl().dbl().dbl().add(c0);
        Fp nine1 = c1.dbl().dbl().dbl().add(c1);
        return new Fp2(nine0.sub(c1), c0.add(nine1));
    }

    /** this^e for a non-negative exponent. */
    public Fp2 pow(BigInteger e) {
        if (e.signum() < 0) throw new IllegalArgumentException("negative exponent");
        Fp2 acc = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            acc = acc.square();
            if (e.testBit(i)) acc = acc.mul(this);
        }
        return acc;
    }

    /**
     * A square root (either one), or empty if this is not a square. Uses the norm method, valid
     * because -1 is a non-residue in Fp (p = 3 mod 4).
     */
    public Optional<Fp2> sqrt() {
        if (isZero()) return Optional.of(this);
        if (c1.isZero()) {
            Optional<Fp> r = c0.sqrt();
            if (r.isPresent()) return Optional.of(new Fp2(r.get(), Fp.ZERO));
            // c0 is a non-residue, so -c0 is a residue and sqrt(c0) = sqrt(-c0) * u
            return c0.neg().sqrt().map(s -> new Fp2(Fp.ZERO, s));
        }
        Optional<Fp> alpha = norm().sqrt();
        if (alpha.isEmpty()) return Optional.empty();
        Fp delta = c0.add(alpha.get()).mul(HALF);
        Optional<Fp> x0 = delta.sqrt();
        if (x0.isEmpty()) {
            delta = c0.sub(alpha.get()).mul(HALF);
            x0 = delta.sqrt();
            if (x0.isEmpty()) return Optional.empty();
        }
        Fp x1 = c1.mul(x0.get().dbl().inverse());
        Fp2 r = new Fp2(x0.get(), x1);
        return r.square().equals(this) ? Optional.of(r) : Optional.empty();
    }

    public boolean isZero() {
        return c0.isZero() && c1.isZero();
    }

    public boolean isOne() {
        return c0.isOne() && c1.isZero();
    }

    /** The gnark rule for the "larger" root: compare c1, or c0 when c1 is zero. */
    public boolean isLexicographicallyLargest() {
        return c1.isZero() ? c0.isLexicographicallyLargest() : c1.isLexicographicallyLargest();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Fp2)) return false;
        Fp2 f = (Fp2) o;
        return c0.equals(f.c0) && c1.equals(f.c1);
    }

    @Override
    public int hashCode() {
        return c0.hashCode() * 31 + c1.hashCode();
    }

    @Override
    public String toString() {
        return "(" + c0 + " + " + c1 + "*u)";
    }

    // ------------------------------------------------------------------ buffer API (hot loops)
    // Element = 8 longs: c0 (4 Montgomery limbs) then c1. Outputs may alias inputs.

    public static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        Fp.add(r, ro, a, ao, b, bo);
        Fp.add(r, ro + 4, a, ao + 4, b, bo + 4);
    }

    public static void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        Fp.sub(r, ro, a, ao, b, bo);
        Fp.sub(r, ro + 4, a, ao + 4, b, bo + 4);
    }

    public static void dbl(long[] r, int ro, long[] a, int ao) {
        Fp.add(r, ro, a, ao, a, ao);
        Fp.add(r, ro + 4, a, ao + 4, a, ao + 4);
    }

    public static void neg(long[] r, int ro, long[] a, int ao) {
        Fp.neg(r, ro, a, ao);
        Fp.neg(r, ro + 4, a, ao + 4);
    }

    public static void conjugate(long[] r, int ro, long[] a, int ao) {
        if (r != a || ro != ao) System.arraycopy(a, ao, r, ro, 4);
        Fp.neg(r, ro + 4, a, ao + 4);
    }

    public static void copy(long[] r, int ro, long[] a, int ao) {
        System.arraycopy(a, ao, r, ro, LONGS);
    }

    public static void setZero(long[] r, int ro) {
        for (int i = 0; i < LONGS; i++) r[ro + i] = 0;
    }

    public static void setOne(long[] r, int ro) {
        Fp.ONE.writeMont(r, ro);
        for (int i = 4; i < LONGS; i++) r[ro + i] = 0;
    }

    public static boolean isZero(long[] a, int ao) {
        return Fp.isZero(a, ao) && Fp.isZero(a, ao + 4);
    }

    public static boolean equal(long[] a, int ao, long[] b, int bo) {
        return Fp.equal(a, ao, b, bo) && Fp.equal(a, ao + 4, b, bo + 4);
    }

    /** r = a * b (Karatsuba: three Fp multiplications); scratch t[to..to+15]. */
    public static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo, long[] t, int to) {
        Fp.mul(t, to, a, ao, b, bo);                  // v0 = a0 b0
        Fp.mul(t, to + 4, a, ao + 4, b, bo + 4);      // v1 = a1 b1
        Fp.add(t, to + 8, a, ao, a, ao + 4);          // a0 + a1
        Fp.add(t, to + 12, b, bo, b, bo + 4);         // b0 + b1
        Fp.mul(t, to + 8, t, to + 8, t, to + 12);
        Fp.sub(t, to + 8, t, to + 8, t, to);
        Fp.sub(r, ro + 4, t, to + 8, t, to + 4);      // c1 = (a0+a1)(b0+b1) - v0 - v1
        Fp.sub(r, ro, t, to, t, to + 4);              // c0 = v0 - v1
    }

    /** r = a^2 (complex squaring: two Fp multiplications); scratch t[to..to+11]. */
    public static void square(long[] r, int ro, long[] a, int ao, long[] t, int to) {
        Fp.add(t, to, a, ao, a, ao + 4);
        Fp.sub(t, to + 4, a, ao, a, ao + 4);
        Fp.mul(t, to + 8, a, ao, a, ao + 4);
        Fp.mul(r, ro, t, to, t, to + 4);              // c0 = (a0+a1)(a0-a1)
        Fp.add(r, ro + 4, t, to + 8, t, to + 8);      // c1 = 2 a0 a1
    }

    /** r = a * s for s in Fp (4 longs at s[so]). */
    public static void mulByFp(long[] r, int ro, long[] a, int ao, long[] s, int so) {
        Fp.mul(r, ro, a, ao, s, so);
        Fp.mul(r, ro + 4, a, ao + 4, s, so);
    }

    /** r = a * (9 + u) = (9 a0 - a1) + (a0 + 9 a1) u; scratch t[to..to+7]. */
    public static void mulByNonResidue(long[] r, int ro, long[] a, int ao, long[] t, int to) {
        Fp.add(t, to, a, ao, a, ao);
        Fp.add(t, to, t, to, t, to);
        Fp.add(t, to, t, to, t, to);
        Fp.add(t, to, t, to, a, ao);                  // 9 a0
        Fp.add(t, to + 4, a, ao + 4, a, ao + 4);
        Fp.add(t, to + 4, t, to + 4, t, to + 4);
        Fp.add(t, to + 4, t, to + 4, t, to + 4);
        Fp.add(t, to + 4, t, to + 4, a, ao + 4);      // 9 a1
        Fp.add(t, to + 4, t, to + 4, a, ao);          // a0 + 9 a1
        Fp.sub(r, ro, t, to, a, ao + 4);              // 9 a0 - a1 (a1 still intact: r0 written after)
        System.arraycopy(t, to + 4, r, ro + 4, 4);
    }

    /** r = 1/a; throws ArithmeticException for zero. Scratch t[to..to+11]. */
    public static void inverse(long[] r, int ro, long[] a, int ao, long[] t, int to) {
        Fp.square(t, to, a, ao);
        Fp.square(t, to + 4, a, ao + 4);
        Fp.add(t, to, t, to, t, to + 4);
        if (Fp.isZero(t, to)) throw new ArithmeticException("zero has no inverse in Fp2");
        Fp.inverse(t, to, t, to);
        Fp.neg(t, to + 8, a, ao + 4);
        Fp.mul(r, ro, a, ao, t, to);
        Fp.mul(r, ro + 4, t, to + 8, t, to);
    }
}
