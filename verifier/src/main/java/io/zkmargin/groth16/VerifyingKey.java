package io.zkmargin.groth16;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;

import java.util.List;
import java.util.Objects;

/**
 * A Groth16 verifying key: alpha*G1, beta*G2, gamma*G2, delta*G2 and the input commitments
 * IC[i] = ((beta*u_i + alpha*v_i + w_i)(tau) / gamma)*G1 for the constant wire and each public input.
 */
public final class VerifyingKey {
    private final G1Affine alpha;
    private final G2Affine beta;
    private final G2Affine gamma;
    private final G2Affine delta;
    private final List<G1Affine> ic;

    private VerifyingKey(G1Affine alpha, G2Affine beta, G2Affine gamma, G2Affine delta, List<G1Affine> ic) {
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.delta = delta;
        this.ic = ic;
    }

    /**
     * Validates and builds a key (G2Affine instances are in the prime-order subgroup by construction,
     * G1 has cofactor 1). IC needs at least
     * the constant-wire entry; gamma must differ from delta (a key with gamma = delta lets anyone
     * forge proofs for any public input, so snarkjs rejects it too).
     */
    public static VerifyingKey of(G1Affine alpha, G2Affine beta, G2Affine gamma, G2Affine delta, List<G1Affine> ic) {
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(beta, "beta");
        Objects.requireNonNull(gamma, "gamma");
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(ic, "ic");
        if (ic.isEmpty()) {
            throw new IllegalArgumentException("verifying key needs at least one IC point (the constant wire)");
        }
        for (int i = 0; i < ic.size(); i++) {
            Objects.requireNonNull(ic.get(i), "ic[" + i + "]");
        }
        if (alpha.isInfinity() || beta.isInfinity() || gamma.isInfinity() || delta.isInfinity()) {
            throw new IllegalArgumentException("verifying key point alpha, beta, gamma or delta is the point at infinity");
        }
        if (gamma.equals(delta)) {
            throw new IllegalArgumentException("verifying key has gamma = delta, which makes proofs forgeable");
        }
        return new VerifyingKey(alpha, beta, gamma, delta, List.copyOf(ic));
    }

    public G1Affine alpha() {
        return alpha;
    }

    public G2Affine beta() {
        return beta;
    }

    public G2Affine gamma() {
        return gamma;
    }

    public G2Affine delta() {
        return delta;
    }

    /** IC[0] for the constant wire, then one point per public input. */
    public List<G1Affine> ic() {
        return ic;
    }

    /** Number of public inputs the key expects. */
    public int publicInputCount() {
        return ic.size() - 1;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VerifyingKey k)) {
            return false;
        }
        return alpha.equals(k.alpha) && beta.equals(k.beta) && gamma.equals(k.gamma) && delta.equals(k.delta)
                && ic.equals(k.ic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alpha, beta, gamma, delta, ic);
    }

    @Override
    public String toString() {
        return "VerifyingKey{publicInputs=" + publicInputCount() + "}";
    }
}
