package io.zkmargin.bench;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.G2Jacobian;
import io.zkmargin.crypto.field.Fr;
import java.util.Random;

/** Deterministic benchmark inputs (seeded, not secret): points from a walk P_i = P_(i-1) + Q. */
public final class BenchData {
    private BenchData() {}

    public static G1Affine[] g1Points(int n, long seed) {
        Random rnd = new Random(seed);
        G1Jacobian step = G1Affine.GENERATOR.toJacobian().mul(Fr.random(rnd));
        G1Jacobian p = G1Affine.GENERATOR.toJacobian().mul(Fr.random(rnd));
        G1Jacobian[] out = new G1Jacobian[n];
        for (int i = 0; i < n; i++) {
            out[i] = p;
            p = p.add(step);
        }
        return G1Jacobian.batchToAffine(out);
    }

    public static G2Affine[] g2Points(int n, long seed) {
        Random rnd = new Random(seed);
        G2Jacobian step = G2Affine.GENERATOR.toJacobian().mul(Fr.random(rnd));
        G2Jacobian p = G2Affine.GENERATOR.toJacobian().mul(Fr.random(rnd));
        G2Jacobian[] out = new G2Jacobian[n];
        for (int i = 0; i < n; i++) {
            out[i] = p;
            p = p.add(step);
        }
        return G2Jacobian.batchToAffine(out);
    }

    /** n uniform scalars as plain canonical limbs, 4 per scalar (the prover's MSM input). */
    public static long[] plainScalars(int n, long seed) {
        Random rnd = new Random(seed);
        long[] k = new long[4 * n];
        for (int i = 0; i < n; i++) {
            Fr.random(rnd).writeMont(k, 4 * i);
            Fr.fromMont(k, 4 * i);
        }
        return k;
    }

    /** n uniform elements in Montgomery form (an NTT buffer). */
    public static long[] montElements(int n, long seed) {
        Random rnd = new Random(seed);
        long[] a = new long[4 * n];
        for (int i = 0; i < n; i++) Fr.random(rnd).writeMont(a, 4 * i);
        return a;
    }
}
