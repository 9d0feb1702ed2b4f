package io.zkmargin.verifier;

import io.zkmargin.crypto.field.Fp12;
import io.zkmargin.crypto.pairing.G2Prepared;
import io.zkmargin.crypto.pairing.Pairing;
import io.zkmargin.groth16.VerifyingKey;

import java.util.Objects;

/**
 * A verifying key with the per-key pairing work done once: e(alpha, beta), and -gamma, -delta and
 * beta prepared (line coefficients precomputed) for the Miller loop.
 */
public final class PreparedVerifyingKey {
    private final VerifyingKey key;
    private final Fp12 alphaBeta;
    private final G2Prepared negGamma;
    private final G2Prepared negDelta;
    private final G2Prepared beta;

    private PreparedVerifyingKey(VerifyingKey key) {
        this.key = key;
        this.alphaBeta = Pairing.pair(key.alpha(), key.beta());
        this.negGamma = Pairing.prepare(key.gamma().neg());
        this.negDelta = Pairing.prepare(key.delta().neg());
        this.beta = Pairing.prepare(key.beta());
    }

    public static PreparedVerifyingKey of(VerifyingKey key) {
        return new PreparedVerifyingKey(Objects.requireNonNull(key, "key"));
    }

    public VerifyingKey key() {
        return key;
    }

    /** e(alpha, beta), the value every valid proof's Miller-loop product must reach. */
    public Fp12 alphaBeta() {
        return alphaBeta;
    }

    G2Prepared negGamma() {
        return negGamma;
    }

    G2Prepared negDelta() {
        return negDelta;
    }

    G2Prepared preparedBeta() {
        return beta;
    }

    @Override
    public String toString() {
        return "PreparedVerifyingKey{publicInputs=" + key.publicInputCount() + "}";
    }
}
