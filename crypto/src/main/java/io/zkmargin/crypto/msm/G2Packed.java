package io.zkmargin.crypto.msm;

import io.zkmargin.crypto.curve.G2Affine;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable array of G2 affine points packed for the MSM: 16 longs per point (x.c0, x.c1, y.c0, y.c1, Montgomery
 * limbs); the all-zero point is infinity. Every point is on the twist and in the order-r subgroup (checked on construction).
 */
public final class G2Packed {
    /** Longs per point. */
    public static final int LONGS = 16;

    private final long[] data;

    private G2Packed(long[] data) {
        this.data = data;
    }

    /** Packs the given points (infinity allowed, null not). */
    public static G2Packed from(G2Affine[] points) {
        Objects.requireNonNull(points, "points");
        long[] d = new long[LONGS * points.length];
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null) throw new NullPointerException("point " + i + " is null");
            points[i].writePacked(d, LONGS * i);
        }
        return new G2Packed(d);
    }

    /**
     * Copies and validates packed limbs (as written by {@link G2Affine#writePacked}); throws
     * IllegalArgumentException naming the first point that is not reduced, not on the twist or not in the subgroup.
     */
    public static G2Packed of(long[] limbs) {
        Objects.requireNonNull(limbs, "limbs");
        if (limbs.length % LONGS != 0) {
            throw new IllegalArgumentException("packed G2 length must be a multiple of 16 longs, got " + limbs.length);
        }
        long[] d = limbs.clone();
        for (int i = 0; i < d.length / LONGS; i++) {
            try {
                G2Affine.readPacked(d, LONGS * i);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("packed G2 point " + i + ": " + e.getMessage(), e);
            }
        }
        return new G2Packed(d);
    }

    /**
     * Like {@link #of} but without the subgroup check (about 0.6 ms per point): for proving keys, whose file is
     * checksummed and whose points can only affect the prover's own proofs, never what a verifier accepts.
     */
    public static G2Packed ofOnCurve(long[] limbs) {
        Objects.requireNonNull(limbs, "limbs");
        if (limbs.length % LONGS != 0) {
            throw new IllegalArgumentException("packed G2 length must be a multiple of 16 longs, got " + limbs.length);
        }
        long[] d = limbs.clone();
        for (int i = 0; i < d.length / LONGS; i++) {
            try {
                G2Affine.readPackedOnCurve(d, LONGS * i);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("packed G2 point " + i + ": " + e.getMessage(), e);
            }
        }
        return new G2Packed(d);
    }

    public int size() {
        return data.length / LONGS;
    }

    public G2Affine get(int i) {
        Objects.checkIndex(i, size());
        return G2Affine.readPacked(data, LONGS * i);
    }

    /** A copy of the packed limbs. */
    public long[] toLongs() {
        return data.clone();
    }

    /** The backing array, for the MSM only: never modified. */
    long[] data() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G2Packed && Arrays.equals(data, ((G2Packed) o).data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "G2Packed(" + size() + " points)";
    }
}
