package io.zkmargin.verifier;

import io.zkmargin.crypto.encoding.Gnark;
import io.zkmargin.groth16.Proof;

import java.util.Arrays;

/**
 * Binary proofs: 128 bytes compressed (gnark's order and flags: A 32 || B 64 || C 32) or 256 bytes
 * raw (A 64 || B 128 || C 64 in EIP-196/197 byte order, as gnark writes it uncompressed). Decoding
 * validates every point (G2 in the subgroup) and throws IllegalArgumentException otherwise.
 */
public final class ProofEncoding {
    public static final int COMPRESSED_BYTES = 128;
    public static final int RAW_BYTES = 256;

    private ProofEncoding() {
    }

    public static byte[] compressed(Proof p) {
        byte[] out = new byte[COMPRESSED_BYTES];
        System.arraycopy(Gnark.encodeG1Compressed(p.a()), 0, out, 0, 32);
        System.arraycopy(Gnark.encodeG2Compressed(p.b()), 0, out, 32, 64);
        System.arraycopy(Gnark.encodeG1Compressed(p.c()), 0, out, 96, 32);
        return out;
    }

    public static byte[] raw(Proof p) {
        byte[] out = new byte[RAW_BYTES];
        RawPoints.writeG1(p.a(), out, 0);
        RawPoints.writeG2(p.b(), out, 64);
        RawPoints.writeG1(p.c(), out, 192);
        return out;
    }

    /** Decodes either form, chosen by length (128 compressed, 256 raw). */
    public static Proof decode(byte[] in) {
        if (in == null) {
            throw new IllegalArgumentException("proof bytes are null");
        }
        if (in.length == COMPRESSED_BYTES) {
            return Proof.of(Gnark.decodeG1Compressed(Arrays.copyOfRange(in, 0, 32)),
                    Gnark.decodeG2Compressed(Arrays.copyOfRange(in, 32, 96)),
                    Gnark.decodeG1Compressed(Arrays.copyOfRange(in, 96, 128)));
        }
        if (in.length == RAW_BYTES) {
            return Proof.of(Gnark.decodeG1(Arrays.copyOfRange(in, 0, 64)), Gnark.decodeG2(Arrays.copyOfRange(in, 64, 192)),
                    Gnark.decodeG1(Arrays.copyOfRange(in, 192, 256)));
        }
        throw new IllegalArgumentException("proof must be " + COMPRESSED_BYTES + " (compressed) or " + RAW_BYTES
                + " (raw) bytes, got " + in.length);
    }
}
