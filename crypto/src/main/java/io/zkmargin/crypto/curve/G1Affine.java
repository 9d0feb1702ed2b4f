package io.zkmargin.crypto.curve;

import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A point of G1: the BN254 curve y^2 = x^3 + 3 over Fp (prime order r, cofactor 1), in affine
 * coordinates, or the point at infinity. Immutable; every finite instance is on the curve.
 */
public final class G1Affine {
    static final Fp B = Fp.of(3);

    /** The point at infinity (the group identity). */
    public static final G1Affine INFINITY = new G1Affine(Fp.ZERO, Fp.ZERO, true);
    /** The standard generator (1, 2). */
    public static final G1Affine GENERATOR = new G1Affine(Fp.ONE, Fp.of(2), false);

    private final Fp x;
    private final Fp y;
    private final boolean infinity;

    private G1Affine(Fp x, Fp y, boolean infinity) {
        this.x = x;
        this.y = y;
        this.infinity = infinity;
    }

    /** The finite point (x, y); throws IllegalArgumentException if it is not on the curve. */
    public static G1Affine of(Fp x, Fp y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (!onCurve(x, y)) throw new IllegalArgumentException("G1 point is not on the curve y^2 = x^3 + 3");
        return new G1Affine(x, y, false);
    }

    /** Trusted construction from coordinates already known to be on the curve. */
    static G1Affine ofTrusted(Fp x, Fp y) {
        return new G1Affine(x, y, false);
    }

    static boolean onCurve(Fp x, Fp y) {
        return y.square().equals(x.square().mul(x).add(B));
    }

    public Fp x() {
        return x;
    }

    public Fp y() {
        return y;
    }

    public boolean isInfinity() {
        return infinity;
    }

    /** Always true for a constructed instance; kept for symmetry with decoders and tests. */
    public boolean isOnCurve() {
        return infinity || onCurve(x, y);
    }

    public G1Affine neg() {
        return infinity ? this : new G1Affine(x, y.neg(), false);
    }

    public G1Affine add(G1Affine o) {
        return toJacobian().addMixed(o).toAffine();
    }

    /** [k]P for any integer k (reduced mod r, which is valid as G1 has prime order r). */
    public G1Affine mul(BigInteger k) {
        return toJacobian().mul(k).toAffine();
    }

    public G1Affine mul(Fr k) {
        return mul(k.toBigInteger());
    }

    public G1Jacobian toJacobian() {
        return infinity ? G1Jacobian.INFINITY : G1Jacobian.fromAffine(x, y);
    }

    /** Writes x then y (Montgomery limbs, 8 longs) to dst[off..]; infinity is all zero. */
    public void writePacked(long[] dst, int off) {
        if (infinity) {
            for (int i = 0; i < 8; i++) dst[off + i] = 0;
            return;
        }
        x.writeMont(dst, off);
        y.writeMont(dst, off + 4);
    }

    /** Reads the packed layout of {@link #writePacked}; all zero is infinity; checks the curve equation. */
    public static G1Affine readPacked(long[] src, int off) {
        boolean zero = true;
        for (int i = 0; i < 8; i++) zero &= src[off + i] == 0;
        if (zero) return INFINITY;
        return of(Fp.readMont(src, off), Fp.readMont(src, off + 4));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof G1Affine)) return false;
        G1Affine p = (G1Affine) o;
        if (infinity || p.infinity) return infinity == p.infinity;
        return x.equals(p.x) && y.equals(p.y);
    }

    @Override
    public int hashCode() {
        return infinity ? 0 : x.hashCode() * 31 + y.hashCode();
    }

    @Override
    public String toString() {
        return infinity ? "G1(infinity)" : "G1(" + x + ", " + y + ")";
    }
}
