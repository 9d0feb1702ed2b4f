package io.zkmargin.prover;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.G2Jacobian;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.msm.Msm;
import io.zkmargin.crypto.ntt.Domain;
import io.zkmargin.groth16.Proof;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Groth16 prover for one proving key and its R1CS. For a witness w it computes the quotient
 * h = (A(x) B(x) - C(x)) / Z(x) by NTTs on a coset, then
 * A = alpha + sum w_j A_j + r delta, B = beta + sum w_j B_j + s delta,
 * C = sum_private w_j L_j + sum h_i H_i + s A + r B1 - r s delta,
 * with fresh randomizers r, s (zero knowledge). MSMs use all cores.
 */
public final class Groth16Prover {
    private final ProvingKey pk;
    private final R1cs r1cs;
    private final Domain domain;
    private final int[][] rows = new int[3][];
    private final int[][] wires = new int[3][];
    private final long[][] coeffs = new long[3][];

    private Groth16Prover(ProvingKey pk, R1cs r1cs) {
        this.pk = pk;
        this.r1cs = r1cs;
        this.domain = Domain.ofLog(pk.domainLog());
        R1cs.Matrix[] ms = {r1cs.a(), r1cs.b(), r1cs.c()};
        for (int k = 0; k < 3; k++) {
            rows[k] = ms[k].rowStarts();
            wires[k] = ms[k].wires();
            coeffs[k] = ms[k].montCoeffs();
        }
    }

    /** Binds a key to its R1CS; throws if the key was made for a different constraint system. */
    public static Groth16Prover of(ProvingKey pk, R1cs r1cs) {
        Objects.requireNonNull(pk, "pk");
        Objects.requireNonNull(r1cs, "r1cs");
        if (!MessageDigest.isEqual(pk.r1csDigest(), R1csDigest.of(r1cs))) {
            throw new IllegalArgumentException("proving key was made for a different R1CS (digest mismatch)");
        }
        return new Groth16Prover(pk, r1cs);
    }

    public ProvingKey provingKey() {
        return pk;
    }

    public Proof prove(Witness witness) {
        return prove(witness, new SecureRandom(), PhaseListener.NONE);
    }

    /**
     * Proves; throws IllegalArgumentException for a witness of the wrong size or public count and
     * UnsatisfiedConstraintException (naming the constraint, never values) for one that does not satisfy.
     */
    public Proof prove(Witness witness, SecureRandom rnd, PhaseListener timing) {
        Objects.requireNonNull(witness, "witness");
        Objects.requireNonNull(rnd, "rnd");
        PhaseListener t = timing == null ? PhaseListener.NONE : timing;
        if (witness.size() != pk.wireCount()) {
            throw new IllegalArgumentException("witness has " + witness.size() + " wires, the key needs " + pk.wireCount());
        }
        if (witness.nPublic() != pk.publicInputCount()) {
            throw new IllegalArgumentException("witness has " + witness.nPublic() + " public wires, the key needs "
                    + pk.publicInputCount());
        }
        long t0 = System.nanoTime();
        r1cs.check(witness);
        long[] w = witness.montValues();
        long t1 = System.nanoTime();
        t.phase("check", t1 - t0);

        long[] h = quotient(w);
        long t2 = System.nanoTime();
        t.phase("ntt", t2 - t1);

        int nWires = pk.wireCount();
        int nPub = pk.publicInputCount();
        long[] wPlain = w;   // reuse: montValues() returned our own copy
        for (int i = 0; i < wPlain.length; i += 4) {
            Fr.fromMont(wPlain, i);
        }
        long[] priv = Arrays.copyOfRange(wPlain, 4 * (nPub + 1), 4 * nWires);

        G1Jacobian msmA = Msm.g1(pk.a, wPlain, nWires);
        long t3 = System.nanoTime();
        t.phase("msm A", t3 - t2);
        G1Jacobian msmB1 = Msm.g1(pk.b1, wPlain, nWires);
        long t4 = System.nanoTime();
        t.phase("msm B1", t4 - t3);
        G2Jacobian msmB2 = Msm.g2(pk.b2, wPlain, nWires);
        long t5 = System.nanoTime();
        t.phase("msm B2", t5 - t4);
        G1Jacobian msmL = Msm.g1(pk.l, priv, nWires - nPub - 1);
        long t6 = System.nanoTime();
        t.phase("msm L", t6 - t5);
        G1Jacobian msmH = Msm.g1(pk.h, h, domain.size() - 1);
        long t7 = System.nanoTime();
        t.phase("msm H", t7 - t6);
        Arrays.fill(wPlain, 0L);
        Arrays.fill(priv, 0L);
        Arrays.fill(h, 0L);

        Fr r = randomScalar(rnd);
        Fr s = randomScalar(rnd);
        G1Affine delta1 = pk.delta1();
        G1Jacobian a = msmA.addMixed(pk.verifyingKey().alpha()).add(delta1.toJacobian().mul(r));
        G1Jacobian b1 = msmB1.addMixed(pk.beta1()).add(delta1.toJacobian().mul(s));
        G2Jacobian b2 = msmB2.addMixed(pk.verifyingKey().beta()).add(pk.verifyingKey().delta().toJacobian().mul(s));
        G1Jacobian c = msmL.add(msmH).add(a.mul(s)).add(b1.mul(r)).add(delta1.toJacobian().mul(r.mul(s)).neg());
        G2Affine bAff = b2.toAffine();
        Proof proof = Proof.of(a.toAffine(), bAff, c.toAffine());
        t.phase("finish", System.nanoTime() - t7);
        return proof;
    }

    /** Coefficients (plain limbs) of h = (a b - c) / Z for the witness w (Montgomery limbs). */
    private long[] quotient(long[] w) {
        int n = domain.size();
        int m = pk.constraintCount();
        int nPub = pk.publicInputCount();
        long[][] abc = new long[3][4 * n];
        long[] tmp = new long[4];
        for (int k = 0; k < 3; k++) {
            long[] out = abc[k];
            int[] rs = rows[k];
            int[] ws = wires[k];
            long[] cs = coeffs[k];
            for (int row = 0; row < m; row++) {
                for (int term = rs[row]; term < rs[row + 1]; term++) {
                    Fr.mul(tmp, 0, cs, 4 * term, w, 4 * ws[term]);
                    Fr.add(out, 4 * row, out, 4 * row, tmp, 0);
                }
            }
        }
        // public-input binding rows: A = w_i, B = C = 0
        System.arraycopy(w, 0, abc[0], 4 * m, 4 * (nPub + 1));
        for (int k = 0; k < 3; k++) {
            domain.ifft(abc[k]);
            domain.cosetFft(abc[k]);
        }
        // Z(g w^i) = g^n - 1 for every i: one inverse
        long[] zInv = new long[4];
        Domain.cosetShift().pow(n).sub(Fr.ONE).inverse().writeMont(zInv, 0);
        long[] a = abc[0];
        long[] b = abc[1];
        long[] c = abc[2];
        for (int i = 0; i < 4 * n; i += 4) {
            Fr.mul(a, i, a, i, b, i);
            Fr.sub(a, i, a, i, c, i);
            Fr.mul(a, i, a, i, zInv, 0);
        }
        domain.cosetIfft(a);
        Arrays.fill(b, 0L);
        Arrays.fill(c, 0L);
        for (int i = 0; i < 4 * n; i += 4) {
            Fr.fromMont(a, i);
        }
        return a;
    }

    private static Fr randomScalar(SecureRandom rnd) {
        return Fr.random(rnd);
    }
}
