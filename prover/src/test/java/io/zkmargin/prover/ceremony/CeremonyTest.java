package io.zkmargin.prover.ceremony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.circom.R1csFile;
import io.zkmargin.circuits.circom.WtnsFile;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.groth16.VerifyingKey;
import io.zkmargin.prover.Groth16Prover;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.ProvingKeyFile;
import io.zkmargin.verifier.Groth16Verifier;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phase-2 ceremony on the snarkjs-made power-8 .ptau and the committed circom fixture circuit: three parties
 * plus a beacon, keys then prove/verify; verification refuses tampered, skipped and foreign contributions.
 */
class CeremonyTest {
    static PowersOfTau ptau;
    static R1cs small;
    static Witness smallWitness;
    static Transcript ceremony;   // three contributions and a beacon

    static Path testTools() {
        String v = System.getProperty("zk.vectors");
        return (v != null ? Path.of(v).getParent() : Path.of("..")).resolve("test-tools").toAbsolutePath().normalize();
    }

    static Path resource(String name) throws Exception {
        return Path.of(CeremonyTest.class.getResource("/ceremony/" + name).toURI());
    }

    @BeforeAll
    static void setUp() throws Exception {
        ptau = Ceremony.importPtau(resource("pot8.ptau"));
        Path dir = testTools().resolve("fixtures").resolve("groth16");
        small = R1csFile.read(dir.resolve("small.r1cs"));
        smallWitness = WtnsFile.read(dir.resolve("small.wtns"), small);
        Transcript t = Ceremony.start(ptau, small);
        t = Ceremony.contribute(t, "alice", new SecureRandom());
        t = Ceremony.contribute(t, "bob", new SecureRandom());
        t = Ceremony.contribute(t, "carol", new SecureRandom());
        ceremony = Ceremony.beacon(t, "final beacon", "block 123456 hash".getBytes(StandardCharsets.UTF_8), 4);
    }

    @Test
    void startKeyFromSnarkjsPreparedSectionsEqualsOurGroupFftAndVerifiesTheSameCeremony() throws Exception {
        // snarkjs computed prepared8's Lagrange sections; pot8 has none, so our group inverse FFT derives them
        PowersOfTau prepared = Ceremony.importPtau(resource("prepared8.ptau"));
        int log = io.zkmargin.crypto.ntt.Domain.atLeast(small.nConstraints() + small.nPublic() + 1).log();
        assertTrue(prepared.lagrange(log).isPresent());
        assertTrue(ptau.lagrange(log).isEmpty());
        assertArrayEquals(Phase2Key.start(ptau, small).hash(), Phase2Key.start(prepared, small).hash());
        assertEquals(Ceremony.verify(ceremony, ptau, small), Ceremony.verify(ceremony, prepared, small));
    }

    @Test
    void threePartyCeremony_keysProveAndVerify(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.zkct");
        ceremony.write(file);
        Transcript back = Transcript.read(file);
        assertArrayEquals(ceremony.hash(), back.hash());
        Ceremony.Report report = Ceremony.verify(back, ptau, small);
        assertEquals(List.of("alice", "bob", "carol", "final beacon [beacon 2^4]"), report.contributions());
        assertEquals(back.hashHex(), report.transcriptHash());

        ProvingKey pk = Ceremony.exportProvingKey(back);
        ProvingKeyFile.write(pk, dir.resolve("small.zkpk"));
        ProvingKey loaded = ProvingKeyFile.read(dir.resolve("small.zkpk"));
        assertEquals(pk, loaded);
        VerifyingKey vk = loaded.verifyingKey();
        assertNotEquals(G2Affine.GENERATOR, vk.delta(), "delta must have moved away from 1");

        Proof proof = Groth16Prover.of(loaded, small).prove(smallWitness);
        Fr[] pub = smallWitness.publicValues().toArray(new Fr[0]);
        assertTrue(Groth16Verifier.verify(vk, proof, pub));
        Fr[] wrong = pub.clone();
        wrong[0] = wrong[0].add(Fr.ONE);
        assertFalse(Groth16Verifier.verify(vk, proof, wrong));
    }

    @Test
    void startKey_matchesSnarkjsInitialZkey() throws Exception {
        // independent vector: snarkjs 0.7.6 `groth16 setup` on the same .ptau and r1cs, delta = gamma = 1
        String json = Files.readString(resource("small_vk0.json"));
        Phase2Key k = Phase2Key.start(ptau, small);
        assertEquals(g1(numbers(json, "vk_alpha_1"), 0), k.alpha1);
        assertEquals(g2(numbers(json, "vk_beta_2"), 0), k.beta2);
        assertEquals(g2(numbers(json, "vk_gamma_2"), 0), k.gamma2);
        assertEquals(g2(numbers(json, "vk_delta_2"), 0), k.delta2);
        List<String> ic = numbers(json, "IC");
        assertEquals(3 * (small.nPublic() + 1), ic.size());
        for (int i = 0; i <= small.nPublic(); i++) {
            assertEquals(g1(ic, 3 * i), k.ic.get(i), "IC[" + i + "]");
        }
    }

    @Test
    void tamperedContribution_isRejected() {
        List<Contribution> cs = new ArrayList<>(ceremony.contributions());
        Contribution bob = cs.get(1);
        // a different but well-formed proof point
        cs.set(1, new Contribution(bob.name(), bob.deltaAfter(), bob.s(), bob.rDelta().add(G2Affine.GENERATOR), null, 0));
        Transcript t = new Transcript(ceremony.r1csDigest(), ceremony.startKeyHash(), ceremony.key(), cs);
        CeremonyException e = assertThrows(CeremonyException.class, () -> Ceremony.verify(t, ptau, small));
        assertTrue(e.getMessage().contains("contribution 2"), e.getMessage());

        // renaming a contributor changes the transcript hash the later proofs are bound to
        List<Contribution> renamed = new ArrayList<>(ceremony.contributions());
        Contribution alice = renamed.get(0);
        renamed.set(0, new Contribution("mallory", alice.deltaAfter(), alice.s(), alice.rDelta(), null, 0));
        Transcript t2 = new Transcript(ceremony.r1csDigest(), ceremony.startKeyHash(), ceremony.key(), renamed);
        e = assertThrows(CeremonyException.class, () -> Ceremony.verify(t2, ptau, small));
        assertTrue(e.getMessage().contains("contribution 2"), e.getMessage());
    }

    @Test
    void skippedContribution_isRejected() {
        List<Contribution> cs = new ArrayList<>(ceremony.contributions());
        cs.remove(1);
        Transcript t = new Transcript(ceremony.r1csDigest(), ceremony.startKeyHash(), ceremony.key(), cs);
        assertThrows(CeremonyException.class, () -> Ceremony.verify(t, ptau, small));
        // dropping the last one: the key's delta no longer matches the transcript
        List<Contribution> head = new ArrayList<>(ceremony.contributions().subList(0, 3));
        Transcript t2 = new Transcript(ceremony.r1csDigest(), ceremony.startKeyHash(), ceremony.key(), head);
        CeremonyException e = assertThrows(CeremonyException.class, () -> Ceremony.verify(t2, ptau, small));
        assertTrue(e.getMessage().contains("delta"), e.getMessage());
    }

    @Test
    void keyForAnotherCircuit_isRejected() {
        R1cs other = square();
        CeremonyException e = assertThrows(CeremonyException.class, () -> Ceremony.verify(ceremony, ptau, other));
        assertTrue(e.getMessage().contains("another circuit"), e.getMessage());

        // same circuit, but a key whose non-delta part (A query) was swapped for another phase 1's
        PowersOfTau local = PowersOfTau.localInsecure(3, new Random(7));
        Transcript foreign = Ceremony.contribute(Ceremony.start(local, small), "x", new Random(8));
        Phase2Key k = ceremony.key();
        Phase2Key f = foreign.key();
        Phase2Key mixed = new Phase2Key(k.nWires, k.nPub, k.nCons, k.log, k.r1csDigest(), k.alpha1, k.beta1, k.delta1,
                k.beta2, k.gamma2, k.delta2, k.ic, f.a, k.b1, k.b2, k.l, k.h);
        Transcript t = new Transcript(ceremony.r1csDigest(), ceremony.startKeyHash(), mixed, ceremony.contributions());
        e = assertThrows(CeremonyException.class, () -> Ceremony.verify(t, ptau, small));
        assertTrue(e.getMessage().contains("non-delta"), e.getMessage());
        // a transcript started on another phase 1
        e = assertThrows(CeremonyException.class, () -> Ceremony.verify(foreign, ptau, small));
        assertTrue(e.getMessage().contains("did not start"), e.getMessage());

        // L divided by something other than the published delta
        Phase2Key badL = k.withDelta(k.delta1, k.delta2, f.l, k.h);
        Transcript t3 = new Transcript(ceremony.r1csDigest(), ceremony.startKeyHash(), badL, ceremony.contributions());
        e = assertThrows(CeremonyException.class, () -> Ceremony.verify(t3, ptau, small));
        assertTrue(e.getMessage().contains("L or H"), e.getMessage());
    }

    @Test
    void corruptedPtau_isRejected() throws Exception {
        byte[] good = Files.readAllBytes(resource("pot8.ptau"));
        // tauG1 starts after magic(4) version(4) count(4), header section (12 + 44), section header (12)
        int tauG1 = 12 + 12 + 44 + 12;
        byte[] flipped = good.clone();
        flipped[tauG1 + 64 * 5 + 3] ^= 1;
        PtauFormatException e = assertThrows(PtauFormatException.class, () -> PowersOfTau.decode(flipped));
        assertTrue(e.getMessage().contains("tauG1"), e.getMessage());

        // a valid curve point in the wrong place: decodes, fails the consistency check
        byte[] swapped = good.clone();
        System.arraycopy(good, tauG1 + 64 * 9, swapped, tauG1 + 64 * 5, 64);
        PowersOfTau p = PowersOfTau.decode(swapped);
        e = assertThrows(PtauFormatException.class, () -> p.check(new SecureRandom()));
        assertTrue(e.getMessage().contains("tauG1"), e.getMessage());

        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1000);
        assertThrows(PtauFormatException.class, () -> PowersOfTau.decode(truncated));
        byte[] notPtau = good.clone();
        notPtau[0] = 'x';
        assertThrows(PtauFormatException.class, () -> PowersOfTau.decode(notPtau));
    }

    @Test
    void localPhase1_roundTripsAndPassesTheCheck() {
        PowersOfTau local = PowersOfTau.localInsecure(3, new Random(1));
        local.check(new SecureRandom());
        PowersOfTau back = PowersOfTau.decode(local.encode());
        assertArrayEquals(local.encode(), back.encode());
        assertEquals(3, back.power());
        // the fixture re-encoded by us decodes to the same powers
        assertArrayEquals(ptau.encode(), PowersOfTau.decode(ptau.encode()).encode());
    }

    @Test
    void transcriptFile_rejectsCorruption_andExportNeedsAContribution() {
        byte[] enc = ceremony.encode();
        enc[100] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> Transcript.decode(enc));
        Transcript fresh = Ceremony.start(ptau, small);
        assertThrows(IllegalArgumentException.class, () -> Ceremony.exportProvingKey(fresh));
    }

    @Test
    void beacon_isDeterministicAndBoundToItsValue() {
        byte[] v = {1, 2, 3};
        assertArrayEquals(Ceremony.beaconScalar(v, 3), Ceremony.beaconScalar(v, 3));
        assertFalse(java.util.Arrays.equals(Ceremony.beaconScalar(v, 3), Ceremony.beaconScalar(v, 4)));
        // a beacon record whose s does not match its value is refused
        List<Contribution> cs = new ArrayList<>(ceremony.contributions());
        Contribution b = cs.get(3);
        cs.set(3, new Contribution(b.name(), b.deltaAfter(), b.s(), b.rDelta(), new byte[] {9}, b.beaconIterationsExp()));
        Transcript t = new Transcript(ceremony.r1csDigest(), ceremony.startKeyHash(), ceremony.key(), cs);
        assertThrows(CeremonyException.class, () -> Ceremony.verify(t, ptau, small));
    }

    @Test
    void hashToG2_isInTheSubgroupAndDeterministic() {
        G2Affine p = HashToG2.hash(new byte[] {1});
        assertTrue(p.isInSubgroup());
        assertEquals(p, HashToG2.hash(new byte[] {1}));
        assertNotEquals(p, HashToG2.hash(new byte[] {2}));
    }

    @Test
    void scalarMul_agreesWithTheReference() {
        Random rnd = new Random(3);
        Fr k = Fr.random(rnd);
        long[] limbs = new long[4];
        k.writeMont(limbs, 0);
        Fr.fromMont(limbs, 0);
        G1Affine p = G1Affine.GENERATOR.mul(Fr.of(12345));
        assertEquals(p.mul(k), ScalarMul.g1(p, limbs));
        G2Affine q = G2Affine.GENERATOR.mul(Fr.of(678));
        assertEquals(q.mul(k), ScalarMul.g2(q, limbs));
    }

    /** x * x = y with y public: another circuit. */
    private static R1cs square() {
        long[] one = new long[4];
        Fr.ONE.writeMont(one, 0);
        R1cs.Matrix a = R1cs.Matrix.of(new int[] {0, 1}, new int[] {2}, one.clone());
        R1cs.Matrix b = R1cs.Matrix.of(new int[] {0, 1}, new int[] {2}, one.clone());
        R1cs.Matrix c = R1cs.Matrix.of(new int[] {0, 1}, new int[] {1}, one.clone());
        return R1cs.of(3, 1, 0, 1, a, b, c);
    }

    /** The decimal numbers of a snarkjs JSON field, in order (up to the next key). */
    private static List<String> numbers(String json, String key) {
        int start = json.indexOf("\"" + key + "\"");
        int end = json.indexOf("\n \"", start + 1);
        String body = json.substring(start + key.length() + 2, end < 0 ? json.length() : end);
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\d+)\"").matcher(body);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static G1Affine g1(List<String> n, int off) {
        assertEquals("1", n.get(off + 2));
        return G1Affine.of(io.zkmargin.crypto.field.Fp.fromDecimal(n.get(off)),
                io.zkmargin.crypto.field.Fp.fromDecimal(n.get(off + 1)));
    }

    private static G2Affine g2(List<String> n, int off) {
        assertEquals("1", n.get(off + 4));
        return G2Affine.of(io.zkmargin.crypto.field.Fp2.of(new java.math.BigInteger(n.get(off)), new java.math.BigInteger(n.get(off + 1))),
                io.zkmargin.crypto.field.Fp2.of(new java.math.BigInteger(n.get(off + 2)), new java.math.BigInteger(n.get(off + 3))));
    }
}
