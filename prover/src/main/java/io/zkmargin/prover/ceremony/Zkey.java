package io.zkmargin.prover.ceremony;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.PointOps;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.crypto.ntt.Domain;
import io.zkmargin.crypto.pairing.Pairing;
import io.zkmargin.groth16.VerifyingKey;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.R1csDigest;
import io.zkmargin.prover.SetupListener;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * A snarkjs 0.7.6 Groth16 proving key (.zkey, iden3 binfile "zkey" v1), typically the final key of a phase-2
 * ceremony run with {@code snarkjs zkey contribute/beacon}, and its conversion to our {@link ProvingKey}.
 * Sections: 1 protocol (1 = Groth16), 2 header (field sizes and primes, nVars, nPublic, domain size, alpha1,
 * beta1, beta2, gamma2, delta1, delta2), 3 IC, 4 the A and B matrix coefficients (the circuit binding), 5 A,
 * 6 B1, 7 B2, 8 C (private wires, our L), 9 H, 10 contributions. Points are affine, coordinates little-endian
 * Montgomery form (our packed limb layout), all-zero = infinity. The key holds no secret.
 * <p>
 * snarkjs's section 9 holds S_j = L_(2j+1)(tau)/delta over the domain of size 2n (its odd points), not our
 * H_i = tau^i Z(tau)/delta: X^i Z(X) has degree &lt; 2n, vanishes on the even points and is -2 w^((2j+1)i) at
 * w^(2j+1), so H_i = -2 w^i sum_j W^(ij) S_j (W = w^2, the n-domain's omega): one forward group DFT and n-1
 * scalar multiplications.
 */
public final class Zkey {
    private static final byte[] MAGIC = "zkey".getBytes(StandardCharsets.US_ASCII);
    private static final int GROTH16 = 1;
    private static final int N8 = 32;
    private static final int G1B = 64;
    private static final int G2B = 128;
    private static final int HEADER_BYTES = 4 + N8 + 4 + N8 + 12 + 3 * G1B + 3 * G2B;
    private static final int COEF_BYTES = 12 + N8;
    /** Below Fr's 2-adicity (28): section 9 needs the domain 2n; snarkjs lays out 2^28 keys differently. */
    private static final int MAX_LOG = Fr.TWO_ADICITY - 1;
    private static final String[] SECTION = {"", "protocol", "header", "IC", "coefficients", "A", "B1", "B2",
        "C (L)", "H", "contributions"};

    private final int nVars;
    private final int nPub;
    private final int log;
    private final G1Affine alpha1;
    private final G1Affine beta1;
    private final G1Affine delta1;
    private final G2Affine beta2;
    private final G2Affine gamma2;
    private final G2Affine delta2;
    private final List<G1Affine> ic;
    private final int[] coefMatrix;
    private final int[] coefRow;
    private final int[] coefWire;
    private final long[] coefMont;   // our Montgomery limbs of each coefficient (snarkjs stores c R^2 as an integer)
    private final G1Packed a;
    private final G1Packed b1;
    private final long[] b2;         // on the twist; the subgroup check is done by toProvingKey (see there)
    private final G1Packed l;
    private final G1Packed oddLagrange;
    private final byte[] circuitHash;
    private final int contributions;

    /** What an import established, for the CLI and the auditor's log. */
    public record Report(String circuitHash, int contributions, boolean checkedAgainstPhase1, String keySummary) {
    }

    private Zkey(int nVars, int nPub, int log, G1Affine alpha1, G1Affine beta1, G1Affine delta1, G2Affine beta2,
            G2Affine gamma2, G2Affine delta2, List<G1Affine> ic, int[] coefMatrix, int[] coefRow, int[] coefWire,
            long[] coefMont, G1Packed a, G1Packed b1, long[] b2, G1Packed l, G1Packed oddLagrange, byte[] circuitHash,
            int contributions) {
        this.nVars = nVars;
        this.nPub = nPub;
        this.log = log;
        this.alpha1 = alpha1;
        this.beta1 = beta1;
        this.delta1 = delta1;
        this.beta2 = beta2;
        this.gamma2 = gamma2;
        this.delta2 = delta2;
        this.ic = List.copyOf(ic);
        this.coefMatrix = coefMatrix;
        this.coefRow = coefRow;
        this.coefWire = coefWire;
        this.coefMont = coefMont;
        this.a = a;
        this.b1 = b1;
        this.b2 = b2;
        this.l = l;
        this.oddLagrange = oddLagrange;
        this.circuitHash = circuitHash;
        this.contributions = contributions;
    }

    public int wireCount() {
        return nVars;
    }

    /** Public wires after the constant one (snarkjs's nPublic: circom outputs plus public inputs). */
    public int publicInputCount() {
        return nPub;
    }

    /** log2 of the evaluation domain size. */
    public int domainLog() {
        return log;
    }

    /** Number of phase-2 contributions recorded in section 10 (not verified here: {@code snarkjs zkey verify}). */
    public int contributionCount() {
        return contributions;
    }

    /** snarkjs's circuit hash (BLAKE2b-512, section 10) as printed by {@code snarkjs zkey verify}, in hex. */
    public String circuitHashHex() {
        return HexFormat.of().formatHex(circuitHash);
    }

    /**
     * The verifying key (alpha1, beta2, gamma2, delta2, IC), equal to {@code snarkjs zkey export
     * verificationkey}. Refuses a key without contribution (delta = gamma: anyone could forge proofs).
     */
    public VerifyingKey verifyingKey() {
        refuseUncontributed();
        return VerifyingKey.of(alpha1, beta2, gamma2, delta2, ic);
    }

    // ------------------------------------------------------------------ reading

    /** Reads and validates a .zkey file (whole file in memory, at most 2 GB). */
    public static Zkey read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.size(file) > Integer.MAX_VALUE - 64) {
            throw new ZkeyFormatException(".zkey file is larger than 2 GB, which this importer does not load");
        }
        return decode(Files.readAllBytes(file));
    }

    /**
     * Decodes and validates a .zkey: magic, version, section table, protocol, primes, sizes of every section,
     * every point on its curve (header G2 points also in the subgroup), coefficients canonical. Throws
     * {@link ZkeyFormatException} naming the section.
     */
    public static Zkey decode(byte[] in) {
        Objects.requireNonNull(in, "in");
        ByteBuffer bb = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
        if (in.length < 12 || !Arrays.equals(in, 0, 4, MAGIC, 0, 4)) {
            throw new ZkeyFormatException("not a .zkey file (bad magic)");
        }
        int version = bb.getInt(4);
        if (version != 1) {
            throw new ZkeyFormatException("unsupported .zkey version " + version);
        }
        long nSections = Integer.toUnsignedLong(bb.getInt(8));
        int[] pos = new int[SECTION.length];
        int[] len = new int[SECTION.length];
        Arrays.fill(pos, -1);
        long at = 12;
        for (long s = 0; s < nSections; s++) {
            if (at + 12 > in.length) {
                throw new ZkeyFormatException(".zkey file is truncated in the section table");
            }
            int type = bb.getInt((int) at);
            long size = bb.getLong((int) at + 4);
            if (size < 0 || size > in.length - at - 12) {
                throw new ZkeyFormatException(".zkey section " + Integer.toUnsignedString(type)
                        + " runs past the end of the file (truncated?)");
            }
            if (type >= 1 && type < SECTION.length) {
                if (pos[type] >= 0) {
                    throw new ZkeyFormatException(".zkey section " + SECTION[type] + " appears twice");
                }
                pos[type] = (int) at + 12;
                len[type] = (int) size;
            }
            at += 12 + size;
        }
        for (int t = 1; t < SECTION.length; t++) {
            if (pos[t] < 0) {
                throw new ZkeyFormatException(".zkey file lacks section " + t + " (" + SECTION[t] + ")");
            }
        }
        if (len[1] != 4) {
            throw new ZkeyFormatException(".zkey protocol section has " + len[1] + " bytes, expected 4");
        }
        int protocol = bb.getInt(pos[1]);
        if (protocol != GROTH16) {
            throw new ZkeyFormatException(".zkey is for protocol " + protocol + ", not Groth16 (1)");
        }

        // section 2: header
        int p = pos[2];
        if (len[2] < 4 || bb.getInt(p) != N8) {
            throw new ZkeyFormatException(".zkey header: base field size is not BN254's 32 bytes");
        }
        if (len[2] != HEADER_BYTES) {
            throw new ZkeyFormatException(".zkey header has " + len[2] + " bytes, expected " + HEADER_BYTES);
        }
        if (!Arrays.equals(in, p + 4, p + 4 + N8, leBytes(Fp.MODULUS), 0, N8)) {
            throw new ZkeyFormatException(".zkey header: the base field prime is not BN254's");
        }
        p += 4 + N8;
        if (bb.getInt(p) != N8 || !Arrays.equals(in, p + 4, p + 4 + N8, leBytes(Fr.MODULUS), 0, N8)) {
            throw new ZkeyFormatException(".zkey header: the scalar field is not BN254's");
        }
        p += 4 + N8;
        long nVars = Integer.toUnsignedLong(bb.getInt(p));
        long nPub = Integer.toUnsignedLong(bb.getInt(p + 4));
        long domainSize = Integer.toUnsignedLong(bb.getInt(p + 8));
        p += 12;
        if (nVars < 1 || nPub >= nVars || nVars > Integer.MAX_VALUE / 32) {
            throw new ZkeyFormatException(".zkey header: " + nVars + " wires and " + nPub + " public inputs is out of range");
        }
        if (Long.bitCount(domainSize) != 1 || domainSize < 2 || domainSize > 1L << MAX_LOG) {
            throw new ZkeyFormatException(".zkey header: domain size " + domainSize + " is not a power of two in 2..2^" + MAX_LOG);
        }
        int log = Long.numberOfTrailingZeros(domainSize);
        int v = (int) nVars;
        int np = (int) nPub;
        int n = (int) domainSize;
        G1Affine alpha1 = g1(in, p, 2, "alpha1");
        G1Affine beta1 = g1(in, p + G1B, 2, "beta1");
        G2Affine beta2 = g2(in, p + 2 * G1B, "beta2");
        G2Affine gamma2 = g2(in, p + 2 * G1B + G2B, "gamma2");
        G1Affine delta1 = g1(in, p + 2 * G1B + 2 * G2B, 2, "delta1");
        G2Affine delta2 = g2(in, p + 3 * G1B + 2 * G2B, "delta2");
        if (alpha1.isInfinity() || beta1.isInfinity() || delta1.isInfinity() || beta2.isInfinity()
                || gamma2.isInfinity() || delta2.isInfinity()) {
            throw new ZkeyFormatException(".zkey header: alpha, beta, gamma or delta is the point at infinity");
        }

        // point sections
        expect(len, 3, (long) G1B * (np + 1));
        expect(len, 5, (long) G1B * v);
        expect(len, 6, (long) G1B * v);
        expect(len, 7, (long) G2B * v);
        expect(len, 8, (long) G1B * (v - np - 1));
        expect(len, 9, (long) G1B * n);
        List<G1Affine> ic = new ArrayList<>();
        for (int i = 0; i <= np; i++) {
            ic.add(g1(in, pos[3] + G1B * i, 3, "IC[" + i + "]"));
        }
        G1Packed a = g1s(bb, pos[5], v, 5);
        G1Packed b1 = g1s(bb, pos[6], v, 6);
        long[] b2 = longs(bb, pos[7], 16 * v);
        try {
            G2Packed.ofOnCurve(b2);
        } catch (IllegalArgumentException e) {
            throw new ZkeyFormatException(".zkey section " + SECTION[7] + " holds an invalid point: " + e.getMessage());
        }
        G1Packed l = g1s(bb, pos[8], v - np - 1, 8);
        G1Packed h = g1s(bb, pos[9], n, 9);

        // section 4: coefficients of A and B (matrix 0, 1), rows < n (constraints, then the public bindings)
        if (len[4] < 4) {
            throw new ZkeyFormatException(".zkey coefficient section is truncated");
        }
        long count = Integer.toUnsignedLong(bb.getInt(pos[4]));
        expect(len, 4, 4 + COEF_BYTES * count);
        int m = (int) count;
        int[] matrix = new int[m];
        int[] row = new int[m];
        int[] wire = new int[m];
        long[] coef = new long[4 * m];
        for (int i = 0; i < m; i++) {
            int o = pos[4] + 4 + COEF_BYTES * i;
            matrix[i] = bb.getInt(o);
            row[i] = bb.getInt(o + 4);
            wire[i] = bb.getInt(o + 8);
            if ((matrix[i] != 0 && matrix[i] != 1) || Integer.toUnsignedLong(row[i]) >= n
                    || Integer.toUnsignedLong(wire[i]) >= v) {
                throw new ZkeyFormatException(".zkey coefficient " + i + " has matrix " + Integer.toUnsignedString(matrix[i])
                        + ", row " + Integer.toUnsignedString(row[i]) + ", wire " + Integer.toUnsignedString(wire[i])
                        + ": out of range");
            }
            for (int k = 0; k < 4; k++) {
                coef[4 * i + k] = bb.getLong(o + 12 + 8 * k);
            }
            if (!canonical(coef, 4 * i)) {
                throw new ZkeyFormatException(".zkey coefficient " + i + " is not reduced modulo r");
            }
            // snarkjs stores c R^2 (so that its Montgomery product with a plain witness value is in Montgomery
            // form); one Montgomery reduction gives c R, our Montgomery form of c
            Fr.fromMont(coef, 4 * i);
        }

        // section 10: circuit hash, contribution count (the records are snarkjs's: zkey verify checks them)
        if (len[10] < 68) {
            throw new ZkeyFormatException(".zkey contributions section is truncated");
        }
        byte[] csHash = Arrays.copyOfRange(in, pos[10], pos[10] + 64);
        long contributions = Integer.toUnsignedLong(bb.getInt(pos[10] + 64));
        if (contributions > 1_000_000) {
            throw new ZkeyFormatException(".zkey contributions section claims " + contributions + " contributions");
        }
        return new Zkey(v, np, log, alpha1, beta1, delta1, beta2, gamma2, delta2, ic, matrix, row, wire, coef, a, b1,
                b2, l, h, csHash, (int) contributions);
    }

    private static void expect(int[] len, int section, long bytes) {
        if (len[section] != bytes) {
            throw new ZkeyFormatException(".zkey section " + SECTION[section] + " has " + len[section]
                    + " bytes, the header implies " + bytes);
        }
    }

    private static long[] longs(ByteBuffer bb, int pos, int count) {
        long[] out = new long[count];
        bb.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(pos).asLongBuffer().get(out);
        return out;
    }

    private static G1Packed g1s(ByteBuffer bb, int pos, int count, int section) {
        try {
            return G1Packed.of(longs(bb, pos, 8 * count));
        } catch (IllegalArgumentException e) {
            throw new ZkeyFormatException(".zkey section " + SECTION[section] + " holds an invalid point: " + e.getMessage());
        }
    }

    private static G1Affine g1(byte[] in, int pos, int section, String name) {
        try {
            return G1Affine.readPacked(longs(ByteBuffer.wrap(in), pos, 8), 0);
        } catch (IllegalArgumentException e) {
            throw new ZkeyFormatException(".zkey section " + SECTION[section] + ": " + name + " is not a valid G1 point: "
                    + e.getMessage());
        }
    }

    /** A header G2 point with the subgroup check: these reach the verifying key. */
    private static G2Affine g2(byte[] in, int pos, String name) {
        try {
            return G2Affine.readPacked(longs(ByteBuffer.wrap(in), pos, 16), 0);
        } catch (IllegalArgumentException e) {
            throw new ZkeyFormatException(".zkey header: " + name + " is not a valid G2 point: " + e.getMessage());
        }
    }

    private static boolean canonical(long[] k, int ko) {
        long[] mod = {Fr.M0, Fr.M1, Fr.M2, Fr.M3};
        for (int i = 3; i >= 0; i--) {
            int c = Long.compareUnsigned(k[ko + i], mod[i]);
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }

    private static byte[] leBytes(BigInteger x) {
        byte[] be = x.toByteArray();
        byte[] le = new byte[N8];
        for (int i = 0; i < N8 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    // ------------------------------------------------------------------ conversion

    /** As {@link #toProvingKey(R1cs, PowersOfTau, SetupListener)} without the phase-1 check. */
    public ProvingKey toProvingKey(R1cs r1cs) {
        return toProvingKey(r1cs, null, SetupListener.NONE);
    }

    /**
     * Our proving key (with its verifying key) for r1cs. Refuses a .zkey made for another circuit (sizes, or the
     * A and B coefficients with the public-input binding rows differ) and one without contribution. Always checks
     * e(delta1, G2) = e(G1, delta2). When ptau is not null (a checked phase 1: {@link Ceremony#importPtau}), also
     * recomputes this circuit's start key from it and requires alpha, beta, gamma, IC, A, B1 and B2 equal to it
     * and L, H equal to its L, H divided by delta (random linear combination, one pairing product each), which
     * also covers the C matrix and puts B2 in the subgroup; without ptau the B2 points get the subgroup check one
     * by one. Throws {@link CeremonyException} when a check fails.
     */
    public ProvingKey toProvingKey(R1cs r1cs, PowersOfTau ptau, SetupListener listener) {
        return toPhase2Key(r1cs, ptau, listener).toProvingKey();
    }

    Phase2Key toPhase2Key(R1cs r1cs, PowersOfTau ptau, SetupListener listener) {
        Objects.requireNonNull(r1cs, "r1cs");
        Objects.requireNonNull(listener, "listener");
        checkCircuit(r1cs);
        refuseUncontributed();
        if (!Pairing.productIsOne(new G1Affine[] {delta1, G1Affine.GENERATOR.neg()},
                new G2Affine[] {G2Affine.GENERATOR, delta2})) {
            throw new CeremonyException("the .zkey's delta in G1 and G2 disagree");
        }
        int n = 1 << log;
        LongConsumer progress = Phase2Key.counter(listener, "H query from the .zkey (group DFT)",
                (long) (n / 2) * log + n - 1);
        G1Packed h = G1Packed.of(hFromOddLagrange(oddLagrange.toLongs(), log, progress));
        G2Packed b2p = ptau == null ? checkedB2(listener) : G2Packed.ofOnCurve(b2);
        Phase2Key k = new Phase2Key(nVars, nPub, r1cs.nConstraints(), log, R1csDigest.of(r1cs), alpha1, beta1, delta1,
                beta2, gamma2, delta2, ic, a, b1, b2p, l, h);
        if (ptau != null) {
            checkAgainstStart(k, Phase2Key.start(ptau, r1cs, listener));
        }
        return k;
    }

    /**
     * H_i = -2 w^i F_i for i &lt; n - 1, F = forward group DFT (size n = 2^log) of the odd-point Lagrange basis
     * S_j = L_(2j+1)(tau) of the domain 2n, w its primitive root (see the class comment). Packed affine in, out.
     */
    static long[] hFromOddLagrange(long[] s, int log, LongConsumer progress) {
        int n = 1 << log;
        long[] f = BulkOps.dft(PointOps.G1, s, log, progress);
        Fr w = Domain.ofLog(log + 1).omega();
        long[] k = new long[4 * (n - 1)];
        Fr x = Fr.of(2).neg();
        for (int i = 0; i < n - 1; i++) {
            System.arraycopy(x.toCanonicalLimbs(), 0, k, 4 * i, 4);
            x = x.mul(w);
        }
        return BulkOps.mulEach(PointOps.G1, f, n - 1, k, 4, progress);
    }

    private void refuseUncontributed() {
        if (delta2.equals(gamma2) || delta1.equals(G1Affine.GENERATOR)) {
            throw new CeremonyException("the .zkey has no phase-2 contribution (delta = 1 is public): run"
                    + " `snarkjs zkey contribute` and `zkey beacon` first");
        }
    }

    private G2Packed checkedB2(SetupListener listener) {
        LongConsumer progress = Phase2Key.counter(listener, "B2 subgroup check", nVars);
        try {
            G2Packed out = G2Packed.of(b2);
            progress.accept(nVars);
            return out;
        } catch (IllegalArgumentException e) {
            throw new ZkeyFormatException(".zkey section " + SECTION[7] + " holds an invalid point: " + e.getMessage());
        }
    }

    /**
     * The circuit binding: same sizes and the same A and B matrices (terms of a row compared as a set, duplicate
     * wires summed, zero terms dropped), including snarkjs's public-input rows m + i with A = wire i.
     */
    private void checkCircuit(R1cs r) {
        int m = r.nConstraints();
        if (r.nWires() != nVars || r.nPublic() != nPub) {
            throw new CeremonyException("the .zkey is for another circuit: it has " + nVars + " wires and " + nPub
                    + " public inputs, the .r1cs " + r.nWires() + " and " + r.nPublic());
        }
        int want = Domain.atLeast(m + nPub + 1).log();
        if (want != log) {
            throw new CeremonyException("the .zkey is for another circuit: its domain is 2^" + log + ", the .r1cs needs 2^" + want);
        }
        int rows = m + nPub + 1;
        for (int mat = 0; mat < 2; mat++) {
            R1cs.Matrix x = mat == 0 ? r.a() : r.b();
            int extra = mat == 0 ? nPub + 1 : 0;
            int terms = x.terms();
            int[] rowOf = new int[terms + extra];
            int[] wireOf = new int[terms + extra];
            long[] c = Arrays.copyOf(x.montCoeffs(), 4 * (terms + extra));
            int[] starts = x.rowStarts();
            int[] wires = x.wires();   // a copy: fetch once
            for (int row = 0; row + 1 < starts.length; row++) {
                for (int t = starts[row]; t < starts[row + 1]; t++) {
                    rowOf[t] = row;
                    wireOf[t] = wires[t];
                }
            }
            long[] one = Fr.ONE.toCanonicalLimbs();
            Fr.toMont(one, 0);
            for (int i = 0; i < extra; i++) {
                rowOf[terms + i] = m + i;
                wireOf[terms + i] = i;
                System.arraycopy(one, 0, c, 4 * (terms + i), 4);
            }
            int own = 0;
            for (int mm : coefMatrix) {
                own += mm == mat ? 1 : 0;
            }
            int[] zRow = new int[own];
            int[] zWire = new int[own];
            long[] zc = new long[4 * own];
            for (int i = 0, j = 0; i < coefMatrix.length; i++) {
                if (coefMatrix[i] == mat) {
                    if (coefRow[i] >= rows) {
                        throw new CeremonyException("the .zkey is for another circuit: it has a matrix "
                                + (mat == 0 ? "A" : "B") + " term in row " + coefRow[i] + ", past the circuit's " + rows);
                    }
                    zRow[j] = coefRow[i];
                    zWire[j] = coefWire[i];
                    System.arraycopy(coefMont, 4 * i, zc, 4 * j, 4);
                    j++;
                }
            }
            Canonical ours = Canonical.of(rows, rowOf, wireOf, c);
            Canonical theirs = Canonical.of(rows, zRow, zWire, zc);
            int bad = ours.firstDifferentRow(theirs);
            if (bad >= 0) {
                throw new CeremonyException("the .zkey is for another circuit: matrix " + (mat == 0 ? "A" : "B")
                        + (bad < m ? " constraint " + bad : " public-input row " + (bad - m))
                        + " differs from the .r1cs");
            }
        }
    }

    /** A sparse matrix with each row's terms sorted by wire, duplicates summed and zeros dropped. */
    private record Canonical(int[] start, int[] wires, long[] coefs) {
        static Canonical of(int rows, int[] rowOf, int[] wireOf, long[] c) {
            int terms = rowOf.length;
            int[] start = new int[rows + 1];
            for (int r : rowOf) {
                start[r + 1]++;
            }
            for (int r = 0; r < rows; r++) {
                start[r + 1] += start[r];
            }
            // per row: (wire << 32 | term) sorted, so equal wires are adjacent
            long[] keys = new long[terms];
            int[] fill = Arrays.copyOf(start, rows);
            for (int t = 0; t < terms; t++) {
                keys[fill[rowOf[t]]++] = ((long) wireOf[t] << 32) | t;
            }
            int[] outStart = new int[rows + 1];
            int[] outWires = new int[terms];
            long[] outC = new long[4 * terms];
            long[] sum = new long[4];
            int o = 0;
            for (int r = 0; r < rows; r++) {
                Arrays.sort(keys, start[r], start[r + 1]);
                int i = start[r];
                while (i < start[r + 1]) {
                    int w = (int) (keys[i] >>> 32);
                    Arrays.fill(sum, 0L);
                    for (; i < start[r + 1] && (int) (keys[i] >>> 32) == w; i++) {
                        Fr.add(sum, 0, sum, 0, c, 4 * (int) (keys[i] & 0xffffffffL));
                    }
                    if (!Fr.isZero(sum, 0)) {
                        outWires[o] = w;
                        System.arraycopy(sum, 0, outC, 4 * o, 4);
                        o++;
                    }
                }
                outStart[r + 1] = o;
            }
            return new Canonical(outStart, Arrays.copyOf(outWires, o), Arrays.copyOf(outC, 4 * o));
        }

        /** The first row whose terms differ, or -1. */
        int firstDifferentRow(Canonical x) {
            for (int r = 0; r + 1 < start.length; r++) {
                int n = start[r + 1] - start[r];
                if (n != x.start[r + 1] - x.start[r]
                        || !Arrays.equals(wires, start[r], start[r + 1], x.wires, x.start[r], x.start[r + 1])
                        || !Arrays.equals(coefs, 4 * start[r], 4 * start[r + 1], x.coefs, 4 * x.start[r], 4 * x.start[r + 1])) {
                    return r;
                }
            }
            return -1;
        }
    }

    /** The phase-1 consistency check (docs/CEREMONY.md, "snarkjs exchange"). */
    private static void checkAgainstStart(Phase2Key k, Phase2Key start) {
        String[] names = {"alpha1", "beta1", "beta2", "gamma2 (must be the G2 generator)", "IC", "A query",
            "B1 query", "B2 query"};
        boolean[] same = {k.alpha1.equals(start.alpha1), k.beta1.equals(start.beta1), k.beta2.equals(start.beta2),
            k.gamma2.equals(start.gamma2), k.ic.equals(start.ic), k.a.equals(start.a), k.b1.equals(start.b1),
            k.b2.equals(start.b2)};
        for (int i = 0; i < names.length; i++) {
            if (!same[i]) {
                throw new CeremonyException("the .zkey's " + names[i] + " differs from the key of this .ptau and circuit");
            }
        }
        SecureRandom rnd = new SecureRandom();
        if (!Ceremony.dividedByDelta(start.l, k.l, k.delta2, rnd)) {
            throw new CeremonyException("the .zkey's C (L) query is not this .ptau's and circuit's divided by delta");
        }
        if (!Ceremony.dividedByDelta(start.h, k.h, k.delta2, rnd)) {
            throw new CeremonyException("the .zkey's H query is not this .ptau's and circuit's divided by delta");
        }
    }

    @Override
    public String toString() {
        return "Zkey{wires=" + nVars + ", public=" + nPub + ", domain=2^" + log + ", contributions=" + contributions + "}";
    }
}
