package io.zkmargin.crypto.curve;

import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A point of G2: the order-r subgroup of the sextic twist y^2 = x^3 + 3/(9+u) over Fp2, in affine
 * coordinates, or infinity. Immutable. {@link #of} checks the curve equation and subgroup
 * membership, because the twist has a large cofactor (2p - r) and small-subgroup points would
 * break pairing-based verification.
 */
public final class G2Affine {
    /** The twist coefficient b' = 3 / (9 + u). */
    public static final Fp2 B = Fp2.of(Fp.of(3), Fp.ZERO).mul(Fp2.NON_RESIDUE.inverse());

    /** The BN parameter x (the seed of the curve family). */
    public static final BigInteger SEED = new BigInteger("4965661367192848881");

    public static final G2Affine INFINITY = new G2Affine(Fp2.ZERO, Fp2.ZERO, true);

    /** The standard generator (as in EIP-197, gnark and snarkjs). */
    public static final G2Affine GENERATOR = new G2Affine(
            Fp2.of(new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
                    new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
            Fp2.of(new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
                    new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")),
            false);

    // psi(x, y) = (conj(x) * xi^((p-1)/3), conj(y) * xi^((p-1)/2)), as Fp2 buffer elements
    static final long[] PSI_X = buffer(Fp2.NON_RESIDUE.pow(Fp.MODULUS.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3))));
    static final long[] PSI_Y = buffer(Fp2.NON_RESIDUE.pow(Fp.MODULUS.subtract(BigInteger.ONE).shiftRight(1)));

    private static long[] buffer(Fp2 v) {
        long[] b = new long[Fp2.LONGS];
        v.write(b, 0);
        return b;
    }

    private final Fp2 x;
    private final Fp2 y;
    private final boolean infinity;

    private G2Affine(Fp2 x, Fp2 y, boolean infinity) {
        this.x = x;
        this.y = y;
        this.infinity = infinity;
    }

    /**
     * The finite point (x, y); throws IllegalArgumentException if it is not on the twist or not in
     * the order-r subgroup.
     */
    public static G2Affine of(Fp2 x, Fp2 y) {
        G2Affine p = ofOnCurve(x, y);
        if (!p.isInSubgroup()) throw new IllegalArgumentException("G2 point is not in the order-r subgroup");
        return p;
    }

    /** A point on the twist that may lie outside G2 (only for tests of the subgroup check). */
    static G2Affine ofOnCurve(Fp2 x, Fp2 y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (!onCurve(x, y)) throw new IllegalArgumentException("G2 point is not on the twist y^2 = x^3 + 3/(9+u)");
        return new G2Affine(x, y, false);
    }

    static G2Affine ofTrusted(Fp2 x, Fp2 y) {
        return new G2Affine(x, y, false);
    }

    static boolean onCurve(Fp2 x, Fp2 y) {
        return y.square().equals(x.square().mul(x).add(B));
    }

    public Fp2 x() {
        return x;
    }

    public Fp2 y() {
        return y;
    }

    public boolean isInfinity() {
        return infinity;
    }

    public boolean isOnCurve() {
        return infinity || onCurve(x, y);
    }

    /**
     * Subgroup membership by the endomorphism test of eprint 2022/348 (BN case):
     * [x+1]P + psi([x]P) + psi^2([x]P) = psi^3([2x]P), about four times cheaper than [r]P = O.
     */
    public boolean isInSubgroup() {
        if (infinity) return true;
        G2Jacobian p = toJacobian();
        G2Jacobian xp = p.mul(SEED);
        G2Jacobian lhs = xp.add(p).add(xp.psi()).add(xp.psi().psi());
        G2Jacobian rhs = xp.dbl().psi().psi().psi();
        return lhs.equals(rhs);
    }

    public G2Affine neg() {
        return infinity ? this : new G2Affine(x, y.neg(), false);
    }

    public G2Affine add(G2Affine o) {
        return toJacobian().addMixed(o).toAffine();
    }

    /** [k]P for any integer k. */
    public G2Affine mul(BigInteger k) {
        return toJacobian().mul(k).toAffine();
    }

    public G2Affine mul(Fr k) {
        return mul(k.toBigInteger());
    }

    /** The endomorphism psi (the p-power Frobenius seen on the twist). */
    public G2Affine psi() {
        return infinity ? this : toJacobian().psi().toAffine();
    }

    public G2Jacobian toJacobian() {
        return infinity ? G2Jacobian.INFINITY : G2Jacobian.fromAffine(x, y);
    }

    /** Writes x.c0, x.c1, y.c0, y.c1 (Montgomery limbs, 16 longs) to dst[off..]; infinity is all zero. */
    public void writePacked(long[] dst, int off) {
        if (infinity) {
            for (int i = 0; i < 16; i++) dst[off + i] = 0;
            return;
        }
        x.write(dst, off);
        y.write(dst, off + 8);
    }

    /**
     * Reads the packed layout of {@link #writePacked} checking reduced coordinates and the twist equation but NOT
     * subgroup membership. Only for data whose integrity is protected otherwise and where a point outside G2 could
     * not help an attacker (a checksummed proving key: a bad point only makes the prover's own proofs fail).
     */
    public static G2Affine readPackedOnCurve(long[] src, int off) {
        boolean zero = true;
        for (int i = 0; i < 16; i++) zero &= src[off + i] == 0;
        if (zero) return INFINITY;
        return ofOnCurve(Fp2.read(src, off), Fp2.read(src, off + 8));
    }

    /** Reads the packed layout of {@link #writePacked}; all zero is infinity; full validation. */
    public static G2Affine readPacked(long[] src, int off) {
        boolean zero = true;
        for (int i = 0; i < 16; i++) zero &= src[off + i] == 0;
        if (zero) return INFINITY;
        return of(Fp2.read(src, off), Fp2.read(src, off + 8));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof G2Affine)) return false;
        G2Affine p = (G2Affine) o;
        if (infinity || p.infinity) return infinity == p.infinity;
        return x.equals(p.x) && y.equals(p.y);
    }

    @Override
    public int hashCode() {
        return infinity ? 0 : x.hashCode() * 31 + y.hashCode();
    }

    @Override
    public String toString() {
        return infinity ? "G2(infinity)" : "G2(" + x + ", " + y + ")";
    }
}
