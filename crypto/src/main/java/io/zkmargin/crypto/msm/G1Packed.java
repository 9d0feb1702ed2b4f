package io.zkmargin.crypto.msm;

import io.zkmargin.crypto.curve.G1Affine;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable array of G1 affine points packed for the MSM: 8 longs per point (x then y, Montgomery
 * limbs); the all-zero point is infinity. Every point is on the curve (checked on construction).
 */
public final class G1Packed {
    /** Longs per point. */
    public static final int LONGS = 8;

    private final long[] data;

    private G1Packed(long[] data) {
        this.data = data;
    }

    /** Packs the given points (infinity allowed, null not). */
    public static G1Packed from(G1Affine[] points) {
        Objects.requireNonNull(points, "points");
        long[] d = new long[LONGS * points.length];
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null) throw new NullPointerException("point " + i + " is null");
            points[i].writePacked(d, LONGS * i);
        }
        return new G1Packed(d);
    }

    /**
     * Copies and validates packed limbs (as written by {@link G1Affine#writePacked}); throws
     * IllegalArgumentException naming the first point that is not reduced or not on the curve.
     */
    public static G1Packed of(long[] limbs) {
        Objects.requireNonNull(limbs, "limbs");
        if (limbs.length % LONGS != 0) {
            throw new IllegalArgumentException("packed G1 length must be a multiple of 8 longs, got " + limbs.length);
        }
        long[] d = limbs.clone();
        for (int i = 0; i < d.length / LONGS; i++) {
            try {
                G1Affine.readPacked(d, LONGS * i);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("packed G1 point " + i + ": " + e.getMessage(), e);
            }
        }
        return new G1Packed(d);
    }

    public int size() {
        return data.length / LONGS;
    }

    public G1Affine get(int i) {
        Objects.checkIndex(i, size());
        return G1Affine.readPacked(data, LONGS * i);
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
        return o instanceof G1Packed && Arrays.equals(data, ((G1Packed) o).data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "G1Packed(" + size() + " points)";
    }
}
