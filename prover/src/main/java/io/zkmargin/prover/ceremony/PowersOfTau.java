package io.zkmargin.prover.ceremony;

import io.zkmargin.crypto.Workers;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.G2Jacobian;
import io.zkmargin.crypto.curve.PointOps;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.crypto.msm.Msm;
import io.zkmargin.crypto.ntt.Domain;
import io.zkmargin.crypto.pairing.Pairing;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Phase-1 powers of tau for BN254 at some power p: tau^i G1 for i &lt; 2^(p+1) - 1, tau^i G2, alpha tau^i G1,
 * beta tau^i G1 for i &lt; 2^p, and beta G2. Read from (and written to) the snarkjs/Hermez .ptau container:
 * "ptau", version 1, then typed sections; points are affine, little-endian, Montgomery form, which is
 * exactly our packed limb layout. Decoding validates every point (curve, G2 subgroup); {@link #check}
 * verifies that the powers are powers of one tau with pairings over random linear combinations.
 *
 * <p>A file prepared for phase 2 ({@code snarkjs powersoftau prepare phase2}) also holds the Lagrange bases
 * of every domain 2^k, k &lt;= p, at tau (sections 12-15, see {@link LagrangeBasis}); they are loaded, checked
 * against the powers in {@link #check} and written back when the object has all of them.
 */
public final class PowersOfTau {
    static final byte[] MAGIC = "ptau".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_POWER = 28;
    private static final int MAX_LOCAL_POWER = 20;
    /** Sections of `prepare phase2`: Lagrange bases of tau G1, tau G2, alpha tau G1, beta tau G1. */
    static final int SECTION_L_TAU_G1 = 12;
    static final int SECTION_L_TAU_G2 = 13;
    static final int SECTION_L_ALPHA_G1 = 14;
    static final int SECTION_L_BETA_G1 = 15;
    private static final String[] SECTION_NAMES = new String[16];

    static {
        SECTION_NAMES[1] = "header";
        SECTION_NAMES[2] = "tauG1";
        SECTION_NAMES[3] = "tauG2";
        SECTION_NAMES[4] = "alphaTauG1";
        SECTION_NAMES[5] = "betaTauG1";
        SECTION_NAMES[6] = "betaG2";
        SECTION_NAMES[12] = "12 (tauG1 Lagrange)";
        SECTION_NAMES[13] = "13 (tauG2 Lagrange)";
        SECTION_NAMES[14] = "14 (alphaTauG1 Lagrange)";
        SECTION_NAMES[15] = "15 (betaTauG1 Lagrange)";
    }

    /**
     * The Lagrange basis of the domain of 2^log points (generator {@link Domain#ofLog}(log).omega()) at tau:
     * L_i(tau) G1, L_i(tau) G2, alpha L_i(tau) G1 and beta L_i(tau) G1 for i &lt; 2^log, L_i the Lagrange
     * polynomial that is 1 at omega^i. What phase 2 needs instead of a group inverse FFT of the powers.
     */
    record LagrangeBasis(int log, G1Packed tauG1, G2Packed tauG2, G1Packed alphaTauG1, G1Packed betaTauG1) {
        LagrangeBasis {
            Objects.requireNonNull(tauG1, "tauG1");
            Objects.requireNonNull(tauG2, "tauG2");
            Objects.requireNonNull(alphaTauG1, "alphaTauG1");
            Objects.requireNonNull(betaTauG1, "betaTauG1");
            if (log < 0 || log > MAX_POWER) {
                throw new IllegalArgumentException("Lagrange basis log must be 0.." + MAX_POWER + ", got " + log);
            }
            int n = 1 << log;
            if (tauG1.size() != n || tauG2.size() != n || alphaTauG1.size() != n || betaTauG1.size() != n) {
                throw new IllegalArgumentException("a Lagrange basis of 2^" + log + " needs " + n + " points in each list");
            }
        }

        int size() {
            return 1 << log;
        }
    }

    private final int power;
    private final int ceremonyPower;
    private final G1Packed tauG1;
    private final G2Packed tauG2;
    private final G1Packed alphaTauG1;
    private final G1Packed betaTauG1;
    private final G2Affine betaG2;
    /** Index k: the basis of domain 2^k, or null when not loaded; empty array when the file has none. */
    private final LagrangeBasis[] lagrange;
    /**
     * Section 12's extra slice (domain 2^(p+1)): the inverse FFT of tau^0..tau^(2^(p+1)-2) G1 padded with
     * infinity, which snarkjs reads for the H query of a circuit of the full power. Present only when every
     * basis is, so that the object can be written as a standard prepared file.
     */
    private final G1Packed tauG1Lagrange2n;

    private PowersOfTau(int power, int ceremonyPower, G1Packed tauG1, G2Packed tauG2, G1Packed alphaTauG1,
            G1Packed betaTauG1, G2Affine betaG2, LagrangeBasis[] lagrange, G1Packed tauG1Lagrange2n) {
        this.power = power;
        this.ceremonyPower = ceremonyPower;
        this.tauG1 = tauG1;
        this.tauG2 = tauG2;
        this.alphaTauG1 = alphaTauG1;
        this.betaTauG1 = betaTauG1;
        this.betaG2 = betaG2;
        this.lagrange = lagrange;
        this.tauG1Lagrange2n = tauG1Lagrange2n;
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

    /**
     * The Lagrange basis of the domain 2^log when this object carries it (a prepared file, a local phase 1),
     * else empty: then the caller derives it from the powers. Only {@link #check} establishes that it matches
     * the powers (importers run it).
     */
    Optional<LagrangeBasis> lagrange(int log) {
        if (log < 0) {
            throw new IllegalArgumentException("domain log must be >= 0, got " + log);
        }
        return log < lagrange.length ? Optional.ofNullable(lagrange[log]) : Optional.empty();
    }

    /** True when every basis k &lt;= power (and section 12's 2^(p+1) slice) is present: {@link #write} emits 12-15. */
    boolean hasAllLagrange() {
        return tauG1Lagrange2n != null;
    }

    /** Section 12's slice for the domain 2^(power+1) (see the field), when {@link #hasAllLagrange}. */
    Optional<G1Packed> tauG1Lagrange2n() {
        return Optional.ofNullable(tauG1Lagrange2n);
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads and validates a .ptau file, with every Lagrange basis if it is prepared (the consistency check is
     * separate: {@link #check}). Everything is loaded (sections of at most 2 GB each, so at most about power 22);
     * for large public files use {@link #read(Path, int)}.
     */
    public static PowersOfTau read(Path file) throws IOException {
        return readChannel(file, -1);
    }

    /**
     * Reads only the first 2^maxPower powers (2^(maxPower+1) - 1 for tau G1) of a possibly much larger .ptau,
     * seeking over the rest, so a circuit of 2^16 constraints can use a public power-28 file without loading it.
     * A prefix of a valid phase 1 is a valid phase 1 of the smaller power. Of a prepared file's Lagrange
     * sections only the basis of the domain 2^min(maxPower, power) is loaded; such an object cannot write them
     * back ({@link #write} emits sections 1-7).
     */
    public static PowersOfTau read(Path file, int maxPower) throws IOException {
        if (maxPower < 1 || maxPower > MAX_POWER) {
            throw new IllegalArgumentException("maxPower must be 1.." + MAX_POWER);
        }
        return readChannel(file, maxPower);
    }

    private static PowersOfTau readChannel(Path file, int maxPower) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            return load(new Source() {
                @Override
                public long size() throws IOException {
                    return ch.size();
                }

                @Override
                public ByteBuffer bytes(long pos, long len) throws IOException {
                    ByteBuffer b = ByteBuffer.allocate(loadable(len)).order(ByteOrder.LITTLE_ENDIAN);
                    while (b.hasRemaining()) {
                        if (ch.read(b, pos + b.position()) < 0) {
                            throw new PtauFormatException(".ptau file is truncated");
                        }
                    }
                    b.flip();
                    return b;
                }
            }, maxPower);
        }
    }

    /**
     * Decodes a .ptau container, keeping everything it holds (all Lagrange bases of a prepared file).
     * Section 7 (contributions) and unknown sections are skipped; a wrong magic, prime, power, section size or
     * any invalid point throws {@link PtauFormatException} naming the section.
     */
    public static PowersOfTau decode(byte[] in) {
        Objects.requireNonNull(in, "in");
        try {
            return load(new Source() {
                @Override
                public long size() {
                    return in.length;
                }

                @Override
                public ByteBuffer bytes(long pos, long len) {
                    if (pos < 0 || pos + len > in.length) {
                        throw new PtauFormatException(".ptau file is truncated");
                    }
                    return ByteBuffer.wrap(in, (int) pos, (int) len).slice().order(ByteOrder.LITTLE_ENDIAN);
                }
            }, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // not reached: the byte source does no I/O
        }
    }

    /** A length that fits one in-memory buffer, else a clear refusal (read fewer powers). */
    private static int loadable(long len) {
        if (len > Integer.MAX_VALUE - 64) {
            throw new PtauFormatException(".ptau section slice of " + len + " bytes is too large to load;"
                    + " read fewer powers (read(file, maxPower))");
        }
        return (int) len;
    }

    /** Random access to the container's bytes (a file channel or an array). */
    private interface Source {
        long size() throws IOException;

        ByteBuffer bytes(long pos, long len) throws IOException;
    }

    /** Parses the container; maxPower &lt; 0 keeps everything, else the prefix and one Lagrange slice. */
    private static PowersOfTau load(Source src, int maxPower) throws IOException {
        long total = src.size();
        if (total < 12) {
            throw new PtauFormatException("not a .ptau file (bad magic)");
        }
        ByteBuffer head = src.bytes(0, 12);
        byte[] magic = new byte[4];
        head.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new PtauFormatException("not a .ptau file (bad magic)");
        }
        int version = head.getInt();
        if (version != 1) {
            throw new PtauFormatException("unsupported .ptau version " + version);
        }
        long nSections = Integer.toUnsignedLong(head.getInt());
        long[] pos = new long[16];
        long[] len = new long[16];
        Arrays.fill(pos, -1);
        long at = 12;
        for (long s = 0; s < nSections; s++) {
            if (at + 12 > total) {
                throw new PtauFormatException(".ptau file is truncated in the section table");
            }
            ByteBuffer sh = src.bytes(at, 12);
            int type = sh.getInt();
            long size = sh.getLong();
            if (size < 0 || size > total - at - 12) {
                throw new PtauFormatException(".ptau section " + type + " runs past the end of the file (truncated?)");
            }
            if (type >= 1 && type < 16) {
                if (pos[type] >= 0) {
                    throw new PtauFormatException(".ptau section " + type + " appears twice");
                }
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
        ByteBuffer hdr = src.bytes(pos[1], 44);
        int n8 = hdr.getInt();
        if (n8 != 32) {
            throw new PtauFormatException(".ptau header: field size " + n8 + " is not BN254's 32 bytes");
        }
        byte[] q = new byte[32];
        hdr.get(q);
        if (!Arrays.equals(q, leBytes(Fp.MODULUS))) {
            throw new PtauFormatException(".ptau header: the prime is not BN254's base field");
        }
        int power = hdr.getInt();
        int ceremonyPower = hdr.getInt();
        if (power < 1 || power > MAX_POWER || ceremonyPower < power || ceremonyPower > MAX_POWER) {
            throw new PtauFormatException(".ptau header: power " + power + " / ceremony power " + ceremonyPower
                    + " out of range");
        }
        long full = 1L << power;
        long[] fullPoints = {0, 0, 2 * full - 1, full, full, full, 1};
        for (int t = 2; t <= 6; t++) {
            long want = fullPoints[t] * (t == 3 || t == 6 ? 128 : 64);
            if (len[t] != want) {
                throw new PtauFormatException(".ptau section " + SECTION_NAMES[t] + " has " + len[t]
                        + " bytes, expected " + want);
            }
        }
        int p = maxPower < 0 ? power : Math.min(power, maxPower);
        int n = 1 << p;
        G1Packed tauG1 = g1Of(src.bytes(pos[2], 64L * (2 * n - 1)), 2 * n - 1, 2);
        G2Packed tauG2 = g2Of(src.bytes(pos[3], 128L * n), n, 3);
        G1Packed alpha = g1Of(src.bytes(pos[4], 64L * n), n, 4);
        G1Packed beta = g1Of(src.bytes(pos[5], 64L * n), n, 5);
        G2Packed betaG2 = g2Of(src.bytes(pos[6], 128), 1, 6);

        boolean prepared = false;
        for (int t = SECTION_L_TAU_G1; t <= SECTION_L_BETA_G1; t++) {
            prepared |= pos[t] >= 0;
        }
        LagrangeBasis[] lagrange = new LagrangeBasis[prepared ? p + 1 : 0];
        G1Packed ext = null;
        if (prepared) {
            for (int t = SECTION_L_TAU_G1; t <= SECTION_L_BETA_G1; t++) {
                if (pos[t] < 0) {
                    throw new PtauFormatException(".ptau file has Lagrange sections but lacks section " + SECTION_NAMES[t]);
                }
                // every domain 2^k, k <= power, one after the other; section 12 also has k = power + 1
                long points = t == SECTION_L_TAU_G1 ? 4 * full - 1 : 2 * full - 1;
                long want = points * (t == SECTION_L_TAU_G2 ? 128 : 64);
                if (len[t] != want) {
                    throw new PtauFormatException(".ptau section " + SECTION_NAMES[t] + " has " + len[t]
                            + " bytes, expected " + want + " (" + points + " points for power " + power + ")");
                }
            }
            for (int k = maxPower < 0 ? 0 : p; k <= p; k++) {
                lagrange[k] = lagrangeSlice(src, pos, k);
            }
            if (maxPower < 0) {
                int m = 2 * n;
                ext = g1Of(src.bytes(pos[SECTION_L_TAU_G1] + 64L * (m - 1), 64L * m), m, SECTION_L_TAU_G1);
            }
        }
        return new PowersOfTau(p, ceremonyPower, tauG1, tauG2, alpha, beta, betaG2.get(0), lagrange, ext);
    }

    /** The basis of domain 2^k: points 2^k - 1 .. 2^(k+1) - 2 of sections 12-15. */
    private static LagrangeBasis lagrangeSlice(Source src, long[] pos, int k) throws IOException {
        int m = 1 << k;
        long first = m - 1L;
        G1Packed t1 = g1Of(src.bytes(pos[SECTION_L_TAU_G1] + 64 * first, 64L * m), m, SECTION_L_TAU_G1);
        G2Packed t2 = g2Of(src.bytes(pos[SECTION_L_TAU_G2] + 128 * first, 128L * m), m, SECTION_L_TAU_G2);
        G1Packed a1 = g1Of(src.bytes(pos[SECTION_L_ALPHA_G1] + 64 * first, 64L * m), m, SECTION_L_ALPHA_G1);
        G1Packed b1 = g1Of(src.bytes(pos[SECTION_L_BETA_G1] + 64 * first, 64L * m), m, SECTION_L_BETA_G1);
        return new LagrangeBasis(k, t1, t2, a1, b1);
    }

    private static G1Packed g1Of(ByteBuffer b, int count, int section) {
        long[] limbs = new long[8 * count];
        b.asLongBuffer().get(limbs);
        try {
            return G1Packed.of(limbs);
        } catch (IllegalArgumentException e) {
            throw new PtauFormatException(".ptau section " + SECTION_NAMES[section] + " holds an invalid point: "
                    + e.getMessage());
        }
    }

    /** G2 points with the subgroup check (about 0.6 ms each) spread over the cores. */
    private static G2Packed g2Of(ByteBuffer b, int count, int section) {
        long[] limbs = new long[16 * count];
        b.asLongBuffer().get(limbs);
        int chunk = 256;
        int chunks = (count + chunk - 1) / chunk;
        int tasks = Math.min(Workers.CORES, chunks);
        AtomicInteger firstBad = new AtomicInteger(Integer.MAX_VALUE);
        String[] why = new String[chunks];
        Workers.run(tasks, t -> {
            for (int c = t; c < chunks; c += tasks) {
                for (int i = c * chunk; i < Math.min(count, (c + 1) * chunk); i++) {
                    try {
                        G2Affine.readPacked(limbs, 16 * i);
                    } catch (IllegalArgumentException e) {
                        why[c] = "packed G2 point " + i + ": " + e.getMessage();
                        firstBad.accumulateAndGet(i, Math::min);
                        break;
                    }
                }
            }
        });
        if (firstBad.get() != Integer.MAX_VALUE) {
            throw new PtauFormatException(".ptau section " + SECTION_NAMES[section] + " holds an invalid point: "
                    + why[firstBad.get() / chunk]);
        }
        // subgroup membership was checked above; this only re-checks the (cheap) curve equation
        return G2Packed.ofOnCurve(limbs);
    }

    private static byte[] leBytes(java.math.BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes the .ptau container: sections 1-7 (section 7 records zero contributions) and, when this object has
     * every Lagrange basis ({@link #hasAllLagrange}), sections 12-15 in snarkjs's layout, so that
     * {@code snarkjs groth16 setup} can use the file.
     */
    public void write(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeTo(out);
        }
    }

    /** The bytes {@link #write} writes (in memory: for small files). */
    public byte[] encode() {
        long size = encodedSize();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException(".ptau too large to encode in memory (" + size + " bytes); use write");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private long encodedSize() {
        long n = 1L << power;
        long size = 12 + (12 + 44) + (12 + 64 * (2 * n - 1)) + (12 + 128 * n) + 2 * (12 + 64 * n) + (12 + 128) + (12 + 4);
        if (hasAllLagrange()) {
            size += 12 + 64 * (4 * n - 1) + 12 + 128 * (2 * n - 1) + 2 * (12 + 64 * (2 * n - 1));
        }
        return size;
    }

    private void writeTo(OutputStream out) throws IOException {
        boolean all = hasAllLagrange();
        long n = 1L << power;
        ByteBuffer bb = ByteBuffer.allocate(12 + 12 + 44).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(MAGIC).putInt(1).putInt(all ? 11 : 7);
        bb.putInt(1).putLong(44).putInt(32).put(leBytes(Fp.MODULUS)).putInt(power).putInt(ceremonyPower);
        out.write(bb.array());
        long[] b2 = new long[16];
        betaG2.writePacked(b2, 0);
        writeSection(out, 2, 64 * (2 * n - 1), tauG1.toLongs());
        writeSection(out, 3, 128 * n, tauG2.toLongs());
        writeSection(out, 4, 64 * n, alphaTauG1.toLongs());
        writeSection(out, 5, 64 * n, betaTauG1.toLongs());
        writeSection(out, 6, 128, b2);
        writeSection(out, 7, 4, new long[0]);
        out.write(new byte[4]);   // no contributions recorded
        if (all) {
            writeSection(out, SECTION_L_TAU_G1, 64 * (4 * n - 1));
            for (LagrangeBasis l : lagrange) {
                writeLongs(out, l.tauG1().toLongs());
            }
            writeLongs(out, tauG1Lagrange2n.toLongs());
            writeSection(out, SECTION_L_TAU_G2, 128 * (2 * n - 1));
            for (LagrangeBasis l : lagrange) {
                writeLongs(out, l.tauG2().toLongs());
            }
            writeSection(out, SECTION_L_ALPHA_G1, 64 * (2 * n - 1));
            for (LagrangeBasis l : lagrange) {
                writeLongs(out, l.alphaTauG1().toLongs());
            }
            writeSection(out, SECTION_L_BETA_G1, 64 * (2 * n - 1));
            for (LagrangeBasis l : lagrange) {
                writeLongs(out, l.betaTauG1().toLongs());
            }
        }
    }

    private static void writeSection(OutputStream out, int type, long size, long[]... content) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(type).putLong(size);
        out.write(h.array());
        for (long[] c : content) {
            writeLongs(out, c);
        }
    }

    private static void writeLongs(OutputStream out, long[] v) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(8 * Math.min(v.length, 8192)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.length; ) {
            bb.clear();
            int m = Math.min(v.length - i, 8192);
            bb.asLongBuffer().put(v, i, m);
            out.write(bb.array(), 0, 8 * m);
            i += m;
        }
    }

    // ------------------------------------------------------------------ checking

    /**
     * Checks that the file is a well-formed phase 1: generators in place, tau and beta consistent between
     * G1 and G2, and each list a geometric sequence with ratio tau. Each sequence is checked with one pairing
     * product over a random linear combination (r_i from rnd): e(sum r_i P_(i+1), G2) = e(sum r_i P_i, tau G2).
     * Loaded Lagrange bases are then checked against the (now trusted) powers, see {@link #checkLagrange}.
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
        checkLagrange(rnd);
    }

    /**
     * Lagrange bases against the powers: L_i = (1/n) sum_j omega^(-ij) tau^j G, so for random 128-bit r_i,
     * sum_i r_i L_i = sum_j c_j tau^j G with c = inverse DFT of r (which includes the 1/n). One MSM on each side
     * per section, all loaded domains folded into one equation with independent r (a wrong point passes with
     * probability about 2^-128). Section 12's 2^(p+1) slice pads the powers with infinity: its top c_j is dropped.
     */
    private void checkLagrange(Random rnd) {
        int count = 0;
        for (LagrangeBasis l : lagrange) {
            count += l == null ? 0 : 1;
        }
        if (count == 0) {
            return;
        }
        int extra = tauG1Lagrange2n != null ? 1 : 0;
        G1Packed[] t1 = new G1Packed[count + extra];
        G2Packed[] t2 = new G2Packed[count];
        G1Packed[] a1 = new G1Packed[count];
        G1Packed[] b1 = new G1Packed[count];
        int j = 0;
        for (LagrangeBasis l : lagrange) {
            if (l != null) {
                t1[j] = l.tauG1();
                t2[j] = l.tauG2();
                a1[j] = l.alphaTauG1();
                b1[j] = l.betaTauG1();
                j++;
            }
        }
        if (extra == 1) {
            t1[count] = tauG1Lagrange2n;
        }
        checkLagrangeG1(tauG1, t1, extra == 1, rnd, SECTION_L_TAU_G1);
        checkLagrangeG1(alphaTauG1, a1, false, rnd, SECTION_L_ALPHA_G1);
        checkLagrangeG1(betaTauG1, b1, false, rnd, SECTION_L_BETA_G1);
        // G2: the same equation
        long[][] r = new long[count][];
        long[] c = monomialCoefficients(t2Sizes(t2), false, rnd, r);
        G2Jacobian lhs = G2Jacobian.INFINITY;
        for (int i = 0; i < count; i++) {
            lhs = lhs.add(Msm.g2(t2[i], r[i], t2[i].size()));
        }
        G2Jacobian rhs = Msm.g2(tauG2, c, c.length / 4);
        if (!lhs.toAffine().equals(rhs.toAffine())) {
            throw lagrangeMismatch(SECTION_L_TAU_G2);
        }
    }

    private static int[] t2Sizes(G2Packed[] pts) {
        int[] s = new int[pts.length];
        for (int i = 0; i < pts.length; i++) {
            s[i] = pts[i].size();
        }
        return s;
    }

    private static void checkLagrangeG1(G1Packed powers, G1Packed[] slices, boolean lastPadded, Random rnd, int section) {
        int[] sizes = new int[slices.length];
        for (int i = 0; i < slices.length; i++) {
            sizes[i] = slices[i].size();
        }
        long[][] r = new long[slices.length][];
        long[] c = monomialCoefficients(sizes, lastPadded, rnd, r);
        G1Jacobian lhs = G1Jacobian.INFINITY;
        for (int i = 0; i < slices.length; i++) {
            lhs = lhs.add(Msm.g1(slices[i], r[i], sizes[i]));
        }
        G1Jacobian rhs = Msm.g1(powers, c, c.length / 4);
        if (!lhs.toAffine().equals(rhs.toAffine())) {
            throw lagrangeMismatch(section);
        }
    }

    private static PtauFormatException lagrangeMismatch(int section) {
        return new PtauFormatException(".ptau check failed: section " + SECTION_NAMES[section]
                + " is not the Lagrange basis of the powers of tau");
    }

    /**
     * Fills r[i] with 2^sizes[i] random 128-bit scalars (canonical limbs) per slice and returns the summed
     * monomial coefficients sum_i ifft(r[i]) (canonical), over as many powers as the largest slice needs.
     */
    private static long[] monomialCoefficients(int[] sizes, boolean lastPadded, Random rnd, long[][] r) {
        int width = 0;
        for (int i = 0; i < sizes.length; i++) {
            int used = lastPadded && i == sizes.length - 1 ? sizes[i] - 1 : sizes[i];
            width = Math.max(width, used);
        }
        long[] c = new long[4 * width];
        for (int i = 0; i < sizes.length; i++) {
            int m = sizes[i];
            r[i] = new long[4 * m];
            for (int k = 0; k < m; k++) {
                r[i][4 * k] = rnd.nextLong();
                r[i][4 * k + 1] = rnd.nextLong();
            }
            long[] f = r[i].clone();
            for (int k = 0; k < m; k++) {
                Fr.toMont(f, 4 * k);
            }
            Domain.ofSize(m).ifft(f);
            int used = lastPadded && i == sizes.length - 1 ? m - 1 : m;
            for (int k = 0; k < used; k++) {
                Fr.add(c, 4 * k, c, 4 * k, f, 4 * k);
            }
        }
        for (int k = 0; k < width; k++) {
            Fr.fromMont(c, 4 * k);
        }
        return c;
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

    // ------------------------------------------------------------------ local (insecure) phase 1

    /**
     * A phase 1 made on this machine from SecureRandom, with the Lagrange bases of every domain up to 2^power
     * (as a prepared file; {@link #write} gives a file snarkjs accepts). NOT A CEREMONY: whoever runs it could
     * keep tau, alpha and beta (they are wiped here, but nobody else can know that). For tests and development
     * only; power 1..20.
     */
    public static PowersOfTau localInsecure(int power) {
        return localInsecure(power, new SecureRandom());
    }

    static PowersOfTau localInsecure(int power, Random rnd) {
        return local(power, rnd, false);
    }

    /**
     * As {@link #localInsecure(int, Random)} but with only the Lagrange basis of the domain 2^log (the one a
     * circuit of that size uses), which saves the lower domains and the 2^(log+1) slice: for benchmarks. Such an
     * object is not a standard prepared file: {@link #write} emits sections 1-7 only.
     */
    static PowersOfTau localInsecureFor(int log, Random rnd) {
        return local(log, rnd, true);
    }

    /** {@link #localInsecureFor(int, Random)} from SecureRandom (dev and benchmarks only, see {@link #localInsecure(int)}). */
    public static PowersOfTau localInsecureFor(int log) {
        return localInsecureFor(log, new SecureRandom());
    }

    private static PowersOfTau local(int power, Random rnd, boolean oneSlice) {
        Objects.requireNonNull(rnd, "rnd");
        if (power < 1 || power > MAX_LOCAL_POWER) {
            throw new IllegalArgumentException("local phase-1 power must be 1.." + MAX_LOCAL_POWER + ", got " + power);
        }
        System.err.println("WARNING: local phase 1 (powers of tau made on this machine) is NOT a trusted-setup"
                + " ceremony; use it for tests and development only, never for production keys.");
        int n = 1 << power;
        long[] w = new long[12];   // tau, alpha, beta (Montgomery)
        long[] scal = new long[4 * (2 * n - 1)];
        long[] canon = null;
        long[] lag = null;
        long[] tmp = null;
        try {
            do {
                Secrets.sampleNonZero(rnd, w, 0);
            } while (isRootOfUnity(w, 0, power + 1));   // L_i(tau) divides by tau - omega^i
            Secrets.sampleNonZero(rnd, w, 4);
            Secrets.sampleNonZero(rnd, w, 8);
            Fr.ONE.writeMont(scal, 0);
            for (int i = 1; i < 2 * n - 1; i++) {
                Fr.mul(scal, 4 * i, scal, 4 * (i - 1), w, 0);
            }
            canon = scal.clone();
            Secrets.fromMontAll(canon);
            G1Packed tauG1 = G1Packed.of(FixedBase.G1.mulAll(canon, 0, 2 * n - 1));
            // multiples of the generator are in the subgroup by construction
            G2Packed tauG2 = G2Packed.ofOnCurve(FixedBase.G2.mulAll(canon, 0, n));
            tmp = new long[4 * n];
            scaled(tmp, scal, 0, n, w, 4);
            G1Packed alpha = G1Packed.of(FixedBase.G1.mulAll(tmp, 0, n));
            scaled(tmp, scal, 0, n, w, 8);
            G1Packed beta = G1Packed.of(FixedBase.G1.mulAll(tmp, 0, n));
            long[] b = new long[4];
            System.arraycopy(w, 8, b, 0, 4);
            Fr.fromMont(b, 0);
            long[] b2 = FixedBase.G2.mulAll(b, 0, 1);
            Arrays.fill(b, 0L);
            G2Affine betaG2 = G2Affine.readPacked(b2, 0);

            // Lagrange scalars in section order: domains lo..power, then (full set) section 12's 2^(p+1) slice
            int lo = oneSlice ? power : 0;
            int basisPoints = oneSlice ? n : 2 * n - 1;
            int allPoints = oneSlice ? n : 4 * n - 1;
            lag = new long[4 * allPoints];
            int off = 0;
            for (int k = lo; k <= power; k++) {
                lagrangeScalars(lag, off, k, w, scal, false);
                off += 1 << k;
            }
            if (!oneSlice) {
                lagrangeScalars(lag, off, power + 1, w, scal, true);
            }
            Arrays.fill(tmp, 0L);
            tmp = new long[4 * basisPoints];
            scaled(tmp, lag, 0, basisPoints, w, 4);
            long[] alphaL = FixedBase.G1.mulAll(tmp, 0, basisPoints);
            scaled(tmp, lag, 0, basisPoints, w, 8);
            long[] betaL = FixedBase.G1.mulAll(tmp, 0, basisPoints);
            Secrets.fromMontAll(lag);
            long[] tauL1 = FixedBase.G1.mulAll(lag, 0, allPoints);
            long[] tauL2 = FixedBase.G2.mulAll(lag, 0, basisPoints);

            LagrangeBasis[] bases = new LagrangeBasis[power + 1];
            off = 0;
            for (int k = lo; k <= power; k++) {
                int m = 1 << k;
                bases[k] = new LagrangeBasis(k,
                        G1Packed.of(Arrays.copyOfRange(tauL1, 8 * off, 8 * (off + m))),
                        G2Packed.ofOnCurve(Arrays.copyOfRange(tauL2, 16 * off, 16 * (off + m))),
                        G1Packed.of(Arrays.copyOfRange(alphaL, 8 * off, 8 * (off + m))),
                        G1Packed.of(Arrays.copyOfRange(betaL, 8 * off, 8 * (off + m))));
                off += m;
            }
            G1Packed ext = oneSlice ? null : G1Packed.of(Arrays.copyOfRange(tauL1, 8 * off, 8 * allPoints));
            return new PowersOfTau(power, power, tauG1, tauG2, alpha, beta, betaG2, bases, ext);
        } finally {
            Arrays.fill(w, 0L);
            Arrays.fill(scal, 0L);
            for (long[] a : new long[][] {canon, lag, tmp}) {
                if (a != null) {
                    Arrays.fill(a, 0L);
                }
            }
        }
    }

    /** out[i] = src[from + i] * w[wo] (Montgomery in, canonical out), i &lt; count. */
    private static void scaled(long[] out, long[] src, int from, int count, long[] w, int wo) {
        for (int i = 0; i < count; i++) {
            Fr.mul(out, 4 * i, src, 4 * (from + i), w, wo);
            Fr.fromMont(out, 4 * i);
        }
    }

    /** True when x^(2^log) = 1 (x at a[ao], Montgomery). */
    private static boolean isRootOfUnity(long[] a, int ao, int log) {
        long[] t = new long[8];
        System.arraycopy(a, ao, t, 0, 4);
        for (int i = 0; i < log; i++) {
            Fr.square(t, 0, t, 0);
        }
        Fr.ONE.writeMont(t, 4);
        boolean one = Fr.equal(t, 0, t, 4);
        Arrays.fill(t, 0L);
        return one;
    }

    /**
     * L_i(tau) for the domain of m = 2^k points into out[off..off+m) (Montgomery):
     * L_i(tau) = (tau^m - 1)/m * omega^i / (tau - omega^i), all denominators inverted with one inversion.
     * padded: section 12's top slice, the inverse DFT of tau^0..tau^(m-2) with a zero in place of tau^(m-1),
     * which is L_i(tau) - tau^(m-1) omega^i / m. tau at w[0..3]; scal holds tau^j for j &lt; 2^(p+1) - 1.
     */
    private static void lagrangeScalars(long[] out, int off, int k, long[] w, long[] scal, boolean padded) {
        int m = 1 << k;
        long[] s = new long[24];   // 0 z, 4 omega, 8 omega^i, 12 inverse, 16 scratch, 20 padding term
        long[] pre = new long[4 * (m + 1)];
        try {
            System.arraycopy(w, 0, s, 0, 4);
            for (int i = 0; i < k; i++) {
                Fr.square(s, 0, s, 0);                    // tau^m
            }
            Fr.ONE.writeMont(s, 16);
            Fr.sub(s, 0, s, 0, s, 16);
            Fr.of(m).inverse().writeMont(s, 16);
            Fr.mul(s, 0, s, 0, s, 16);                    // z = (tau^m - 1) / m
            if (padded) {
                Fr.mul(s, 20, scal, 4 * (m - 2), w, 0);   // tau^(m-1): m - 2 = 2^(p+1) - 2 is the top power
                Fr.mul(s, 20, s, 20, s, 16);              // tau^(m-1) / m
            }
            Domain.ofLog(k).omega().writeMont(s, 4);
            Fr.ONE.writeMont(s, 8);
            Fr.ONE.writeMont(pre, 0);
            for (int i = 0; i < m; i++) {
                int d = 4 * (off + i);
                Fr.sub(out, d, w, 0, s, 8);               // tau - omega^i (non-zero: tau is no root of unity)
                Fr.mul(pre, 4 * (i + 1), pre, 4 * i, out, d);
                Fr.mul(s, 8, s, 8, s, 4);
            }
            frInverse(s, 12, pre, 4 * m);
            for (int i = m - 1; i >= 0; i--) {
                int d = 4 * (off + i);
                Fr.mul(s, 16, s, 12, pre, 4 * i);         // 1 / (tau - omega^i)
                Fr.mul(s, 12, s, 12, out, d);
                System.arraycopy(s, 16, out, d, 4);
            }
            Fr.ONE.writeMont(s, 8);
            for (int i = 0; i < m; i++) {
                int d = 4 * (off + i);
                Fr.mul(out, d, out, d, s, 0);
                if (padded) {
                    Fr.sub(out, d, out, d, s, 20);
                }
                Fr.mul(out, d, out, d, s, 8);
                Fr.mul(s, 8, s, 8, s, 4);
            }
        } finally {
            Arrays.fill(s, 0L);
            Arrays.fill(pre, 0L);
        }
    }

    private static final long[] R_MINUS_2 = {Fr.M0 - 2, Fr.M1, Fr.M2, Fr.M3};

    /** r = 1/a in Fr by a^(r-2), on buffers only (a is secret-derived; Fr objects could not be wiped). */
    private static void frInverse(long[] r, int ro, long[] a, int ao) {
        long[] acc = new long[4];
        Fr.ONE.writeMont(acc, 0);
        for (int bit = 253; bit >= 0; bit--) {
            Fr.square(acc, 0, acc, 0);
            if (((R_MINUS_2[bit >>> 6] >>> (bit & 63)) & 1) != 0) {
                Fr.mul(acc, 0, acc, 0, a, ao);
            }
        }
        System.arraycopy(acc, 0, r, ro, 4);
        Arrays.fill(acc, 0L);
    }

    /**
     * Many multiples of the generator: a table of d * 2^(12 j) * G (j &lt; 22, 0 &lt; d &lt; 4096, affine; 5.8 MB for
     * G1, 11.5 MB for G2, built on first use) makes each product at most 22 mixed additions and no doublings;
     * chunks run on all cores and are converted to affine with one inversion each. Table lookups depend on the (secret) digits: acceptable for the dev-only local
     * phase 1, not for a real contribution.
     */
    private static final class FixedBase {
        static final FixedBase G1 = new FixedBase(PointOps.G1);
        static final FixedBase G2 = new FixedBase(PointOps.G2);
        private static final int W = 12;
        private static final int WINDOWS = (254 + W - 1) / W;
        private static final int DIGITS = (1 << W) - 1;
        private static final int CHUNK = 512;

        private final PointOps ops;
        private volatile long[] table;

        private FixedBase(PointOps ops) {
            this.ops = ops;
        }

        /** table[(j * DIGITS + d - 1) * affine] = d * 2^(W j) * G: public data, built once. */
        private long[] table() {
            long[] t = table;
            if (t != null) {
                return t;
            }
            synchronized (this) {
                if (table != null) {
                    return table;
                }
                int aff = ops.affine();
                int jac = ops.jacobian();
                t = new long[aff * WINDOWS * DIGITS];
                long[] base = new long[aff];
                if (ops == PointOps.G1) {
                    G1Affine.GENERATOR.writePacked(base, 0);
                } else {
                    G2Affine.GENERATOR.writePacked(base, 0);
                }
                long[] row = new long[jac * (DIGITS + 1)];
                long[] s = new long[ops.scratch()];
                for (int j = 0; j < WINDOWS; j++) {
                    ops.fromAffine(row, 0, base, 0);                                // 1 * base
                    for (int d = 1; d <= DIGITS; d++) {
                        ops.addMixed(row, jac * d, row, jac * (d - 1), base, 0, s); // (d + 1) * base
                    }
                    ops.toAffine(row, 0, DIGITS, t, aff * DIGITS * j);
                    ops.toAffine(row, jac * DIGITS, 1, base, 0);                    // 2^W * base
                }
                table = t;
                return t;
            }
        }

        /** k_i * G for the canonical scalars k[4 (from + i)..], i &lt; count; packed affine. */
        long[] mulAll(long[] k, int from, int count) {
            long[] tab = table();
            int aff = ops.affine();
            int jac = ops.jacobian();
            long[] out = new long[aff * count];
            int chunks = (count + CHUNK - 1) / CHUNK;
            int tasks = Math.min(Workers.CORES, chunks);
            Workers.run(tasks, task -> {
                long[] acc = new long[jac * CHUNK];
                long[] s = new long[ops.scratch()];
                for (int c = task; c < chunks; c += tasks) {
                    int lo = c * CHUNK;
                    int hi = Math.min(count, lo + CHUNK);
                    for (int i = lo; i < hi; i++) {
                        int ao = jac * (i - lo);
                        int ko = 4 * (from + i);
                        ops.setInfinity(acc, ao);
                        for (int j = 0; j < WINDOWS; j++) {
                            int bit = W * j;
                            int limb = bit >>> 6;
                            long v = k[ko + limb] >>> (bit & 63);
                            if ((bit & 63) > 64 - W && limb < 3) {
                                v |= k[ko + limb + 1] << (64 - (bit & 63));   // the window straddles two limbs
                            }
                            int d = (int) v & DIGITS;
                            if (d != 0) {
                                ops.addMixed(acc, ao, acc, ao, tab, aff * (DIGITS * j + d - 1), s);
                            }
                        }
                    }
                    ops.toAffine(acc, 0, hi - lo, out, aff * lo);
                }
                Arrays.fill(acc, 0L);
                Arrays.fill(s, 0L);
            });
            return out;
        }
    }

    /**
     * The same powers without the prepared Lagrange sections: phase 2 then derives the basis by the group inverse
     * FFT. For benchmarks and for cross-checking a prepared file against the powers.
     */
    public PowersOfTau withoutLagrange() {
        return new PowersOfTau(power, ceremonyPower, tauG1, tauG2, alphaTauG1, betaTauG1, betaG2, new LagrangeBasis[0], null);
    }

    @Override
    public String toString() {
        return "PowersOfTau{power=" + power + ", ceremonyPower=" + ceremonyPower + ", lagrange="
                + (hasAllLagrange() ? "all" : Arrays.stream(lagrange).anyMatch(Objects::nonNull) ? "partial" : "none") + "}";
    }
}
