package io.zkmargin.crypto.encoding;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;

/**
 * EIP-196/197 point encodings: field elements as 32-byte big-endian integers; G1 = x || y
 * (64 bytes), G2 = x.c1 || x.c0 || y.c1 || y.c0 (128 bytes, imaginary part first); the point at
 * infinity is all zero. These are also gnark's raw (uncompressed) encodings.
 */
public final class Eip196 {
    public static final int G1_BYTES = 64;
    public static final int G2_BYTES = 128;

    private Eip196() {}

    public static byte[] encodeG1(G1Affine p) {
        byte[] out = new byte[G1_BYTES];
        if (p.isInfinity()) return out;
        System.arraycopy(p.x().toBytesBE(), 0, out, 0, 32);
        System.arraycopy(p.y().toBytesBE(), 0, out, 32, 32);
        return out;
    }

    public static byte[] encodeG2(G2Affine p) {
        byte[] out = new byte[G2_BYTES];
        if (p.isInfinity()) return out;
        System.arraycopy(p.x().c1().toBytesBE(), 0, out, 0, 32);
        System.arraycopy(p.x().c0().toBytesBE(), 0, out, 32, 32);
        System.arraycopy(p.y().c1().toBytesBE(), 0, out, 64, 32);
        System.arraycopy(p.y().c0().toBytesBE(), 0, out, 96, 32);
        return out;
    }

    /** Decodes exactly 64 bytes. */
    public static G1Affine decodeG1(byte[] in) {
        requireLength(in, G1_BYTES, "G1");
        return decodeG1(in, 0);
    }

    /** Decodes 64 bytes at {@code off}; rejects coordinates >= p and points off the curve. */
    public static G1Affine decodeG1(byte[] in, int off) {
        requireRange(in, off, G1_BYTES, "G1");
        if (allZero(in, off, G1_BYTES)) return G1Affine.INFINITY;
        Fp x = fp(in, off, "G1 x");
        Fp y = fp(in, off + 32, "G1 y");
        try {
            return G1Affine.of(x, y);
        } catch (IllegalArgumentException e) {
            throw new EncodingException("G1 point is not on the curve y^2 = x^3 + 3");
        }
    }

    /** Decodes exactly 128 bytes. */
    public static G2Affine decodeG2(byte[] in) {
        requireLength(in, G2_BYTES, "G2");
        return decodeG2(in, 0);
    }

    /** Decodes 128 bytes at {@code off}; rejects coordinates >= p, off-twist points and points outside G2. */
    public static G2Affine decodeG2(byte[] in, int off) {
        requireRange(in, off, G2_BYTES, "G2");
        if (allZero(in, off, G2_BYTES)) return G2Affine.INFINITY;
        Fp2 x = Fp2.of(fp(in, off + 32, "G2 x.c0"), fp(in, off, "G2 x.c1"));
        Fp2 y = Fp2.of(fp(in, off + 96, "G2 y.c0"), fp(in, off + 64, "G2 y.c1"));
        return Gnark.checkedG2(x, y);
    }

    static Fp fp(byte[] in, int off, String what) {
        try {
            return Fp.fromBytesBE(in, off, 32);
        } catch (IllegalArgumentException e) {
            throw new EncodingException(what + " coordinate is not below the field modulus p");
        }
    }

    static boolean allZero(byte[] in, int off, int len) {
        int acc = 0;
        for (int i = 0; i < len; i++) acc |= in[off + i];
        return acc == 0;
    }

    static void requireLength(byte[] in, int len, String what) {
        if (in == null) throw new EncodingException(what + " encoding is null");
        if (in.length != len) {
            throw new EncodingException(what + " encoding must be " + len + " bytes, got " + in.length);
        }
    }

    static void requireRange(byte[] in, int off, int len, String what) {
        if (in == null) throw new EncodingException(what + " encoding is null");
        if (off < 0 || off > in.length - len) {
            throw new EncodingException(what + " encoding needs " + len + " bytes at offset " + off
                    + ", buffer has " + in.length);
        }
    }
}
