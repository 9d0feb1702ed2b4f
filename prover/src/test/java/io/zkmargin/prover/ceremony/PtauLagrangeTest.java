package io.zkmargin.prover.ceremony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.circom.R1csFile;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Jacobian;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.crypto.msm.Msm;
import io.zkmargin.crypto.ntt.Domain;
import io.zkmargin.prover.ceremony.PowersOfTau.LagrangeBasis;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase-2 Lagrange sections 12-15 of a prepared .ptau: snarkjs 0.7.6's prepared power-8 fixture against the group
 * inverse FFT of its own powers (an independent computation), our local phase 1 against the same FFT and against
 * snarkjs's reader, and refusal of tampered, truncated and incomplete sections.
 */
class PtauLagrangeTest {
    static byte[] preparedBytes;
    static PowersOfTau prepared;

    @BeforeAll
    static void load() throws Exception {
        preparedBytes = Files.readAllBytes(CeremonyTest.resource("prepared8.ptau"));
        prepared = PowersOfTau.decode(preparedBytes);
    }

    // ------------------------------------------------------------------ helpers (independent of the reader)

    /** Section id to {offset of content, size} from the container's table. */
    static Map<Integer, long[]> sections(byte[] file) {
        ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int count = bb.getInt(8);
        Map<Integer, long[]> out = new LinkedHashMap<>();
        int at = 12;
        for (int i = 0; i < count; i++) {
            int type = bb.getInt(at);
            long size = bb.getLong(at + 4);
            out.put(type, new long[] {at + 12, size});
            at += 12 + (int) size;
        }
        return out;
    }

    static byte[] section(byte[] file, int type) {
        long[] s = sections(file).get(type);
        return Arrays.copyOfRange(file, (int) s[0], (int) (s[0] + s[1]));
    }

    /** Offset in the file of point i of the domain-2^k slice of a Lagrange section. */
    static int pointAt(byte[] file, int type, int k, int i) {
        int size = type == 13 ? 128 : 64;
        return (int) sections(file).get(type)[0] + size * ((1 << k) - 1 + i);
    }

    /**
     * The basis equals the inverse DFT of the powers, L_i = (1/n) sum_j omega^(-ij) tau^j G. Up to 2^5 points
     * exactly, by the reference group FFT on point objects (Phase2Key.lagrangeG1/G2); above that the reference
     * takes seconds per basis, so by a random linear combination instead: sum_i r_i L_i = sum_j c_j tau^j G with
     * c_j = (1/n) sum_i r_i omega^(-ij) computed naively here (no FFT code involved; a wrong point passes with
     * probability about 2^-128).
     */
    static void assertBasisIsGroupFft(PowersOfTau p, LagrangeBasis l) {
        int k = l.log();
        Domain d = Domain.ofLog(k);
        String where = ", domain 2^" + k;
        if (k <= 5) {
            assertEquals(G1Packed.from(G1Jacobian.batchToAffine(Phase2Key.lagrangeG1(p.tauG1(), d))), l.tauG1(),
                    "tau G1 Lagrange" + where);
            assertEquals(G2Packed.from(G2Jacobian.batchToAffine(Phase2Key.lagrangeG2(p.tauG2(), d))), l.tauG2(),
                    "tau G2 Lagrange" + where);
            assertEquals(G1Packed.from(G1Jacobian.batchToAffine(Phase2Key.lagrangeG1(p.alphaTauG1(), d))),
                    l.alphaTauG1(), "alpha tau G1 Lagrange" + where);
            assertEquals(G1Packed.from(G1Jacobian.batchToAffine(Phase2Key.lagrangeG1(p.betaTauG1(), d))),
                    l.betaTauG1(), "beta tau G1 Lagrange" + where);
        } else {
            Random rnd = new SecureRandom();
            assertG1MatchesNaiveDft(p.tauG1(), l.tauG1(), k, rnd, "tau G1 Lagrange" + where);
            assertG1MatchesNaiveDft(p.alphaTauG1(), l.alphaTauG1(), k, rnd, "alpha tau G1 Lagrange" + where);
            assertG1MatchesNaiveDft(p.betaTauG1(), l.betaTauG1(), k, rnd, "beta tau G1 Lagrange" + where);
            long[][] rc = naiveDft(k, rnd);
            assertEquals(Msm.g2(p.tauG2(), rc[1], 1 << k).toAffine(), Msm.g2(l.tauG2(), rc[0], 1 << k).toAffine(),
                    "tau G2 Lagrange" + where);
        }
    }

    static void assertG1MatchesNaiveDft(G1Packed powers, G1Packed basis, int k, Random rnd, String what) {
        long[][] rc = naiveDft(k, rnd);
        assertEquals(Msm.g1(powers, rc[1], 1 << k).toAffine(), Msm.g1(basis, rc[0], 1 << k).toAffine(), what);
    }

    /** [0]: 2^k random 128-bit r_i; [1]: c_j = (1/n) sum_i r_i omega^(-ij); both canonical limbs. */
    static long[][] naiveDft(int k, Random rnd) {
        int n = 1 << k;
        Fr[] w = new Fr[n];   // omega^(-t)
        w[0] = Fr.ONE;
        for (int t = 1; t < n; t++) {
            w[t] = w[t - 1].mul(Domain.ofLog(k).omegaInverse());
        }
        Fr[] r = new Fr[n];
        long[] rl = new long[4 * n];
        for (int i = 0; i < n; i++) {
            r[i] = Fr.of(new BigInteger(128, rnd));
            System.arraycopy(r[i].toCanonicalLimbs(), 0, rl, 4 * i, 4);
        }
        Fr nInv = Fr.of(n).inverse();
        long[] cl = new long[4 * n];
        for (int j = 0; j < n; j++) {
            Fr c = Fr.ZERO;
            for (int i = 0; i < n; i++) {
                c = c.add(r[i].mul(w[(int) ((long) i * j % n)]));
            }
            System.arraycopy(c.mul(nInv).toCanonicalLimbs(), 0, cl, 4 * j, 4);
        }
        return new long[][] {rl, cl};
    }

    /** Section 12's top slice: inverse DFT over 2^(p+1) of the tau G1 powers padded with one infinity. */
    static void assertTopSliceIsPaddedFft(PowersOfTau p) {
        int m = 2 << p.power();
        G1Packed padded = G1Packed.of(Arrays.copyOf(p.tauG1().toLongs(), 8 * m));
        G1Packed top = p.tauG1Lagrange2n().orElseThrow();
        if (p.power() + 1 <= 5) {
            assertEquals(G1Packed.from(G1Jacobian.batchToAffine(Phase2Key.lagrangeG1(padded, Domain.ofLog(p.power() + 1)))),
                    top);
        } else {
            assertG1MatchesNaiveDft(padded, top, p.power() + 1, new SecureRandom(), "section 12 top slice");
        }
    }

    static PtauFormatException refusedByCheck(byte[] file) {
        PowersOfTau p = PowersOfTau.decode(file);
        return assertThrows(PtauFormatException.class, () -> p.check(new SecureRandom()));
    }

    // ------------------------------------------------------------------ snarkjs's prepared file

    @Test
    void snarkjsPrepared_bases_equalGroupFftOfThePowers() throws Exception {
        prepared.check(new SecureRandom());
        assertEquals(8, prepared.power());
        assertTrue(prepared.hasAllLagrange());
        // prepare phase2 keeps the powers: the same as the unprepared fixture's
        PowersOfTau pot8 = PowersOfTau.read(CeremonyTest.resource("pot8.ptau"));
        assertEquals(pot8.tauG1(), prepared.tauG1());
        assertEquals(pot8.tauG2(), prepared.tauG2());
        assertEquals(pot8.betaG2(), prepared.betaG2());
        assertFalse(pot8.lagrange(3).isPresent());
        for (int k = 0; k <= 8; k++) {
            LagrangeBasis l = prepared.lagrange(k).orElseThrow();
            assertEquals(k, l.log());
            if (k == 0) {
                assertEquals(G1Affine.GENERATOR, l.tauG1().get(0));   // L_0 = 1 on the one-point domain
            }
            assertBasisIsGroupFft(prepared, l);
        }
        assertFalse(prepared.lagrange(9).isPresent());
        assertTopSliceIsPaddedFft(prepared);
        // the randomized comparison used above 2^5 does tell bases apart
        G1Packed alpha7 = prepared.lagrange(7).orElseThrow().alphaTauG1();
        assertThrows(AssertionError.class,
                () -> assertG1MatchesNaiveDft(prepared.tauG1(), alpha7, 7, new SecureRandom(), "alpha is not tau"));
    }

    @Test
    void snarkjsPrepared_reEncodes_sectionsByteForByte() {
        byte[] ours = prepared.encode();
        for (int t : new int[] {1, 2, 3, 4, 5, 6, 12, 13, 14, 15}) {
            assertArrayEquals(section(preparedBytes, t), section(ours, t), "section " + t);
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15), new ArrayList<>(sections(ours).keySet()));
    }

    @Test
    void seekingRead_loadsOnlyTheCircuitsSlice(@TempDir Path dir) throws Exception {
        Path file = CeremonyTest.resource("prepared8.ptau");
        PowersOfTau five = Ceremony.importPtau(file, 5);   // reads and checks
        assertEquals(5, five.power());
        assertEquals(prepared.lagrange(5).orElseThrow(), five.lagrange(5).orElseThrow());
        assertFalse(five.lagrange(4).isPresent());
        assertFalse(five.lagrange(6).isPresent());
        assertFalse(five.hasAllLagrange());
        // without all bases it writes a plain phase 1, identical to the unprepared file's prefix
        assertArrayEquals(PowersOfTau.read(CeremonyTest.resource("pot8.ptau"), 5).encode(), five.encode());
        assertFalse(PowersOfTau.decode(five.encode()).lagrange(5).isPresent());

        PowersOfTau all = PowersOfTau.read(file, 12);
        assertEquals(8, all.power());
        assertEquals(prepared.lagrange(8).orElseThrow(), all.lagrange(8).orElseThrow());
        assertFalse(all.lagrange(7).isPresent());

        // a tampered domain-2^5 point is refused when that slice is read, unnoticed (not loaded) otherwise
        byte[] bad = preparedBytes.clone();
        System.arraycopy(preparedBytes, pointAt(preparedBytes, 14, 5, 4), bad, pointAt(preparedBytes, 14, 5, 3), 64);
        Path badFile = dir.resolve("bad.ptau");
        Files.write(badFile, bad);
        PtauFormatException e = assertThrows(PtauFormatException.class, () -> Ceremony.importPtau(badFile, 5));
        assertTrue(e.getMessage().contains("section 14"), e.getMessage());
        Ceremony.importPtau(badFile, 4);
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void tamperedLagrangePoint_isRefusedNamingTheSection() {
        // valid curve points in the wrong place: decoding accepts them, the consistency check does not
        byte[] t14 = preparedBytes.clone();
        System.arraycopy(preparedBytes, pointAt(preparedBytes, 14, 5, 4), t14, pointAt(preparedBytes, 14, 5, 3), 64);
        PtauFormatException e = refusedByCheck(t14);
        assertTrue(e.getMessage().contains("section 14"), e.getMessage());

        byte[] t13 = preparedBytes.clone();
        System.arraycopy(preparedBytes, pointAt(preparedBytes, 13, 3, 1), t13, pointAt(preparedBytes, 13, 3, 0), 128);
        e = refusedByCheck(t13);
        assertTrue(e.getMessage().contains("section 13"), e.getMessage());

        // the top slice of section 12 (domain 2^9) is checked too
        byte[] t12 = preparedBytes.clone();
        System.arraycopy(preparedBytes, pointAt(preparedBytes, 12, 9, 7), t12, pointAt(preparedBytes, 12, 9, 100), 64);
        e = refusedByCheck(t12);
        assertTrue(e.getMessage().contains("section 12"), e.getMessage());

        byte[] t15 = preparedBytes.clone();
        System.arraycopy(preparedBytes, pointAt(preparedBytes, 15, 0, 0), t15, pointAt(preparedBytes, 15, 8, 255), 64);
        e = refusedByCheck(t15);
        assertTrue(e.getMessage().contains("section 15"), e.getMessage());

        // a point off the curve is refused at decoding
        byte[] off = preparedBytes.clone();
        off[pointAt(preparedBytes, 13, 2, 1) + 5] ^= 1;
        e = assertThrows(PtauFormatException.class, () -> PowersOfTau.decode(off));
        assertTrue(e.getMessage().contains("section 13"), e.getMessage());
    }

    @Test
    void truncatedOrMissingLagrangeSection_isRefused(@TempDir Path dir) throws Exception {
        // section 12 one point short (its size field agrees, the layout does not)
        long[] s12 = sections(preparedBytes).get(12);
        int end = (int) (s12[0] + s12[1]);
        byte[] cut = new byte[preparedBytes.length - 64];
        System.arraycopy(preparedBytes, 0, cut, 0, end - 64);
        System.arraycopy(preparedBytes, end, cut, end - 64, preparedBytes.length - end);
        ByteBuffer.wrap(cut).order(ByteOrder.LITTLE_ENDIAN).putLong((int) s12[0] - 8, s12[1] - 64);
        PtauFormatException e = assertThrows(PtauFormatException.class, () -> PowersOfTau.decode(cut));
        assertTrue(e.getMessage().contains("section 12"), e.getMessage());
        Path cutFile = dir.resolve("cut.ptau");
        Files.write(cutFile, cut);
        e = assertThrows(PtauFormatException.class, () -> PowersOfTau.read(cutFile, 5));
        assertTrue(e.getMessage().contains("section 12"), e.getMessage());

        // the file simply ends inside section 15
        byte[] shortFile = Arrays.copyOf(preparedBytes, preparedBytes.length - 100);
        assertThrows(PtauFormatException.class, () -> PowersOfTau.decode(shortFile));

        // sections 12-14 without 15: the count says one section fewer, its bytes are gone
        long[] s15 = sections(preparedBytes).get(15);
        byte[] no15 = Arrays.copyOf(preparedBytes, (int) s15[0] - 12);
        ByteBuffer.wrap(no15).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 10);
        e = assertThrows(PtauFormatException.class, () -> PowersOfTau.decode(no15));
        assertTrue(e.getMessage().contains("lacks section 15"), e.getMessage());
    }

    @Test
    void badArguments_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> prepared.lagrange(-1));
        LagrangeBasis l = prepared.lagrange(2).orElseThrow();
        LagrangeBasis l3 = prepared.lagrange(3).orElseThrow();
        assertThrows(IllegalArgumentException.class,
                () -> new LagrangeBasis(2, l.tauG1(), l3.tauG2(), l.alphaTauG1(), l.betaTauG1()));
        assertThrows(IllegalArgumentException.class,
                () -> new LagrangeBasis(3, l.tauG1(), l.tauG2(), l.alphaTauG1(), l.betaTauG1()));
        assertThrows(IllegalArgumentException.class, () -> PowersOfTau.localInsecure(21, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> PowersOfTau.localInsecureFor(0, new Random(1)));
    }

    // ------------------------------------------------------------------ local phase 1

    @Test
    void localPhase1_bases_equalGroupFft_andRoundTrip() {
        PowersOfTau local = PowersOfTau.localInsecure(6, new Random(7));
        local.check(new SecureRandom());
        assertTrue(local.hasAllLagrange());
        for (int k = 0; k <= 6; k++) {
            assertBasisIsGroupFft(local, local.lagrange(k).orElseThrow());
        }
        assertTopSliceIsPaddedFft(local);

        byte[] enc = local.encode();
        Map<Integer, long[]> secs = sections(enc);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15), new ArrayList<>(secs.keySet()));
        assertEquals(64L * (4 * 64 - 1), secs.get(12)[1]);
        assertEquals(128L * (2 * 64 - 1), secs.get(13)[1]);
        assertEquals(64L * (2 * 64 - 1), secs.get(14)[1]);
        PowersOfTau back = PowersOfTau.decode(enc);
        back.check(new SecureRandom());
        assertArrayEquals(enc, back.encode());
        assertEquals(local.lagrange(4).orElseThrow(), back.lagrange(4).orElseThrow());
    }

    @Test
    void localPhase1ForOneDomain_carriesOnlyThatBasis() {
        PowersOfTau one = PowersOfTau.localInsecureFor(5, new Random(11));
        one.check(new SecureRandom());
        assertEquals(5, one.power());
        assertBasisIsGroupFft(one, one.lagrange(5).orElseThrow());
        assertFalse(one.lagrange(4).isPresent());
        assertFalse(one.hasAllLagrange());
        // not a standard prepared file: written without sections 12-15
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), new ArrayList<>(sections(one.encode()).keySet()));
    }

    @Test
    void localPhase1File_isAcceptedBySnarkjs(@TempDir Path dir) throws Exception {
        Path cli = CeremonyTest.testTools().resolve("node_modules/snarkjs/build/cli.cjs");
        assumeTrue(Files.exists(cli), "snarkjs not installed in test-tools (npm ci)");
        PowersOfTau local = PowersOfTau.localInsecure(8, new Random(3));
        local.write(dir.resolve("ours.ptau"));
        Path r1cs = CeremonyTest.testTools().resolve("fixtures/groth16/small.r1cs");
        snarkjs(cli, dir, "groth16", "setup", r1cs.toString(), "ours.ptau", "x.zkey");
        snarkjs(cli, dir, "zkey", "export", "verificationkey", "x.zkey", "vk.json");
        // snarkjs builds IC from sections 12, 14 and 15 at the offsets of the circuit's domain: it must find
        // the points our own start key derives from the powers
        R1cs small = R1csFile.read(r1cs);
        Phase2Key start = Phase2Key.start(local, small);
        List<G1Affine> ic = icPoints(Files.readString(dir.resolve("vk.json")));
        assertEquals(start.ic, ic);
    }

    private static void snarkjs(Path cli, Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("node", cli.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "snarkjs timed out");
        assertEquals(0, p.exitValue(), out);
    }

    /** The "IC" array of snarkjs's verification_key.json as affine points ([x, y, "1"] each). */
    private static List<G1Affine> icPoints(String json) {
        int start = json.indexOf("\"IC\"");
        assertTrue(start >= 0, json);
        Matcher m = Pattern.compile("\"(\\d+)\"").matcher(json.substring(start));   // IC is the last entry
        List<String> nums = new ArrayList<>();
        while (m.find()) {
            nums.add(m.group(1));
        }
        List<G1Affine> out = new ArrayList<>();
        assertEquals(0, nums.size() % 3, json);
        for (int i = 0; i < nums.size(); i += 3) {
            assertEquals("1", nums.get(i + 2));
            out.add(G1Affine.of(Fp.fromDecimal(nums.get(i)), Fp.fromDecimal(nums.get(i + 1))));
        }
        return out;
    }
}
