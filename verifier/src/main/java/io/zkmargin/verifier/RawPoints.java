package io.zkmargin.verifier;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;

/**
 * Uncompressed point bytes in EIP-196/197 order: G1 = x || y (64 bytes), G2 = x.c1 || x.c0 || y.c1 ||
 * y.c0 (128 bytes), coordinates 32 bytes big-endian, infinity all zero. Decoding validates fully.
 */
public final class RawPoints {
    public static final int G1_BYTES = 64;
    public static final int G2_BYTES = 128;

    private RawPoints() {
    }

    public static void writeG1(G1Affine p, byte[] out, int off) {
        if (p.isInfinity()) {
            java.util.Arrays.fill(out, off, off + G1_BYTES, (byte) 0);
            return;
        }
        System.arraycopy(p.x().toBytesBE(), 0, out, off, 32);
        System.arraycopy(p.y().toBytesBE(), 0, out, off + 32, 32);
    }

    public static void writeG2(G2Affine p, byte[] out, int off) {
        if (p.isInfinity()) {
            java.util.Arrays.fill(out, off, off + G2_BYTES, (byte) 0);
            return;
        }
        System.arraycopy(p.x().c1().toBytesBE(), 0, out, off, 32);
        System.arraycopy(p.x().c0().toBytesBE(), 0, out, off + 32, 32);
        System.arraycopy(p.y().c1().toBytesBE(), 0, out, off + 64, 32);
        System.arraycopy(p.y().c0().toBytesBE(), 0, out, off + 96, 32);
    }

    /** Reads 64 bytes; throws if a coordinate is not below p or the point is off the curve. */
    public static G1Affine readG1(byte[] in, int off) {
        if (allZero(in, off, G1_BYTES)) {
            return G1Affine.INFINITY;
        }
        return G1Affine.of(Fp.fromBytesBE(in, off, 32), Fp.fromBytesBE(in, off + 32, 32));
    }

    /** Reads 128 bytes; throws if a coordinate is not below p, off the twist or outside the subgroup. */
    public static G2Affine readG2(byte[] in, int off) {
        if (allZero(in, off, G2_BYTES)) {
            return G2Affine.INFINITY;
        }
        Fp2 x = Fp2.of(Fp.fromBytesBE(in, off + 32, 32), Fp.fromBytesBE(in, off, 32));
        Fp2 y = Fp2.of(Fp.fromBytesBE(in, off + 96, 32), Fp.fromBytesBE(in, off + 64, 32));
        return G2Affine.of(x, y);
    }

    private static boolean allZero(byte[] b, int off, int len) {
        int acc = 0;
        for (int i = 0; i < len; i++) {
            acc |= b[off + i];
        }
        return acc == 0;
    }
}
