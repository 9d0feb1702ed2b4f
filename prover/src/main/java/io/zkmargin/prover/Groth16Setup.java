package io.zkmargin.prover;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.crypto.ntt.Domain;
import io.zkmargin.groth16.VerifyingKey;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Groth16 circuit-specific setup (trusted, single party): samples the toxic waste tau, alpha, beta,
 * gamma, delta, evaluates the QAP at tau through the Lagrange basis of the NTT domain and multiplies
 * the generators by the results. The toxic waste lives only in a long[] buffer that is zeroed before
 * returning (also on failure); it never becomes an immutable field object, a log line or a message.
 */
public final class Groth16Setup {
    private static final int TAU = 0;
    private static final int ALPHA = 4;
    private static final int BETA = 8;
    private static final int GAMMA = 12;
    private static final int DELTA = 16;

    private Groth16Setup() {
    }

    /** Setup with toxic waste from {@link SecureRandom}, on all cores. */
    public static ProvingKey generate(R1cs r1cs, SetupListener listener) {
        return generate(r1cs, new SecureRandom(), 0, listener);
    }

    /** Setup with toxic waste from the given SecureRandom on {@code threads} workers (0 = all cores). */
    public static ProvingKey generate(R1cs r1cs, SecureRandom rnd, int threads, SetupListener listener) {
        return generate(r1cs, (Random) rnd, threads, listener);
    }

    /**
     * Reproducible setup for tests ONLY: anyone who knows the seed can forge proofs for the key.
     */
    public static ProvingKey generateInsecureDeterministicForTests(R1cs r1cs, long seed) {
        return generate(r1cs, new Random(seed), 0, SetupListener.NONE);
    }

    /** Setup drawing the toxic waste from rnd; threads = 0 uses the common pool. */
    static ProvingKey generate(R1cs r1cs, Random rnd, int threads, SetupListener listener) {
        Objects.requireNonNull(r1cs, "r1cs");
        Objects.requireNonNull(rnd, "rnd");
        SetupListener progress = listener == null ? SetupListener.NONE : listener;
        int m = r1cs.nConstraints();
        int nPub = r1cs.nPublic();
        int nWires = r1cs.nWires();
        Domain domain = Domain.atLeast(m + nPub + 1);
        int n = domain.size();
        long[] waste = new long[20];
        List<long[]> derived = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                sampleNonZero(rnd, waste, 4 * i);
            }
            long[] omega = new long[4];
            domain.omega().writeMont(omega, 0);
            // Z(tau) = tau^n - 1; resample tau in the (negligible) case it lies in the domain
            long[] zt = derived(derived, 4);
            long[] one = derived(derived, 4);
            Fr.ONE.writeMont(one, 0);
            while (true) {
                System.arraycopy(waste, TAU, zt, 0, 4);
                for (int i = 0; i < domain.log(); i++) {
                    Fr.square(zt, 0, zt, 0);
                }
                Fr.sub(zt, 0, zt, 0, one, 0);
                if (!Fr.isZero(zt, 0)) {
                    break;
                }
                sampleNonZero(rnd, waste, TAU);
            }
            long[] lag = lagrangeAtTau(waste, omega, zt, domain, derived);
            progress.progress("lagrange", n, n);

            // u, v, w: QAP polynomials of every wire evaluated at tau
            long[] u = derived(derived, 4 * nWires);
            long[] v = derived(derived, 4 * nWires);
            long[] w = derived(derived, 4 * nWires);
            accumulate(r1cs.a(), lag, u);
            accumulate(r1cs.b(), lag, v);
            accumulate(r1cs.c(), lag, w);
            for (int i = 0; i <= nPub; i++) {
                Fr.add(u, 4 * i, u, 4 * i, lag, 4 * (m + i));
            }

            long[] gammaInv = derived(derived, 4);
            long[] deltaInv = derived(derived, 4);
            Fr.inverse(gammaInv, 0, waste, GAMMA);
            Fr.inverse(deltaInv, 0, waste, DELTA);

            // G1 scalars: alpha, beta, delta | u_j | v_j | IC_j | L_j | H_i
            int nPriv = nWires - nPub - 1;
            int g1Count = 3 + 2 * nWires + (nPub + 1) + nPriv + (n - 1);
            long[] s1 = derived(derived, 4 * g1Count);
            System.arraycopy(waste, ALPHA, s1, 0, 4);
            System.arraycopy(waste, BETA, s1, 4, 4);
            System.arraycopy(waste, DELTA, s1, 8, 4);
            int off = 3;
            System.arraycopy(u, 0, s1, 4 * off, 4 * nWires);
            off += nWires;
            System.arraycopy(v, 0, s1, 4 * off, 4 * nWires);
            off += nWires;
            long[] t = derived(derived, 8);
            for (int j = 0; j < nWires; j++) {
                // beta u_j + alpha v_j + w_j, over gamma (public) or delta (private)
                Fr.mul(t, 0, waste, BETA, u, 4 * j);
                Fr.mul(t, 4, waste, ALPHA, v, 4 * j);
                Fr.add(t, 0, t, 0, t, 4);
                Fr.add(t, 0, t, 0, w, 4 * j);
                Fr.mul(s1, 4 * (off + j), t, 0, j <= nPub ? gammaInv : deltaInv, 0);
            }
            off += nWires;
            // H_i = tau^i Z(tau) / delta
            Fr.mul(t, 0, zt, 0, deltaInv, 0);
            for (int i = 0; i < n - 1; i++) {
                System.arraycopy(t, 0, s1, 4 * (off + i), 4);
                Fr.mul(t, 0, t, 0, waste, TAU);
            }
            toCanonical(s1);

            long[] s2 = derived(derived, 4 * (3 + nWires));
            System.arraycopy(waste, BETA, s2, 0, 4);
            System.arraycopy(waste, GAMMA, s2, 4, 4);
            System.arraycopy(waste, DELTA, s2, 8, 4);
            System.arraycopy(v, 0, s2, 12, 4 * nWires);
            toCanonical(s2);
            Arrays.fill(waste, 0L);

            final int g2Count = 3 + nWires;
            long[] p1 = FixedBase.g1(G1Affine.GENERATOR, s1, threads, d -> progress.progress("G1", d, g1Count));
            long[] p2 = FixedBase.g2(G2Affine.GENERATOR, s2, threads, d -> progress.progress("G2", d, g2Count));

            G1Affine alpha1 = G1Affine.readPacked(p1, 0);
            G1Affine beta1 = G1Affine.readPacked(p1, 8);
            G1Affine delta1 = G1Affine.readPacked(p1, 16);
            int o = 3;
            long[] aQ = Arrays.copyOfRange(p1, 8 * o, 8 * (o + nWires));
            o += nWires;
            long[] b1Q = Arrays.copyOfRange(p1, 8 * o, 8 * (o + nWires));
            o += nWires;
            List<G1Affine> ic = new ArrayList<>(nPub + 1);
            for (int j = 0; j <= nPub; j++) {
                ic.add(G1Affine.readPacked(p1, 8 * (o + j)));
            }
            long[] lQ = Arrays.copyOfRange(p1, 8 * (o + nPub + 1), 8 * (o + nWires));
            o += nWires;
            long[] hQ = Arrays.copyOfRange(p1, 8 * o, 8 * (o + n - 1));
            G2Affine beta2 = G2Affine.readPacked(p2, 0);
            G2Affine gamma2 = G2Affine.readPacked(p2, 16);
            G2Affine delta2 = G2Affine.readPacked(p2, 32);
            long[] b2Q = Arrays.copyOfRange(p2, 48, 16 * (3 + nWires));
            VerifyingKey vk = VerifyingKey.of(alpha1, beta2, gamma2, delta2, ic);
            return new ProvingKey(vk, beta1, delta1, nWires, nPub, m, domain.log(), R1csDigest.of(r1cs),
                    G1Packed.of(aQ), G1Packed.of(b1Q), G2Packed.ofOnCurve(b2Q), G1Packed.of(lQ), G1Packed.of(hQ));
        } finally {
            Arrays.fill(waste, 0L);
            for (long[] d : derived) {
                Arrays.fill(d, 0L);
            }
        }
    }

    private static long[] derived(List<long[]> all, int size) {
        long[] b = new long[size];
        all.add(b);
        return b;
    }

    /** L_k(tau) = Z(tau)/n * omega^k / (tau - omega^k) for every k, with one batch inversion. */
    private static long[] lagrangeAtTau(long[] waste, long[] omega, long[] zt, Domain domain, List<long[]> derived) {
        int n = domain.size();
        long[] pw = derived(derived, 4 * n);
        long[] den = derived(derived, 4 * (n + 1));
        Fr.ONE.writeMont(pw, 0);
        for (int k = 1; k < n; k++) {
            Fr.mul(pw, 4 * k, pw, 4 * (k - 1), omega, 0);
        }
        // prefix products of (tau - omega^k) in den, then walk back with one inverse
        long[] d = derived(derived, 8);
        Fr.ONE.writeMont(den, 0);
        for (int k = 0; k < n; k++) {
            Fr.sub(d, 0, waste, TAU, pw, 4 * k);
            Fr.mul(den, 4 * (k + 1), den, 4 * k, d, 0);
        }
        long[] inv = derived(derived, 4);
        Fr.inverse(inv, 0, den, 4 * n);
        long[] scale = derived(derived, 4);
        domain.sizeInverse().writeMont(scale, 0);
        Fr.mul(scale, 0, scale, 0, zt, 0);
        long[] out = derived(derived, 4 * n);
        for (int k = n - 1; k >= 0; k--) {
            Fr.mul(d, 4, inv, 0, den, 4 * k);        // 1/(tau - omega^k)
            Fr.sub(d, 0, waste, TAU, pw, 4 * k);
            Fr.mul(inv, 0, inv, 0, d, 0);
            Fr.mul(d, 4, d, 4, pw, 4 * k);
            Fr.mul(out, 4 * k, d, 4, scale, 0);
        }
        return out;
    }

    /** acc[wire] += coeff * lag[row] over all terms of the matrix. */
    private static void accumulate(R1cs.Matrix mat, long[] lag, long[] acc) {
        int[] rows = mat.rowStarts();
        int[] wires = mat.wires();
        long[] coeffs = mat.montCoeffs();
        long[] t = new long[4];
        for (int row = 0; row + 1 < rows.length; row++) {
            for (int term = rows[row]; term < rows[row + 1]; term++) {
                Fr.mul(t, 0, coeffs, 4 * term, lag, 4 * row);
                Fr.add(acc, 4 * wires[term], acc, 4 * wires[term], t, 0);
            }
        }
    }

    private static void toCanonical(long[] buf) {
        for (int i = 0; i < buf.length; i += 4) {
            Fr.fromMont(buf, i);
        }
    }

    /** Uniform non-zero element of Fr into buf[off..] (Montgomery form), by rejection sampling. */
    private static void sampleNonZero(Random rnd, long[] buf, int off) {
        do {
            buf[off] = rnd.nextLong();
            buf[off + 1] = rnd.nextLong();
            buf[off + 2] = rnd.nextLong();
            buf[off + 3] = rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL;
        } while (!Fr.isCanonical(buf[off], buf[off + 1], buf[off + 2], buf[off + 3])
                || (buf[off] | buf[off + 1] | buf[off + 2] | buf[off + 3]) == 0);
        Fr.toMont(buf, off);
    }
}
