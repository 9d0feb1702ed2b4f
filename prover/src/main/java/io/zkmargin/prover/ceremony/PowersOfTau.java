package io.zkmargin.prover.ceremony;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.crypto.msm.Msm;
import io.zkmargin.crypto.pairing.Pairing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * Phase-1 powers of tau for BN254 at some power p: tau^i G1 for i &lt; 2^(p+1) - 1, tau^i G2, alpha tau^i G1,
 * beta tau^i G1 for i &lt; 2^p, and beta G2. Read from (and written to) the snarkjs/Hermez .ptau container:
 * "ptau", version 1, then typed sections; points are affine, little-endian, Montgomery form, which is
 * exactly our packed limb layout. Decoding validates every point (curve, G2 subgroup); {@link #check}
 * verifies that the powers are powers of one tau with pairings over random linear combinations.
 */
public final class PowersOfTau {
    static final byte[] MAGIC = "ptau".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_POWER = 28;

    private final int power;
    private final int ceremonyPower;
    private final G1Packed tauG1;
    private final G2Packed tauG2;
    private final G1Packed alphaTauG1;
    private final G1Packed betaTauG1;
    private final G2Affine betaG2;

    private PowersOfTau(int power, int ceremonyPower, G1Packed tauG1, G2Packed tauG2, G1Packed alphaTauG1,
            G1Packed betaTauG1, G2Affine betaG2) {
        this.power = power;
        this.ceremonyPower = ceremonyPower;
        this.tauG1 = tauG1;
        this.tauG2 = tauG2;
        this.alphaTauG1 = alphaTauG1;
        this.betaTauG1 = betaTauG1;
        this.betaG2 = betaG2;
    }

    public int power() {
        return power;
    }

    public int ceremonyPower() {
        return ceremonyPower;
    }

    G1Packed tauG1() {
        return tauG1;
    }

    G2Packed tauG2() {
        return tauG2;
    }

    G1Packed alphaTauG1() {
        return alphaTauG1;
    }

    G1Packed betaTauG1() {
        return betaTauG1;
    }

    G2Affine betaG2() {
        return betaG2;
    }

    /** Reads and validates a .ptau file (the consistency check is separate: {@link #check}). */
    public static PowersOfTau read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    /**
     * Reads only the first 2^maxPower powers (2^(maxPower+1) - 1 for tau G1) of a possibly much larger .ptau,
     * seeking over the rest, so a circuit of 2^16 constraints can use a public power-28 file without loading it.
     * A prefix of a valid phase 1 is a valid phase 1 of the smaller power.
     */
    public static PowersOfTau read(Path file, int maxPower) throws IOException {
        if (maxPower < 1 || maxPower > MAX_POWER) {
            throw new IllegalArgumentException("maxPower must be 1.." + MAX_POWER);
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            ByteBuffer head = readAt(ch, 0, 12);
            if (!Arrays.equals(Arrays.copyOf(head.array(), 4), MAGIC)) {
                throw new PtauFormatException("not a .ptau file (bad magic)");
            }
            int nSections = head.getInt(8);
            long[] pos = new long[7];
            long[] len = new long[7];
            Arrays.fill(pos, -1);
            long at = 12;
            for (int s = 0; s < nSections && s < 64; s++) {
                ByteBuffer sh = readAt(ch, at, 12);
                int type = sh.getInt(0);
                long size = sh.getLong(4);
                if (size < 0 || at + 12 + size > ch.size()) {
                    throw new PtauFormatException(".ptau section " + type + " runs past the end of the file (truncated?)");
                }
                if (type >= 1 && type <= 6 && pos[type] < 0) {
                    pos[type] = at + 12;
                    len[type] = size;
                }
                at += 12 + size;
            }
            for (int t = 1; t <= 6; t++) {
                if (pos[t] < 0) {
                    throw new PtauFormatException(".ptau file lacks section " + t);
                }
            }
            if (len[1] != 44) {
                throw new PtauFormatException(".ptau header section has " + len[1] + " bytes, expected 44");
            }
            ByteBuffer hdr = readAt(ch, pos[1], 44);
            int power = hdr.getInt(36);
            int ceremonyPower = hdr.getInt(40);
            if (power < 1 || power > MAX_POWER) {
                throw new PtauFormatException(".ptau header: power " + power + " out of range");
            }
            int p = Math.min(power, maxPower);
            long n = 1L << p;
            long[] want = {0, 44, 64 * (2 * n - 1), 128 * n, 64 * n, 64 * n, 128};
            long[] full = {0, 44, 64 * ((2L << power) - 1), 128L << power, 64L << power, 64L << power, 128};
            int total = 12;
            for (int t = 1; t <= 6; t++) {
                if (len[t] != full[t]) {
                    throw new PtauFormatException(".ptau section " + t + " has " + len[t] + " bytes, expected " + full[t]);
                }
                total += 12 + (int) want[t];
            }
            ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
            out.put(MAGIC).putInt(1).putInt(6);
            for (int t = 1; t <= 6; t++) {
                ByteBuffer sec = readAt(ch, pos[t], (int) want[t]);
                if (t == 1) {
                    sec.putInt(36, p);
                    sec.putInt(40, Math.max(ceremonyPower, p));
                }
                out.putInt(t).putLong(want[t]).put(sec.array());
            }
            return decode(out.array());
        }
    }

    private static ByteBuffer readAt(java.nio.channels.FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new PtauFormatException(".ptau file is truncated");
            }
        }
        b.flip();
        return b;
    }

    /**
     * Decodes a .ptau container. Extra sections (contributions, phase-2 Lagrange sections) are skipped;
     * a wrong magic, prime, power, section size or any invalid point throws {@link PtauFormatException}.
     */
    public static PowersOfTau decode(byte[] in) {
        Objects.requireNonNull(in, "in");
        if (in.length < 12 || !Arrays.equals(in, 0, 4, MAGIC, 0, 4)) {
            throw new PtauFormatException("not a .ptau file (bad magic)");
        }
        ByteBuffer bb = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
        bb.position(4);
        int version = bb.getInt();
        if (version != 1) {
            throw new PtauFormatException("unsupported .ptau version " + version);
        }
        int nSections = bb.getInt();
        long[] pos = new long[16];
        long[] len = new long[16];
        Arrays.fill(pos, -1);
        for (int s = 0; s < nSections; s++) {
            if (bb.remaining() < 12) {
                throw new PtauFormatException(".ptau file is truncated in the section table");
            }
            int type = bb.getInt();
            long size = bb.getLong();
            if (size < 0 || size > bb.remaining()) {
                throw new PtauFormatException(".ptau section " + type + " runs past the end of the file (truncated?)");
            }
            if (type >= 1 && type < 16) {
                if (pos[type] >= 0) {
                    throw new PtauFormatException(".ptau section " + type + " appears twice");
                }
                pos[type] = bb.position();
                len[type] = size;
            }
            bb.position(bb.position() + (int) size);
        }
        for (int t = 1; t <= 6; t++) {
            if (pos[t] < 0) {
                throw new PtauFormatException(".ptau file lacks section " + t);
            }
        }
        bb.position((int) pos[1]);
        int n8 = bb.getInt();
        if (n8 != 32 || len[1] != 4 + 32 + 8) {
            throw new PtauFormatException(".ptau header: field size " + n8 + " is not BN254's 32 bytes");
        }
        byte[] q = new byte[32];
        bb.get(q);
        if (!Arrays.equals(q, leBytes(Fp.MODULUS))) {
            throw new PtauFormatException(".ptau header: the prime is not BN254's base field");
        }
        int power = bb.getInt();
        int ceremonyPower = bb.getInt();
        if (power < 1 || power > MAX_POWER || ceremonyPower < power || ceremonyPower > MAX_POWER) {
            throw new PtauFormatException(".ptau header: power " + power + " / ceremony power " + ceremonyPower
                    + " out of range");
        }
        int n = 1 << power;
        G1Packed tauG1 = g1Section(in, pos[2], len[2], 2 * n - 1, "tauG1");
        G2Packed tauG2 = g2Section(in, pos[3], len[3], n, "tauG2");
        G1Packed alpha = g1Section(in, pos[4], len[4], n, "alphaTauG1");
        G1Packed beta = g1Section(in, pos[5], len[5], n, "betaTauG1");
        G2Packed betaG2 = g2Section(in, pos[6], len[6], 1, "betaG2");
        return new PowersOfTau(power, ceremonyPower, tauG1, tauG2, alpha, beta, betaG2.get(0));
    }

    private static G1Packed g1Section(byte[] in, long pos, long len, int count, String name) {
        if (len != 64L * count) {
            throw new PtauFormatException(".ptau section " + name + " has " + len + " bytes, expected " + 64L * count);
        }
        try {
            return G1Packed.of(leLongs(in, (int) pos, 8 * count));
        } catch (IllegalArgumentException e) {
            throw new PtauFormatException(".ptau section " + name + " holds an invalid point: " + e.getMessage());
        }
    }

    private static G2Packed g2Section(byte[] in, long pos, long len, int count, String name) {
        if (len != 128L * count) {
            throw new PtauFormatException(".ptau section " + name + " has " + len + " bytes, expected " + 128L * count);
        }
        try {
            return G2Packed.of(leLongs(in, (int) pos, 16 * count));
        } catch (IllegalArgumentException e) {
            throw new PtauFormatException(".ptau section " + name + " holds an invalid point: " + e.getMessage());
        }
    }

    private static long[] leLongs(byte[] in, int pos, int count) {
        long[] out = new long[count];
        ByteBuffer.wrap(in, pos, 8 * count).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    private static byte[] leBytes(java.math.BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    /** Writes the .ptau container (sections 1-7; section 7 records zero contributions). */
    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(encode());
        }
    }

    public byte[] encode() {
        long[][] g1 = {tauG1.toLongs(), alphaTauG1.toLongs(), betaTauG1.toLongs()};
        long[] t2 = tauG2.toLongs();
        long[] b2 = new long[16];
        betaG2.writePacked(b2, 0);
        long[][] sections = {null, g1[0], t2, g1[1], g1[2], b2};
        int size = 12 + 12 + 44;
        for (int i = 1; i < sections.length; i++) {
            size += 12 + 8 * sections[i].length;
        }
        size += 12 + 4;
        ByteBuffer bb = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(MAGIC).putInt(1).putInt(7);
        bb.putInt(1).putLong(44).putInt(32).put(leBytes(Fp.MODULUS)).putInt(power).putInt(ceremonyPower);
        for (int i = 1; i < sections.length; i++) {
            bb.putInt(i + 1).putLong(8L * sections[i].length);
            bb.asLongBuffer().put(sections[i]);
            bb.position(bb.position() + 8 * sections[i].length);
        }
        bb.putInt(7).putLong(4).putInt(0);
        return bb.array();
    }

    /**
     * Checks that the file is a well-formed phase 1: generators in place, tau and beta consistent between
     * G1 and G2, and each list a geometric sequence with ratio tau. Each sequence is checked with one pairing
     * product over a random linear combination (r_i from rnd): e(sum r_i P_(i+1), G2) = e(sum r_i P_i, tau G2).
     * Throws {@link PtauFormatException} naming the first failed check.
     */
    public void check(Random rnd) {
        Objects.requireNonNull(rnd, "rnd");
        G1Affine g1 = G1Affine.GENERATOR;
        G2Affine g2 = G2Affine.GENERATOR;
        if (!tauG1.get(0).equals(g1) || !tauG2.get(0).equals(g2)) {
            throw new PtauFormatException(".ptau check failed: tau^0 is not the generator");
        }
        G1Affine tau1 = tauG1.get(1);
        G2Affine tau2 = tauG2.get(1);
        G1Affine alpha1 = alphaTauG1.get(0);
        G1Affine beta1 = betaTauG1.get(0);
        if (tau1.isInfinity() || tau2.isInfinity() || alpha1.isInfinity() || beta1.isInfinity() || betaG2.isInfinity()) {
            throw new PtauFormatException(".ptau check failed: degenerate (zero) tau, alpha or beta");
        }
        if (!Pairing.productIsOne(new G1Affine[] {tau1, g1.neg()}, new G2Affine[] {g2, tau2})) {
            throw new PtauFormatException(".ptau check failed: tau G1 and tau G2 disagree");
        }
        if (!Pairing.productIsOne(new G1Affine[] {beta1, g1.neg()}, new G2Affine[] {g2, betaG2})) {
            throw new PtauFormatException(".ptau check failed: beta G1 and beta G2 disagree");
        }
        checkG1Sequence(tauG1, tau2, rnd, "tauG1");
        checkG1Sequence(alphaTauG1, tau2, rnd, "alphaTauG1");
        checkG1Sequence(betaTauG1, tau2, rnd, "betaTauG1");
        // G2: e(G1, sum r_i Q_(i+1)) = e(tau G1, sum r_i Q_i)
        int n = tauG2.size();
        long[][] sc = shiftedScalars(n, rnd);
        G2Affine next = Msm.g2(tauG2, sc[0], n).toAffine();
        G2Affine cur = Msm.g2(tauG2, sc[1], n).toAffine();
        if (!Pairing.productIsOne(new G1Affine[] {g1, tau1.neg()}, new G2Affine[] {next, cur})) {
            throw new PtauFormatException(".ptau check failed: tauG2 is not a sequence of powers of tau");
        }
    }

    private static void checkG1Sequence(G1Packed pts, G2Affine tau2, Random rnd, String name) {
        int n = pts.size();
        long[][] sc = shiftedScalars(n, rnd);
        G1Affine next = Msm.g1(pts, sc[0], n).toAffine();
        G1Affine cur = Msm.g1(pts, sc[1], n).toAffine();
        if (!Pairing.productIsOne(new G1Affine[] {next, cur.neg()}, new G2Affine[] {G2Affine.GENERATOR, tau2})) {
            throw new PtauFormatException(".ptau check failed: " + name + " is not a sequence of powers of tau");
        }
    }

    /** Two scalar vectors over n points: [0] has r_i at index i+1, [1] has r_i at index i (i &lt; n-1). */
    private static long[][] shiftedScalars(int n, Random rnd) {
        long[] next = new long[4 * n];
        long[] cur = new long[4 * n];
        for (int i = 0; i + 1 < n; i++) {
            // 128-bit coefficients: a forged sequence passes with probability about 2^-128
            long lo = rnd.nextLong();
            long hi = rnd.nextLong();
            next[4 * (i + 1)] = lo;
            next[4 * (i + 1) + 1] = hi;
            cur[4 * i] = lo;
            cur[4 * i + 1] = hi;
        }
        return new long[][] {next, cur};
    }

    /**
     * A phase 1 made on this machine from SecureRandom. NOT A CEREMONY: whoever runs it could keep tau,
     * alpha and beta (they are wiped here, but nobody else can know that). For tests and development only.
     */
    public static PowersOfTau localInsecure(int power) {
        return localInsecure(power, new SecureRandom());
    }

    static PowersOfTau localInsecure(int power, Random rnd) {
        if (power < 1 || power > 20) {
            throw new IllegalArgumentException("local phase-1 power must be 1..20, got " + power);
        }
        System.err.println("WARNING: local phase 1 (powers of tau made on this machine) is NOT a trusted-setup"
                + " ceremony; use it for tests and development only, never for production keys.");
        int n = 1 << power;
        long[] w = new long[12];   // tau, alpha, beta (Montgomery)
        long[] scal = new long[4 * (2 * n - 1)];
        try {
            for (int i = 0; i < 3; i++) {
                Secrets.sampleNonZero(rnd, w, 4 * i);
            }
            Fr.ONE.writeMont(scal, 0);
            for (int i = 1; i < 2 * n - 1; i++) {
                Fr.mul(scal, 4 * i, scal, 4 * (i - 1), w, 0);
            }
            long[] canon = scal.clone();
            Secrets.fromMontAll(canon);
            G1Packed tauG1 = G1Packed.of(Secrets.fixedBaseG1(canon, 2 * n - 1));
            G2Packed tauG2 = G2Packed.of(Secrets.fixedBaseG2(canon, n));
            long[] ab = new long[4 * n];
            for (int i = 0; i < n; i++) {
                Fr.mul(ab, 4 * i, scal, 4 * i, w, 4);
            }
            Secrets.fromMontAll(ab);
            G1Packed alpha = G1Packed.of(Secrets.fixedBaseG1(ab, n));
            for (int i = 0; i < n; i++) {
                Fr.mul(ab, 4 * i, scal, 4 * i, w, 8);
            }
            Secrets.fromMontAll(ab);
            G1Packed beta = G1Packed.of(Secrets.fixedBaseG1(ab, n));
            long[] b = new long[4];
            System.arraycopy(w, 8, b, 0, 4);
            Fr.fromMont(b, 0);
            G2Affine betaG2 = ScalarMul.g2(G2Affine.GENERATOR, b);
            Arrays.fill(b, 0L);
            Arrays.fill(ab, 0L);
            Arrays.fill(canon, 0L);
            return new PowersOfTau(power, power, tauG1, tauG2, alpha, beta, betaG2);
        } finally {
            Arrays.fill(w, 0L);
            Arrays.fill(scal, 0L);
        }
    }

    @Override
    public String toString() {
        return "PowersOfTau{power=" + power + ", ceremonyPower=" + ceremonyPower + "}";
    }
}
