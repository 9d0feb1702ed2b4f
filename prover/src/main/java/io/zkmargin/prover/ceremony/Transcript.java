package io.zkmargin.prover.ceremony;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.verifier.RawPoints;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A phase-2 ceremony transcript: the R1CS digest, the hash of the start key (derived from phase 1 and the
 * circuit), the current key and the contributions in order. File format "ZKCT" version 1 (docs/CEREMONY.md):
 * big-endian header, length-prefixed contribution records, the "ZKP2" key, SHA-256 of everything before it.
 * The transcript hash chains the contributions: h0 = SHA-256(tag, r1csDigest, startKeyHash),
 * h_i = SHA-256(h_(i-1), record_i); each proof of knowledge is bound to h_(i-1).
 */
public final class Transcript {
    static final byte[] MAGIC = "ZKCT".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final byte[] TAG = "zkmargin/ceremony/v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] r1csDigest;
    private final byte[] startKeyHash;
    private final Phase2Key key;
    private final List<Contribution> contributions;

    Transcript(byte[] r1csDigest, byte[] startKeyHash, Phase2Key key, List<Contribution> contributions) {
        if (r1csDigest.length != 32 || startKeyHash.length != 32) {
            throw new IllegalArgumentException("digests must be 32 bytes");
        }
        if (!Arrays.equals(r1csDigest, key.r1csDigest())) {
            throw new IllegalArgumentException("transcript key is for another R1CS than the transcript header says");
        }
        this.r1csDigest = r1csDigest.clone();
        this.startKeyHash = startKeyHash.clone();
        this.key = Objects.requireNonNull(key);
        this.contributions = List.copyOf(contributions);
    }

    public byte[] r1csDigest() {
        return r1csDigest.clone();
    }

    public byte[] startKeyHash() {
        return startKeyHash.clone();
    }

    public List<Contribution> contributions() {
        return contributions;
    }

    Phase2Key key() {
        return key;
    }

    /** The chained hash after the first count contributions. */
    byte[] hashAfter(int count) {
        byte[] h = Phase2Key.sha256(TAG, r1csDigest, startKeyHash);
        for (int i = 0; i < count; i++) {
            h = Phase2Key.sha256(h, contributions.get(i).encode());
        }
        return h;
    }

    /** The transcript hash after all contributions: what contributors publish and auditors compare. */
    public byte[] hash() {
        return hashAfter(contributions.size());
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash());
    }

    Transcript append(Phase2Key newKey, Contribution c) {
        List<Contribution> all = new ArrayList<>(contributions);
        all.add(c);
        return new Transcript(r1csDigest, startKeyHash, newKey, all);
    }

    public byte[] encode() {
        byte[] k = key.encode();
        List<byte[]> recs = new ArrayList<>();
        long size = 4 + 2 + 2 + 32 + 32 + 4 + 4L + k.length + 32;
        for (Contribution c : contributions) {
            byte[] r = c.encode();
            recs.add(r);
            size += 4 + r.length;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("transcript too large for a single-array encoding");
        }
        ByteBuffer bb = ByteBuffer.allocate((int) size);
        bb.put(MAGIC).putShort((short) VERSION).putShort((short) 0).put(r1csDigest).put(startKeyHash);
        bb.putInt(recs.size());
        for (byte[] r : recs) {
            bb.putInt(r.length).put(r);
        }
        bb.putInt(k.length).put(k);
        byte[] out = bb.array();
        System.arraycopy(Phase2Key.sha256(Arrays.copyOf(out, bb.position())), 0, out, bb.position(), 32);
        return out;
    }

    /** Decodes a transcript; bad magic, version, checksum, lengths or points throw IllegalArgumentException. */
    public static Transcript decode(byte[] in) {
        Objects.requireNonNull(in, "in");
        if (in.length < 4 + 2 + 2 + 64 + 8 + 32 || !Arrays.equals(in, 0, 4, MAGIC, 0, 4)) {
            throw new IllegalArgumentException("not a ceremony transcript (bad magic or too short)");
        }
        int body = in.length - 32;
        if (!MessageDigest.isEqual(Phase2Key.sha256(Arrays.copyOf(in, body)), Arrays.copyOfRange(in, body, in.length))) {
            throw new IllegalArgumentException("transcript checksum mismatch (truncated or corrupted file)");
        }
        ByteBuffer bb = ByteBuffer.wrap(in, 0, body);
        bb.position(4);
        int version = Short.toUnsignedInt(bb.getShort());
        bb.getShort();
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported transcript version " + version + " (expected " + VERSION + ")");
        }
        try {
            byte[] digest = new byte[32];
            byte[] start = new byte[32];
            bb.get(digest).get(start);
            int count = bb.getInt();
            if (count < 0 || count > 100_000) {
                throw new IllegalArgumentException("transcript contribution count out of range");
            }
            List<Contribution> cs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int len = bb.getInt();
                if (len < 0 || len > bb.remaining()) {
                    throw new IllegalArgumentException("transcript contribution " + i + " is truncated");
                }
                byte[] r = new byte[len];
                bb.get(r);
                cs.add(decodeContribution(r, i));
            }
            int klen = bb.getInt();
            if (klen != bb.remaining()) {
                throw new IllegalArgumentException("transcript key length does not match the file");
            }
            byte[] k = new byte[klen];
            bb.get(k);
            return new Transcript(digest, start, Phase2Key.decode(k), cs);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("transcript is truncated", e);
        }
    }

    private static Contribution decodeContribution(byte[] r, int index) {
        ByteBuffer bb = ByteBuffer.wrap(r);
        int kind = bb.get();
        if (kind != 0 && kind != 1) {
            throw new IllegalArgumentException("transcript contribution " + index + " has unknown kind " + kind);
        }
        int nlen = Short.toUnsignedInt(bb.getShort());
        byte[] n = new byte[nlen];
        bb.get(n);
        byte[] p1 = new byte[RawPoints.G1_BYTES];
        bb.get(p1);
        G1Affine deltaAfter = RawPoints.readG1(p1, 0);
        bb.get(p1);
        G1Affine s = RawPoints.readG1(p1, 0);
        byte[] p2 = new byte[RawPoints.G2_BYTES];
        bb.get(p2);
        G2Affine rDelta = RawPoints.readG2(p2, 0);
        byte[] beacon = null;
        int exp = 0;
        if (kind == 1) {
            exp = Byte.toUnsignedInt(bb.get());
            beacon = new byte[Short.toUnsignedInt(bb.getShort())];
            bb.get(beacon);
        }
        if (bb.hasRemaining()) {
            throw new IllegalArgumentException("transcript contribution " + index + " has trailing bytes");
        }
        return new Contribution(new String(n, StandardCharsets.UTF_8), deltaAfter, s, rDelta, beacon, exp);
    }

    /** Writes atomically (temp file then rename) so a crash never leaves half a transcript. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, encode());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Transcript read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    @Override
    public String toString() {
        return "Transcript{contributions=" + contributions.size() + ", wires=" + key.nWires + ", domain=2^" + key.log + "}";
    }
}
