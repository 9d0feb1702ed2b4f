package io.zkmargin.crypto.msm;

import io.zkmargin.crypto.Workers;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.G2Jacobian;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import io.zkmargin.crypto.field.Fr;
import java.util.Objects;

/**
 * Multi-scalar multiplication sum_i k_i * P_i on G1 and G2 (Pippenger, signed digits; batched affine
 * buckets for large inputs, XYZZ buckets otherwise).
 *
 * <p>By default all cores work on one MSM (parallel over windows); the overloads with
 * {@code threads} cap that (1 = the calling thread only). Zero scalars and points at infinity are
 * dropped before any curve arithmetic. The naive variants (sum of scalar multiplications) are slow
 * references for tests.
 */
public final class Msm {
    private Msm() {}

    /** Threads used when none are given: one per core. */
    public static int defaultThreads() {
        return Workers.CORES;
    }

    // ------------------------------------------------------------------ G1

    public static G1Jacobian g1(G1Affine[] points, Fr[] scalars) {
        return g1(points, scalars, defaultThreads());
    }

    public static G1Jacobian g1(G1Affine[] points, Fr[] scalars, int threads) {
        checkPair(points, scalars, threads);
        G1Packed packed = G1Packed.from(points);
        return g1Result(Pippenger.msm(G1Xyzz.INSTANCE, packed.data(), plainLimbs(scalars), scalars.length, threads));
    }

    /**
     * The MSM of the first n packed points with n scalars given as plain (non-Montgomery) canonical
     * little-endian limbs, 4 per scalar (as {@link Fr#fromMont} leaves them); throws
     * IllegalArgumentException for a scalar not below r.
     */
    public static G1Jacobian g1(G1Packed points, long[] scalars, int n) {
        return g1(points, scalars, n, defaultThreads());
    }

    public static G1Jacobian g1(G1Packed points, long[] scalars, int n, int threads) {
        Objects.requireNonNull(points, "points");
        checkPacked(points.size(), scalars, n, threads);
        return g1Result(Pippenger.msm(G1Xyzz.INSTANCE, points.data(), scalars, n, threads));
    }

    /** Reference: sum of scalar multiplications. */
    public static G1Jacobian g1Naive(G1Affine[] points, Fr[] scalars) {
        checkPair(points, scalars, 1);
        G1Jacobian acc = G1Jacobian.INFINITY;
        for (int i = 0; i < points.length; i++) acc = acc.add(points[i].toJacobian().mul(scalars[i]));
        return acc;
    }

    private static G1Jacobian g1Result(long[] xyzz) {
        G1Xyzz cv = G1Xyzz.INSTANCE;
        if (cv.isInfinity(xyzz, 0)) return G1Jacobian.INFINITY;
        long[] r = new long[cv.affine];
        cv.toAffine(r, 0, xyzz, 0, new long[cv.scratch]);
        return G1Affine.of(Fp.readMont(r, 0), Fp.readMont(r, 4)).toJacobian();
    }

    // ------------------------------------------------------------------ G2

    public static G2Jacobian g2(G2Affine[] points, Fr[] scalars) {
        return g2(points, scalars, defaultThreads());
    }

    public static G2Jacobian g2(G2Affine[] points, Fr[] scalars, int threads) {
        checkPair(points, scalars, threads);
        G2Packed packed = G2Packed.from(points);
        return g2Result(Pippenger.msm(G2Xyzz.INSTANCE, packed.data(), plainLimbs(scalars), scalars.length, threads));
    }

    /** As {@link #g1(G1Packed, long[], int)} on G2. */
    public static G2Jacobian g2(G2Packed points, long[] scalars, int n) {
        return g2(points, scalars, n, defaultThreads());
    }

    public static G2Jacobian g2(G2Packed points, long[] scalars, int n, int threads) {
        Objects.requireNonNull(points, "points");
        checkPacked(points.size(), scalars, n, threads);
        return g2Result(Pippenger.msm(G2Xyzz.INSTANCE, points.data(), scalars, n, threads));
    }

    /** Reference: sum of scalar multiplications. */
    public static G2Jacobian g2Naive(G2Affine[] points, Fr[] scalars) {
        checkPair(points, scalars, 1);
        G2Jacobian acc = G2Jacobian.INFINITY;
        for (int i = 0; i < points.length; i++) acc = acc.add(points[i].toJacobian().mul(scalars[i]));
        return acc;
    }

    private static G2Jacobian g2Result(long[] xyzz) {
        G2Xyzz cv = G2Xyzz.INSTANCE;
        if (cv.isInfinity(xyzz, 0)) return G2Jacobian.INFINITY;
        long[] r = new long[cv.affine];
        cv.toAffine(r, 0, xyzz, 0, new long[cv.scratch]);
        return G2Affine.of(Fp2.read(r, 0), Fp2.read(r, 8)).toJacobian();
    }

    // ------------------------------------------------------------------ checks

    private static void checkPair(Object[] points, Fr[] scalars, int threads) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(scalars, "scalars");
        if (points.length != scalars.length) {
            throw new IllegalArgumentException("points and scalars differ in length: " + points.length + " vs " + scalars.length);
        }
        checkThreads(threads);
    }

    private static void checkPacked(int size, long[] scalars, int n, int threads) {
        Objects.requireNonNull(scalars, "scalars");
        if (n < 0 || n > size) throw new IllegalArgumentException("n must be in [0, " + size + "], got " + n);
        if (scalars.length < 4L * n) {
            throw new IllegalArgumentException("need 4*" + n + " scalar limbs, got " + scalars.length);
        }
        checkThreads(threads);
    }

    private static void checkThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    private static long[] plainLimbs(Fr[] scalars) {
        long[] k = new long[4 * scalars.length];
        for (int i = 0; i < scalars.length; i++) {
            if (scalars[i] == null) throw new NullPointerException("scalar " + i + " is null");
            scalars[i].writeMont(k, 4 * i);
            Fr.fromMont(k, 4 * i);
        }
        return k;
    }
}
