package io.zkmargin.crypto.pairing;

import io.zkmargin.crypto.curve.G2Affine;

/**
 * The Miller-loop line coefficients of a fixed G2 point, computed once by {@link Pairing#prepare}
 * and reusable across any number of pairings (for example the gamma and delta of a verifying key).
 * Immutable: the coefficient array never leaves this class.
 */
public final class G2Prepared {
    private final G2Affine point;
    private final long[] coeffs; // per step three Fp2 buffer elements (24 longs), see Pairing

    G2Prepared(G2Affine point, long[] coeffs) {
        this.point = point;
        this.coeffs = coeffs;
    }

    /** The point these coefficients belong to. */
    public G2Affine point() {
        return point;
    }

    public boolean isInfinity() {
        return point.isInfinity();
    }

    long[] coeffs() {
        return coeffs;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof G2Prepared && point.equals(((G2Prepared) o).point));
    }

    @Override
    public int hashCode() {
        return point.hashCode();
    }

    @Override
    public String toString() {
        return "G2Prepared[" + point + "]";
    }
}
