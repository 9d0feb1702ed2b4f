package io.zkmargin.crypto.precompile;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.encoding.Eip196;
import io.zkmargin.crypto.encoding.EncodingException;
import io.zkmargin.crypto.pairing.Pairing;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * EIP-196/197 semantics: ecAdd and ecMul read a fixed-size input, zero-padding a shorter one on
 * the right and ignoring bytes past it; ecPairing needs a multiple of 192 bytes (empty input gives
 * 1). Coordinates must be below p, points on the curve (or (0, 0) for infinity) and G2 points in
 * the subgroup, otherwise the call fails with {@link PrecompileException}. Inputs are not modified.
 */
public final class Bn254Precompiles {
    public static final int ADD_INPUT = 128;
    public static final int MUL_INPUT = 96;
    public static final int PAIR_CHUNK = 192;

    private Bn254Precompiles() {}

    /** Precompile 0x06: 64-byte sum of two G1 points. */
    public static byte[] ecAdd(byte[] in) {
        byte[] b = padded(in, ADD_INPUT);
        G1Affine p = g1(b, 0, "ecAdd first point");
        G1Affine q = g1(b, 64, "ecAdd second point");
        return Eip196.encodeG1(p.add(q));
    }

    /** Precompile 0x07: 64-byte [k]P for a 256-bit unsigned scalar k (any value). */
    public static byte[] ecMul(byte[] in) {
        byte[] b = padded(in, MUL_INPUT);
        G1Affine p = g1(b, 0, "ecMul point");
        BigInteger k = new BigInteger(1, Arrays.copyOfRange(b, 64, 96));
        return Eip196.encodeG1(p.mul(k));
    }

    /** Precompile 0x08: 32-byte 1 if the product of the pairings is 1, else 0. */
    public static byte[] ecPairing(byte[] in) {
        Objects.requireNonNull(in, "input");
        if (in.length % PAIR_CHUNK != 0) {
            throw new PrecompileException("ecPairing input length " + in.length + " is not a multiple of 192");
        }
        int n = in.length / PAIR_CHUNK;
        G1Affine[] ps = new G1Affine[n];
        G2Affine[] qs = new G2Affine[n];
        for (int i = 0; i < n; i++) {
            ps[i] = g1(in, i * PAIR_CHUNK, "ecPairing pair " + i + " G1");
            try {
                qs[i] = Eip196.decodeG2(in, i * PAIR_CHUNK + 64);
            } catch (EncodingException e) {
                throw new PrecompileException("ecPairing pair " + i + " G2: " + e.getMessage(), e);
            }
        }
        byte[] out = new byte[32];
        if (Pairing.productIsOne(ps, qs)) out[31] = 1;
        return out;
    }

    private static G1Affine g1(byte[] b, int off, String what) {
        try {
            return Eip196.decodeG1(b, off);
        } catch (EncodingException e) {
            throw new PrecompileException(what + ": " + e.getMessage(), e);
        }
    }

    private static byte[] padded(byte[] in, int len) {
        Objects.requireNonNull(in, "input");
        return Arrays.copyOf(in, len); // zero-pads short input, truncates long input
    }
}
