package io.zkmargin.groth16;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.field.Fr;

/**
 * The few curve operations Groth16 needs beyond the pairing, in one place so that the data types
 * and the verifier share one definition of "valid point" and "linear combination".
 */
public final class Points {
    private Points() {
    }

    /** base + sum scalars[i] * points[i], for short sums (public inputs, batch coefficients). */
    public static G1Affine combination(G1Affine base, G1Affine[] points, Fr[] scalars) {
        if (points.length != scalars.length) {
            throw new IllegalArgumentException("points and scalars differ in length");
        }
        G1Jacobian acc = base.toJacobian();
        for (int i = 0; i < points.length; i++) {
            if (!scalars[i].isZero() && !points[i].isInfinity()) {
                acc = acc.add(points[i].toJacobian().mul(scalars[i]));
            }
        }
        return acc.toAffine();
    }

    /** scalar * p. */
    public static G1Affine mul(G1Affine p, Fr scalar) {
        return p.mul(scalar);
    }
}
