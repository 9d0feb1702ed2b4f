package io.zkmargin.verifier;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.field.Fp12;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.pairing.G2Prepared;
import io.zkmargin.crypto.pairing.Pairing;
import io.zkmargin.groth16.Points;
import io.zkmargin.groth16.Proof;
import io.zkmargin.groth16.VerifyingKey;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * Groth16 verification: e(A, B) * e(cpub, -gamma) * e(C, -delta) == e(alpha, beta), with
 * cpub = IC[0] + sum pub_i * IC[i+1]. An invalid proof gives {@code false}; a malformed public
 * input (wrong count, value outside [0, r)) throws. Keys and proofs are validated when built.
 */
public final class Groth16Verifier {
    private Groth16Verifier() {
    }

    /** Verifies with public inputs as field elements. */
    public static boolean verify(PreparedVerifyingKey pvk, Proof proof, Fr[] publicInputs) {
        Objects.requireNonNull(pvk, "pvk");
        Objects.requireNonNull(proof, "proof");
        G1Affine cpub = publicCommitment(pvk.key(), publicInputs);
        Fp12 ml = Pairing.millerLoop(
                new G1Affine[] {proof.a(), cpub, proof.c()},
                new G2Prepared[] {Pairing.prepare(proof.b()), pvk.negGamma(), pvk.negDelta()});
        return Pairing.finalExponentiation(ml).equals(pvk.alphaBeta());
    }

    /** Verifies with public inputs as integers; each must be in [0, r). */
    public static boolean verify(PreparedVerifyingKey pvk, Proof proof, List<BigInteger> publicInputs) {
        return verify(pvk, proof, toFr(publicInputs));
    }

    /** Convenience: prepares the key on every call; use {@link PreparedVerifyingKey} for many proofs. */
    public static boolean verify(VerifyingKey vk, Proof proof, Fr[] publicInputs) {
        return verify(PreparedVerifyingKey.of(vk), proof, publicInputs);
    }

    /** Converts integer public inputs, rejecting negative values and values >= r. */
    public static Fr[] toFr(List<BigInteger> publicInputs) {
        Objects.requireNonNull(publicInputs, "publicInputs");
        Fr[] out = new Fr[publicInputs.size()];
        for (int i = 0; i < out.length; i++) {
            BigInteger v = Objects.requireNonNull(publicInputs.get(i), "public input " + i);
            if (v.signum() < 0 || v.compareTo(Fr.MODULUS) >= 0) {
                throw new IllegalArgumentException("public input " + i + " is outside [0, r)");
            }
            out[i] = Fr.of(v);
        }
        return out;
    }

    /** IC[0] + sum pub_i * IC[i+1]; throws if the count does not match the key. */
    static G1Affine publicCommitment(VerifyingKey vk, Fr[] publicInputs) {
        Objects.requireNonNull(publicInputs, "publicInputs");
        if (publicInputs.length != vk.publicInputCount()) {
            throw new IllegalArgumentException("expected " + vk.publicInputCount() + " public inputs, got "
                    + publicInputs.length);
        }
        List<G1Affine> ic = vk.ic();
        G1Affine[] pts = new G1Affine[publicInputs.length];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = ic.get(i + 1);
            Objects.requireNonNull(publicInputs[i], "public input " + i);
        }
        return Points.combination(ic.get(0), pts, publicInputs);
    }
}
