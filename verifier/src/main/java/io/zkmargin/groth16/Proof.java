package io.zkmargin.groth16;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;

import java.util.Objects;

/** A Groth16 proof (A in G1, B in G2, C in G1); points are valid by
 * construction of G1Affine/G2Affine (on the curve; G2 in the prime-order subgroup). */
public final class Proof {
    private final G1Affine a;
    private final G2Affine b;
    private final G1Affine c;

    private Proof(G1Affine a, G2Affine b, G1Affine c) {
        this.a = a;
        this.b = b;
        this.c = c;
    }

    public static Proof of(G1Affine a, G2Affine b, G1Affine c) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        return new Proof(a, b, c);
    }

    public G1Affine a() {
        return a;
    }

    public G2Affine b() {
        return b;
    }

    public G1Affine c() {
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Proof p && a.equals(p.a) && b.equals(p.b) && c.equals(p.c);
    }

    @Override
    public int hashCode() {
        return Objects.hash(a, b, c);
    }

    /** A proof is public data, but printing it in full is noise in logs: show a short fingerprint. */
    @Override
    public String toString() {
        return "Proof{" + Integer.toHexString(hashCode()) + "}";
    }
}
