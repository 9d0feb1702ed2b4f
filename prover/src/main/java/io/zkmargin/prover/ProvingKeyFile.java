package io.zkmargin.prover;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.groth16.VerifyingKey;
import io.zkmargin.verifier.RawPoints;
import io.zkmargin.verifier.VerifyingKeyEncoding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Proving key file, format "ZKPK" version 1 (docs/KEY-FORMAT.md). Header integers are big-endian;
 * the verifying key is embedded in its own "ZKVK" encoding; the bulk query vectors are the packed
 * affine Montgomery limbs as little-endian 64-bit words (no conversion on load); the file ends with
 * SHA-256 of everything before it. Loading checks the checksum before parsing and every point after.
 */
public final class ProvingKeyFile {
    public static final byte[] MAGIC = "ZKPK".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    public static final int CURVE_BN254 = 1;
    private static final int HEADER = 4 + 2 + 2 + 4 * 4 + 32 + 4;
    private static final int DIGEST = 32;

    private ProvingKeyFile() {
    }

    public static void write(ProvingKey pk, Path file) throws IOException {
        Files.write(file, encode(pk));
    }

    public static ProvingKey read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    public static byte[] encode(ProvingKey pk) {
        byte[] vk = VerifyingKeyEncoding.encode(pk.verifyingKey());
        long[][] g1 = {pk.a.toLongs(), pk.b1.toLongs(), pk.l.toLongs(), pk.h.toLongs()};
        long[] g2 = pk.b2.toLongs();
        long words = g2.length;
        for (long[] q : g1) {
            words += q.length;
        }
        long size = HEADER + vk.length + 2L * RawPoints.G1_BYTES + 8 * words + DIGEST;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("proving key too large for a single-array encoding");
        }
        ByteBuffer bb = ByteBuffer.allocate((int) size);
        bb.put(MAGIC).putShort((short) VERSION).putShort((short) CURVE_BN254);
        bb.putInt(pk.wireCount()).putInt(pk.publicInputCount()).putInt(pk.constraintCount()).putInt(pk.domainLog());
        bb.put(pk.r1csDigest()).putInt(vk.length).put(vk);
        byte[] pt = new byte[RawPoints.G1_BYTES];
        RawPoints.writeG1(pk.beta1(), pt, 0);
        bb.put(pt);
        RawPoints.writeG1(pk.delta1(), pt, 0);
        bb.put(pt);
        bb.order(ByteOrder.LITTLE_ENDIAN);
        for (long[] q : new long[][] {g1[0], g1[1], g2, g1[2], g1[3]}) {
            bb.asLongBuffer().put(q);
            bb.position(bb.position() + 8 * q.length);
        }
        byte[] out = bb.array();
        System.arraycopy(sha256(out, 0, bb.position()), 0, out, bb.position(), DIGEST);
        return out;
    }

    /** Decodes a key; truncation, corruption, wrong magic, curve or version throw IllegalArgumentException. */
    public static ProvingKey decode(byte[] in) {
        if (in == null || in.length < HEADER + DIGEST) {
            throw new IllegalArgumentException("proving key file is truncated");
        }
        if (!Arrays.equals(in, 0, 4, MAGIC, 0, 4)) {
            throw new IllegalArgumentException("not a zkmargin proving key (bad magic)");
        }
        ByteBuffer bb = ByteBuffer.wrap(in);
        bb.position(4);
        int version = Short.toUnsignedInt(bb.getShort());
        int curve = Short.toUnsignedInt(bb.getShort());
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported proving key version " + version + " (expected " + VERSION + ")");
        }
        if (curve != CURVE_BN254) {
            throw new IllegalArgumentException("proving key is for curve id " + curve + ", expected BN254 (" + CURVE_BN254 + ")");
        }
        int body = in.length - DIGEST;
        if (!MessageDigest.isEqual(sha256(in, 0, body), Arrays.copyOfRange(in, body, in.length))) {
            throw new IllegalArgumentException("proving key checksum mismatch (truncated or corrupted file)");
        }
        long nWires = Integer.toUnsignedLong(bb.getInt());
        long nPub = Integer.toUnsignedLong(bb.getInt());
        long nCons = Integer.toUnsignedLong(bb.getInt());
        long log = Integer.toUnsignedLong(bb.getInt());
        if (log > 28 || nWires < 1 || nPub >= nWires || nWires > Integer.MAX_VALUE / 16) {
            throw new IllegalArgumentException("proving key header sizes are out of range");
        }
        byte[] digest = new byte[32];
        bb.get(digest);
        long vkLen = Integer.toUnsignedLong(bb.getInt());
        long n = 1L << log;
        long expected = HEADER + vkLen + 2L * RawPoints.G1_BYTES
                + 8L * (8 * nWires * 2 + 16 * nWires + 8 * (nWires - nPub - 1) + 8 * (n - 1)) + DIGEST;
        if (in.length != expected) {
            throw new IllegalArgumentException("proving key file has " + in.length + " bytes, header implies " + expected);
        }
        VerifyingKey vk = VerifyingKeyEncoding.decode(Arrays.copyOfRange(in, HEADER, HEADER + (int) vkLen));
        bb.position(HEADER + (int) vkLen);
        G1Affine beta1 = RawPoints.readG1(in, bb.position());
        G1Affine delta1 = RawPoints.readG1(in, bb.position() + RawPoints.G1_BYTES);
        bb.position(bb.position() + 2 * RawPoints.G1_BYTES);
        bb.order(ByteOrder.LITTLE_ENDIAN);
        int w = (int) nWires;
        G1Packed a = G1Packed.of(longs(bb, 8 * w));
        G1Packed b1 = G1Packed.of(longs(bb, 8 * w));
        G2Packed b2 = G2Packed.ofOnCurve(longs(bb, 16 * w));
        G1Packed l = G1Packed.of(longs(bb, 8 * (w - (int) nPub - 1)));
        G1Packed h = G1Packed.of(longs(bb, 8 * (int) (n - 1)));
        return new ProvingKey(vk, beta1, delta1, w, (int) nPub, (int) nCons, (int) log, digest, a, b1, b2, l, h);
    }

    private static long[] longs(ByteBuffer bb, int count) {
        long[] out = new long[count];
        bb.asLongBuffer().get(out);
        bb.position(bb.position() + 8 * count);
        return out;
    }

    private static byte[] sha256(byte[] b, int off, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b, off, len);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
