package io.zkmargin.verifier;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.field.Fp12;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.msm.Msm;
import io.zkmargin.crypto.pairing.G2Prepared;
import io.zkmargin.crypto.pairing.Pairing;
import io.zkmargin.groth16.Points;
import io.zkmargin.groth16.Proof;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Verifies many proofs under one key with a random linear combination and one final
 * exponentiation. With secret 128-bit coefficients r_i, all proofs are valid (except with
 * probability about 2^-128) iff
 * prod e(r_i A_i, B_i) * e(sum r_i cpub_i, -gamma) * e(sum r_i C_i, -delta) * e(-(sum r_i) alpha, beta) = 1.
 * When the batch fails, bisection (same coefficients, sub-batches) names the invalid proofs.
 */
public final class BatchVerifier {
    /** Sub-batches at or below this size are checked proof by proof. */
    private static final int LEAF = 4;

    private BatchVerifier() {
    }

    /** Outcome of a batch: valid iff {@link #invalidIndexes()} is empty. */
    public record Result(List<Integer> invalidIndexes) {
        public Result {
            invalidIndexes = List.copyOf(invalidIndexes);
        }

        public boolean allValid() {
            return invalidIndexes.isEmpty();
        }
    }

    public static Result verify(PreparedVerifyingKey pvk, List<Proof> proofs, List<Fr[]> publicInputs) {
        return verify(pvk, proofs, publicInputs, new SecureRandom());
    }

    /**
     * Checks all proofs; malformed input (count mismatch, wrong public-input count) throws before any
     * pairing work. {@code rnd} must be unpredictable to the provers.
     */
    public static Result verify(PreparedVerifyingKey pvk, List<Proof> proofs, List<Fr[]> publicInputs,
            SecureRandom rnd) {
        Objects.requireNonNull(pvk, "pvk");
        Objects.requireNonNull(proofs, "proofs");
        Objects.requireNonNull(publicInputs, "publicInputs");
        Objects.requireNonNull(rnd, "rnd");
        int n = proofs.size();
        if (publicInputs.size() != n) {
            throw new IllegalArgumentException(n + " proofs but " + publicInputs.size() + " public-input arrays");
        }
        int nPub = pvk.key().publicInputCount();
        for (int i = 0; i < n; i++) {
            Objects.requireNonNull(proofs.get(i), "proof " + i);
            Fr[] pub = Objects.requireNonNull(publicInputs.get(i), "public inputs " + i);
            if (pub.length != nPub) {
                throw new IllegalArgumentException("proof " + i + ": expected " + nPub + " public inputs, got " + pub.length);
            }
            for (int j = 0; j < nPub; j++) {
                Objects.requireNonNull(pub[j], "public input " + j + " of proof " + i);
            }
        }
        if (n == 0) {
            return new Result(List.of());
        }
        Batch b = new Batch(pvk, proofs, publicInputs, rnd);
        List<Integer> bad = new ArrayList<>();
        b.find(0, n, bad, true);
        return new Result(bad);
    }

    /** Per-proof precomputation shared by every sub-batch of the bisection. */
    private static final class Batch {
        final PreparedVerifyingKey pvk;
        final List<Proof> proofs;
        final List<Fr[]> pubs;
        final Fr[] r;
        final G1Affine[] rA;
        final G2Prepared[] b;

        Batch(PreparedVerifyingKey pvk, List<Proof> proofs, List<Fr[]> pubs, SecureRandom rnd) {
            this.pvk = pvk;
            this.proofs = proofs;
            this.pubs = pubs;
            int n = proofs.size();
            r = new Fr[n];
            for (int i = 0; i < n; i++) {
                BigInteger v;
                do {
                    v = new BigInteger(128, rnd);
                } while (v.signum() == 0);
                r[i] = Fr.of(v);
            }
            rA = new G1Affine[n];
            b = new G2Prepared[n];
            IntStream.range(0, n).parallel().forEach(i -> {
                Proof p = proofs.get(i);
                rA[i] = Points.mul(p.a(), r[i]);
                b[i] = Pairing.prepare(p.b());
            });
        }

        /** Appends the invalid indexes of [from, to) to bad; top says whether [from, to) was checked already. */
        void find(int from, int to, List<Integer> bad, boolean top) {
            if (to - from <= LEAF && !top) {
                for (int i = from; i < to; i++) {
                    if (!check(i, i + 1)) {
                        bad.add(i);
                    }
                }
                return;
            }
            if (check(from, to)) {
                return;
            }
            if (to - from == 1) {
                bad.add(from);
                return;
            }
            int mid = (from + to) >>> 1;
            find(from, mid, bad, false);
            find(mid, to, bad, false);
        }

        boolean check(int from, int to) {
            int nPub = pvk.key().publicInputCount();
            Fr sumR = Fr.ZERO;
            Fr[] s = new Fr[nPub];
            Arrays.fill(s, Fr.ZERO);
            G1Affine[] cs = new G1Affine[to - from];
            for (int i = from; i < to; i++) {
                cs[i - from] = proofs.get(i).c();
                sumR = sumR.add(r[i]);
                Fr[] pub = pubs.get(i);
                for (int j = 0; j < nPub; j++) {
                    s[j] = s[j].add(r[i].mul(pub[j]));
                }
            }
            List<G1Affine> ic = pvk.key().ic();
            G1Affine[] icPts = ic.subList(1, ic.size()).toArray(new G1Affine[0]);
            G1Affine cpub = Points.combination(Points.mul(ic.get(0), sumR), icPts, s);
            G1Affine negAlpha = Points.mul(pvk.key().alpha(), sumR.neg());

            // sum r_i C_i as one MSM (Pippenger) rather than a scalar multiplication per proof
            G1Affine cSum = Msm.g1(cs, Arrays.copyOfRange(r, from, to)).toAffine();
            int count = to - from;
            int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), count / 16));
            Fp12[] partial = new Fp12[chunks];
            IntStream.range(0, chunks).parallel().forEach(c -> {
                int lo = from + (int) ((long) count * c / chunks);
                int hi = from + (int) ((long) count * (c + 1) / chunks);
                int extra = c == 0 ? 3 : 0;
                G1Affine[] g1 = new G1Affine[hi - lo + extra];
                G2Prepared[] g2 = new G2Prepared[hi - lo + extra];
                for (int i = lo; i < hi; i++) {
                    g1[i - lo] = rA[i];
                    g2[i - lo] = b[i];
                }
                if (extra > 0) {
                    int k = hi - lo;
                    g1[k] = cpub;
                    g2[k] = pvk.negGamma();
                    g1[k + 1] = cSum;
                    g2[k + 1] = pvk.negDelta();
                    g1[k + 2] = negAlpha;
                    g2[k + 2] = pvk.preparedBeta();
                }
                partial[c] = Pairing.millerLoop(g1, g2);
            });
            Fp12 acc = partial[0];
            for (int c = 1; c < chunks; c++) {
                acc = acc.mul(partial[c]);
            }
            return Pairing.finalExponentiation(acc).isOne();
        }
    }
}
