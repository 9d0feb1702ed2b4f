package io.zkmargin.crypto.encoding;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import java.util.Optional;

/**
 * gnark-crypto BN254 point encodings. Compressed: G1 32 bytes (x), G2 64 bytes (x.c1 || x.c0),
 * with flags in the top two bits of byte 0 (free because p < 2^254): 0b10 the smaller y, 0b11 the
 * larger y (y > (p-1)/2; for Fp2 compare c1, or c0 when c1 = 0), 0b01 infinity (all other bits
 * zero). Raw: identical to {@link Eip196} with flag bits 0b00. {@link #decodeG1}/{@link #decodeG2}
 * accept either form, dispatching on length and flags.
 */
public final class Gnark {
    public static final int G1_COMPRESSED_BYTES = 32;
    public static final int G2_COMPRESSED_BYTES = 64;

    static final int MASK = 0b11 << 6;
    static final int UNCOMPRESSED = 0;
    static final int INFINITY = 0b01 << 6;
    static final int SMALLEST = 0b10 << 6;
    static final int LARGEST = 0b11 << 6;

    private Gnark() {}

    public static byte[] encodeG1Compressed(G1Affine p) {
        byte[] out = new byte[G1_COMPRESSED_BYTES];
        if (p.isInfinity()) {
            out[0] = (byte) INFINITY;
            return out;
        }
        System.arraycopy(p.x().toBytesBE(), 0, out, 0, 32);
        out[0] |= (byte) (p.y().isLexicographicallyLargest() ? LARGEST : SMALLEST);
        return out;
    }

    public static byte[] encodeG2Compressed(G2Affine p) {
        byte[] out = new byte[G2_COMPRESSED_BYTES];
        if (p.isInfinity()) {
            out[0] = (byte) INFINITY;
            return out;
        }
        System.arraycopy(p.x().c1().toBytesBE(), 0, out, 0, 32);
        System.arraycopy(p.x().c0().toBytesBE(), 0, out, 32, 32);
        out[0] |= (byte) (p.y().isLexicographicallyLargest() ? LARGEST : SMALLEST);
        return out;
    }

    /** Raw G1 (64 bytes, same as EIP-196). */
    public static byte[] encodeG1Raw(G1Affine p) {
        return Eip196.encodeG1(p);
    }

    /** Raw G2 (128 bytes, same as EIP-197). */
    public static byte[] encodeG2Raw(G2Affine p) {
        return Eip196.encodeG2(p);
    }

    /** Decodes a 32-byte compressed or 64-byte raw G1 point. */
    public static G1Affine decodeG1(byte[] in) {
        if (in == null) throw new EncodingException("G1 encoding is null");
        if (in.length == G1_COMPRESSED_BYTES) return decodeG1Compressed(in);
        if (in.length == Eip196.G1_BYTES) {
            int flag = in[0] & MASK;
            if (flag != UNCOMPRESSED) throw new EncodingException("raw G1 encoding has compression flag bits set: " + flagName(flag));
            return Eip196.decodeG1(in, 0);
        }
        throw new EncodingException("G1 encoding must be 32 (compressed) or 64 (raw) bytes, got " + in.length);
    }

    /** Decodes a 64-byte compressed or 128-byte raw G2 point. */
    public static G2Affine decodeG2(byte[] in) {
        if (in == null) throw new EncodingException("G2 encoding is null");
        if (in.length == G2_COMPRESSED_BYTES) return decodeG2Compressed(in);
        if (in.length == Eip196.G2_BYTES) {
            int flag = in[0] & MASK;
            if (flag != UNCOMPRESSED) throw new EncodingException("raw G2 encoding has compression flag bits set: " + flagName(flag));
            return Eip196.decodeG2(in, 0);
        }
        throw new EncodingException("G2 encoding must be 64 (compressed) or 128 (raw) bytes, got " + in.length);
    }

    /** Decodes exactly 32 compressed bytes. */
    public static G1Affine decodeG1Compressed(byte[] in) {
        Eip196.requireLength(in, G1_COMPRESSED_BYTES, "compressed G1");
        int flag = in[0] & MASK;
        byte[] x = in.clone();
        x[0] &= (byte) ~MASK;
        if (flag == INFINITY) {
            if (!Eip196.allZero(x, 0, x.length)) throw new EncodingException("compressed G1 infinity must have all other bits zero");
            return G1Affine.INFINITY;
        }
        if (flag != SMALLEST && flag != LARGEST) {
            throw new EncodingException("compressed G1 encoding has invalid flag " + flagName(flag));
        }
        Fp fx = Eip196.fp(x, 0, "compressed G1 x");
        Optional<Fp> y = fx.square().mul(fx).add(Fp.of(3)).sqrt();
        if (y.isEmpty()) throw new EncodingException("compressed G1 x is not the x-coordinate of a curve point");
        Fp fy = y.get();
        if (fy.isLexicographicallyLargest() != (flag == LARGEST)) fy = fy.neg();
        return G1Affine.of(fx, fy);
    }

    /** Decodes exactly 64 compressed bytes; checks subgroup membership. */
    public static G2Affine decodeG2Compressed(byte[] in) {
        Eip196.requireLength(in, G2_COMPRESSED_BYTES, "compressed G2");
        int flag = in[0] & MASK;
        byte[] x = in.clone();
        x[0] &= (byte) ~MASK;
        if (flag == INFINITY) {
            if (!Eip196.allZero(x, 0, x.length)) throw new EncodingException("compressed G2 infinity must have all other bits zero");
            return G2Affine.INFINITY;
        }
        if (flag != SMALLEST && flag != LARGEST) {
            throw new EncodingException("compressed G2 encoding has invalid flag " + flagName(flag));
        }
        Fp2 fx = Fp2.of(Eip196.fp(x, 32, "compressed G2 x.c0"), Eip196.fp(x, 0, "compressed G2 x.c1"));
        Optional<Fp2> y = fx.square().mul(fx).add(G2Affine.B).sqrt();
        if (y.isEmpty()) throw new EncodingException("compressed G2 x is not the x-coordinate of a twist point");
        Fp2 fy = y.get();
        if (fy.isLexicographicallyLargest() != (flag == LARGEST)) fy = fy.neg();
        return checkedG2(fx, fy);
    }

    static G2Affine checkedG2(Fp2 x, Fp2 y) {
        if (!y.square().equals(x.square().mul(x).add(G2Affine.B))) {
            throw new EncodingException("G2 point is not on the twist y^2 = x^3 + 3/(9+u)");
        }
        try {
            return G2Affine.of(x, y);
        } catch (IllegalArgumentException e) {
            throw new EncodingException("G2 point is not in the order-r subgroup");
        }
    }

    private static String flagName(int flag) {
        return "0b" + Integer.toBinaryString((flag >> 6) | 0b100).substring(1);
    }
}
