package io.zkmargin.crypto.msm;

/**
 * Point operations the bucket method needs, on buffers: affine points (x, y) and XYZZ buckets
 * (X, Y, ZZ, ZZZ) standing for (X/ZZ, Y/ZZZ) with ZZ^3 = ZZZ^2; ZZ = 0 is infinity. XYZZ is chosen
 * because a mixed addition costs 8M + 2S (Jacobian: 7M + 4S) and needs no doubling of Z.
 */
abstract class BucketCurve {
    /** Longs per coordinate (4 for Fp, 8 for Fp2). */
    final int coord;
    /** Longs per packed affine point. */
    final int affine;
    /** Longs per XYZZ bucket. */
    final int bucket;
    /** Scratch longs for one call. */
    final int scratch;

    BucketCurve(int coord, int scratch) {
        this.coord = coord;
        this.affine = 2 * coord;
        this.bucket = 4 * coord;
        this.scratch = scratch;
    }

    /** b += (neg ? -p : p) for the affine point p at pts[po..] (not infinity). */
    abstract void addAffine(long[] b, int bo, long[] pts, int po, boolean neg, long[] s);

    /** a += q, both XYZZ. */
    abstract void add(long[] a, int ao, long[] q, int qo, long[] s);

    /** a = 2a, XYZZ. */
    abstract void dbl(long[] a, int ao, long[] s);

    /** Writes the affine (x, y) of XYZZ point a to r[ro..]; all zero for infinity. */
    abstract void toAffine(long[] r, int ro, long[] a, int ao, long[] s);

    /** True if the packed point is all zero (infinity). */
    final boolean isInfinityAffine(long[] pts, int po) {
        long acc = 0;
        for (int i = 0; i < affine; i++) acc |= pts[po + i];
        return acc == 0;
    }

    final boolean isInfinity(long[] a, int ao) {
        long acc = 0;
        for (int i = 2 * coord; i < 3 * coord; i++) acc |= a[ao + i];
        return acc == 0;
    }

    final void setInfinity(long[] a, int ao) {
        java.util.Arrays.fill(a, ao, ao + bucket, 0L);
    }
}
