package io.zkmargin.prover;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.groth16.VerifyingKey;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Groth16 proving key for one R1CS. Query vectors are packed affine arrays (G1 8 longs, G2 16 longs
 * per point, Montgomery limbs, all-zero = infinity), the layout the MSM consumes:
 * A[j] = u_j(tau) G1, B1[j] = v_j(tau) G1, B2[j] = v_j(tau) G2 for every wire j;
 * L[j] = (beta u_j + alpha v_j + w_j)(tau)/delta G1 for each private wire (j > nPublic);
 * H[i] = tau^i Z(tau)/delta G1 for i < n - 1, with Z(x) = x^n - 1 on the domain of size n.
 * Rows m..m+nPublic of the domain bind the public wires (A row = wire i), as snarkjs does.
 */
public final class ProvingKey {
    private final VerifyingKey vk;
    private final G1Affine beta1;
    private final G1Affine delta1;
    private final int nWires;
    private final int nPublic;
    private final int nConstraints;
    private final int domainLog;
    private final byte[] r1csDigest;
    final G1Packed a;
    final G1Packed b1;
    final G2Packed b2;
    final G1Packed l;
    final G1Packed h;

    ProvingKey(VerifyingKey vk, G1Affine beta1, G1Affine delta1, int nWires, int nPublic, int nConstraints,
            int domainLog, byte[] r1csDigest, G1Packed a, G1Packed b1, G2Packed b2, G1Packed l, G1Packed h) {
        this.vk = Objects.requireNonNull(vk);
        this.beta1 = Objects.requireNonNull(beta1);
        this.delta1 = Objects.requireNonNull(delta1);
        if (vk.publicInputCount() != nPublic) {
            throw new IllegalArgumentException("verifying key has " + vk.publicInputCount() + " public inputs, key says " + nPublic);
        }
        if (nWires < 1 + nPublic || nConstraints < 0 || domainLog < 0 || domainLog > 28
                || (1L << domainLog) < (long) nConstraints + nPublic + 1) {
            throw new IllegalArgumentException("inconsistent proving key sizes");
        }
        if (r1csDigest.length != 32 || a.size() != nWires || b1.size() != nWires || b2.size() != nWires
                || l.size() != nWires - nPublic - 1 || h.size() != (1 << domainLog) - 1) {
            throw new IllegalArgumentException("proving key query lengths do not match its sizes");
        }
        this.nWires = nWires;
        this.nPublic = nPublic;
        this.nConstraints = nConstraints;
        this.domainLog = domainLog;
        this.r1csDigest = r1csDigest.clone();
        this.a = a;
        this.b1 = b1;
        this.b2 = b2;
        this.l = l;
        this.h = h;
    }

    public VerifyingKey verifyingKey() {
        return vk;
    }

    public G1Affine beta1() {
        return beta1;
    }

    public G1Affine delta1() {
        return delta1;
    }

    public int wireCount() {
        return nWires;
    }

    public int publicInputCount() {
        return nPublic;
    }

    public int constraintCount() {
        return nConstraints;
    }

    /** log2 of the evaluation domain size. */
    public int domainLog() {
        return domainLog;
    }

    /** SHA-256 of the R1CS this key was made for (see {@link R1csDigest}). */
    public byte[] r1csDigest() {
        return r1csDigest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProvingKey k && vk.equals(k.vk) && beta1.equals(k.beta1) && delta1.equals(k.delta1)
                && nWires == k.nWires && nPublic == k.nPublic && nConstraints == k.nConstraints
                && domainLog == k.domainLog && Arrays.equals(r1csDigest, k.r1csDigest) && a.equals(k.a)
                && b1.equals(k.b1) && b2.equals(k.b2) && l.equals(k.l) && h.equals(k.h);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vk, nWires, nPublic, nConstraints, domainLog, Arrays.hashCode(r1csDigest));
    }

    @Override
    public String toString() {
        return "ProvingKey{wires=" + nWires + ", public=" + nPublic + ", constraints=" + nConstraints + ", domain=2^"
                + domainLog + "}";
    }
}
