package io.zkmargin.verifier;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.groth16.VerifyingKey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Binary verifying key, format "ZKVK" version 1 (see docs/KEY-FORMAT.md): magic, u16 version,
 * u16 curve id (1 = BN254), u32 IC count, alpha (G1), beta, gamma, delta (G2), IC points (G1), all
 * in EIP-196/197 raw byte order, big-endian integers, then SHA-256 of everything before it.
 */
public final class VerifyingKeyEncoding {
    public static final byte[] MAGIC = "ZKVK".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    public static final int CURVE_BN254 = 1;
    private static final int HEADER = 4 + 2 + 2 + 4;
    private static final int DIGEST = 32;
    /** Far above any real circuit's public-input count; bounds allocation on hostile input. */
    private static final int MAX_IC = 1 << 20;

    private VerifyingKeyEncoding() {
    }

    public static byte[] encode(VerifyingKey vk) {
        int n = vk.ic().size();
        byte[] out = new byte[HEADER + RawPoints.G1_BYTES + 3 * RawPoints.G2_BYTES + n * RawPoints.G1_BYTES + DIGEST];
        ByteBuffer bb = ByteBuffer.wrap(out);
        bb.put(MAGIC).putShort((short) VERSION).putShort((short) CURVE_BN254).putInt(n);
        int off = HEADER;
        RawPoints.writeG1(vk.alpha(), out, off);
        off += RawPoints.G1_BYTES;
        for (G2Affine p : new G2Affine[] {vk.beta(), vk.gamma(), vk.delta()}) {
            RawPoints.writeG2(p, out, off);
            off += RawPoints.G2_BYTES;
        }
        for (G1Affine p : vk.ic()) {
            RawPoints.writeG1(p, out, off);
            off += RawPoints.G1_BYTES;
        }
        System.arraycopy(sha256(out, 0, off), 0, out, off, DIGEST);
        return out;
    }

    /** Decodes and fully validates; any truncation, corruption or unknown header throws. */
    public static VerifyingKey decode(byte[] in) {
        if (in == null || in.length < HEADER + DIGEST) {
            throw new IllegalArgumentException("verifying key is truncated (" + (in == null ? 0 : in.length) + " bytes)");
        }
        if (!Arrays.equals(in, 0, 4, MAGIC, 0, 4)) {
            throw new IllegalArgumentException("not a zkmargin verifying key (bad magic)");
        }
        ByteBuffer bb = ByteBuffer.wrap(in, 4, HEADER - 4);
        int version = Short.toUnsignedInt(bb.getShort());
        int curve = Short.toUnsignedInt(bb.getShort());
        long n = Integer.toUnsignedLong(bb.getInt());
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported verifying key version " + version + " (expected " + VERSION + ")");
        }
        if (curve != CURVE_BN254) {
            throw new IllegalArgumentException("verifying key is for curve id " + curve + ", expected BN254 (" + CURVE_BN254 + ")");
        }
        if (n < 1 || n > MAX_IC) {
            throw new IllegalArgumentException("verifying key IC count " + n + " is out of range");
        }
        long expected = HEADER + RawPoints.G1_BYTES + 3L * RawPoints.G2_BYTES + n * RawPoints.G1_BYTES + DIGEST;
        if (in.length != expected) {
            throw new IllegalArgumentException("verifying key has " + in.length + " bytes, expected " + expected
                    + (in.length < expected ? " (truncated)" : " (trailing data)"));
        }
        int body = in.length - DIGEST;
        if (!MessageDigest.isEqual(sha256(in, 0, body), Arrays.copyOfRange(in, body, in.length))) {
            throw new IllegalArgumentException("verifying key checksum mismatch (corrupted)");
        }
        int off = HEADER;
        G1Affine alpha = RawPoints.readG1(in, off);
        off += RawPoints.G1_BYTES;
        G2Affine[] g2 = new G2Affine[3];
        for (int i = 0; i < 3; i++) {
            g2[i] = RawPoints.readG2(in, off);
            off += RawPoints.G2_BYTES;
        }
        List<G1Affine> ic = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            ic.add(RawPoints.readG1(in, off));
            off += RawPoints.G1_BYTES;
        }
        return VerifyingKey.of(alpha, g2[0], g2[1], g2[2], ic);
    }

    static byte[] sha256(byte[] b, int off, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b, off, len);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
