package io.zkmargin.prover.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.circom.R1csFile;
import io.zkmargin.circuits.circom.WtnsFile;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.PointOps;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.crypto.ntt.Domain;
import io.zkmargin.groth16.Proof;
import io.zkmargin.groth16.VerifyingKey;
import io.zkmargin.prover.Groth16Prover;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.ProvingKeyFile;
import io.zkmargin.prover.SetupListener;
import io.zkmargin.verifier.Groth16Verifier;
import io.zkmargin.verifier.SnarkjsJson;
import io.zkmargin.verifier.VerifyingKeyEncoding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import of a snarkjs 0.7.6 phase-2 ceremony (.zkey made by test-tools/ceremony/make-zkey-fixtures.sh: setup,
 * contribute, beacon, zkey verify): the verifying key equals snarkjs's export, our prover's proofs verify in our
 * verifier and in snarkjs; the H conversion and the group DFT are checked against their definitions; foreign,
 * tampered, uncontributed and truncated keys are refused.
 */
class ZkeyTest {
    static PowersOfTau ptau;
    static R1cs small;
    static Witness smallWitness;
    static byte[] zkeyBytes;
    static Path fixtures;

    @BeforeAll
    static void setUp() throws Exception {
        ptau = Ceremony.importPtau(CeremonyTest.resource("prepared8.ptau"));
        fixtures = CeremonyTest.testTools().resolve("fixtures").resolve("groth16");
        small = R1csFile.read(fixtures.resolve("small.r1cs"));
        smallWitness = WtnsFile.read(fixtures.resolve("small.wtns"), small);
        zkeyBytes = Files.readAllBytes(CeremonyTest.resource("small_final.zkey"));
    }

    // ------------------------------------------------------------------ the arithmetic, against definitions

    @Test
    void forwardGroupDft_matchesTheDefinition() {
        Random rnd = new Random(11);
        for (int log = 0; log <= 3; log++) {
            int n = 1 << log;
            G1Affine[] p = new G1Affine[n];
            long[] packed = new long[8 * n];
            for (int i = 0; i < n; i++) {
                p[i] = i == 1 ? G1Affine.INFINITY : G1Affine.GENERATOR.mul(Fr.random(rnd));
                p[i].writePacked(packed, 8 * i);
            }
            long[] f = BulkOps.dft(PointOps.G1, packed, log, x -> { });
            Fr w = Domain.ofLog(log).omega();
            for (int i = 0; i < n; i++) {
                G1Jacobian sum = G1Jacobian.INFINITY;
                for (int j = 0; j < n; j++) {
                    sum = sum.add(p[j].toJacobian().mul(w.pow((long) i * j)));
                }
                assertEquals(sum.toAffine(), G1Affine.readPacked(f, 8 * i), "n=" + n + " i=" + i);
            }
        }
    }

    @Test
    void hFromOddLagrangePoints_equalsTauPowersTimesVanishingPolynomial() {
        // S_j = L_(2j+1)(tau) G1 on the domain 2n, L_k(t) = w^k (t^N - 1) / (N (t - w^k)); want tau^i (tau^n - 1) G1
        Random rnd = new Random(12);
        for (int log = 1; log <= 3; log++) {
            int n = 1 << log;
            int big = 2 * n;
            Fr tau = Fr.random(rnd);
            Fr w = Domain.ofLog(log + 1).omega();
            assertEquals(Domain.ofLog(log).omega(), w.mul(w), "the n-domain's omega is the square of the 2n-domain's");
            Fr tN = tau.pow(big).sub(Fr.ONE);
            long[] s = new long[8 * n];
            for (int j = 0; j < n; j++) {
                Fr wk = w.pow(2L * j + 1);
                Fr lk = wk.mul(tN).mul(Fr.of(big).mul(tau.sub(wk)).inverse());
                G1Affine.GENERATOR.mul(lk).writePacked(s, 8 * j);
            }
            long[] h = Zkey.hFromOddLagrange(s, log, x -> { });
            assertEquals(8 * (n - 1), h.length);
            Fr z = tau.pow(n).sub(Fr.ONE);
            for (int i = 0; i < n - 1; i++) {
                assertEquals(G1Affine.GENERATOR.mul(tau.pow(i).mul(z)), G1Affine.readPacked(h, 8 * i), "n=" + n + " i=" + i);
            }
        }
    }

    // ------------------------------------------------------------------ the snarkjs fixture

    @Test
    void snarkjsFinalKey_importsCheckedAgainstPhase1_andMatchesSnarkjsVerificationKey() throws Exception {
        Zkey z = Zkey.decode(zkeyBytes);
        assertEquals(small.nWires(), z.wireCount());
        assertEquals(small.nPublic(), z.publicInputCount());
        assertEquals(2, z.contributionCount(), "one contribution and the beacon");
        assertEquals(128, z.circuitHashHex().length());
        ProvingKey pk = z.toProvingKey(small, ptau, SetupListener.NONE);

        // our snarkjs JSON of the imported key has exactly snarkjs's values (it omits only vk_alphabeta_12)
        ObjectMapper json = new ObjectMapper();
        JsonNode theirs = json.readTree(Files.readString(CeremonyTest.resource("small_final_vk.json")));
        JsonNode ours = json.readTree(SnarkjsJson.writeVerifyingKey(pk.verifyingKey()));
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = ours.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            fields.add(f);
            assertEquals(theirs.get(f), ours.get(f), f);
        }
        for (Iterator<String> it = theirs.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            assertTrue(fields.contains(f) || f.equals("vk_alphabeta_12"), "missing " + f);
        }
        assertEquals(SnarkjsJson.readVerifyingKey(Files.readString(CeremonyTest.resource("small_final_vk.json"))),
                z.verifyingKey());

        // without the phase-1 check the key is the same (the check only adds refusals)
        assertEquals(pk, z.toProvingKey(small));

        Proof proof = Groth16Prover.of(pk, small).prove(smallWitness);
        Fr[] pub = smallWitness.publicValues().toArray(new Fr[0]);
        assertTrue(Groth16Verifier.verify(pk.verifyingKey(), proof, pub));
        Fr[] wrong = pub.clone();
        wrong[1] = wrong[1].add(Fr.ONE);
        assertFalse(Groth16Verifier.verify(pk.verifyingKey(), proof, wrong));
    }

    @Test
    void importZkeyFiles_proofAcceptedBySnarkjs_andNothingWrittenOnFailure(@TempDir Path dir) throws Exception {
        Path zkey = CeremonyTest.resource("small_final.zkey");
        Path r1cs = fixtures.resolve("small.r1cs");
        Path pkFile = dir.resolve("small.zkpk");
        Zkey.Report report = CeremonyFiles.importZkey(zkey, CeremonyTest.resource("prepared8.ptau"), r1cs, pkFile,
                dir.resolve("small.zkvk"), dir.resolve("vk.json"), SetupListener.NONE);
        assertTrue(report.checkedAgainstPhase1());
        assertEquals(2, report.contributions());
        ProvingKey pk = ProvingKeyFile.read(pkFile);
        assertEquals(pk.verifyingKey(), VerifyingKeyEncoding.decode(Files.readAllBytes(dir.resolve("small.zkvk"))));
        assertThrows(IllegalArgumentException.class, () -> CeremonyFiles.importZkey(zkey, null, r1cs, pkFile,
                dir.resolve("other.zkvk"), null, SetupListener.NONE), "must not overwrite");
        assertTrue(Files.notExists(dir.resolve("other.zkvk")));

        // a tampered H point: every check but the phase-1 one passes, and nothing is written
        Path bad = dir.resolve("bad.zkey");
        Files.write(bad, withPoint(zkeyBytes, 9, 3, G1Affine.GENERATOR.mul(Fr.of(7))));
        assertThrows(CeremonyException.class, () -> CeremonyFiles.importZkey(bad, CeremonyTest.resource("pot8.ptau"),
                r1cs, dir.resolve("x.zkpk"), dir.resolve("x.zkvk"), dir.resolve("x.json"), SetupListener.NONE));
        assertTrue(Files.notExists(dir.resolve("x.zkpk")) && Files.notExists(dir.resolve("x.zkvk"))
                && Files.notExists(dir.resolve("x.json")));

        Path cli = CeremonyTest.testTools().resolve("node_modules/snarkjs/build/cli.cjs");
        Assumptions.assumeTrue(Files.exists(cli), "snarkjs not installed in test-tools (npm ci)");
        Proof proof = Groth16Prover.of(pk, small).prove(smallWitness);
        Fr[] pub = smallWitness.publicValues().toArray(new Fr[0]);
        Files.writeString(dir.resolve("public.json"), SnarkjsJson.writePublic(pub));
        Files.writeString(dir.resolve("proof.json"), SnarkjsJson.writeProof(proof));
        String ok = snarkjs(cli, dir, 0, "groth16", "verify", "vk.json", "public.json", "proof.json");
        assertTrue(ok.contains("OK"), ok);
        Fr[] wrong = pub.clone();
        wrong[0] = wrong[0].add(Fr.ONE);
        Files.writeString(dir.resolve("wrong.json"), SnarkjsJson.writePublic(wrong));
        snarkjs(cli, dir, 1, "groth16", "verify", "vk.json", "wrong.json", "proof.json");
        // snarkjs's own key file agrees with what we wrote
        snarkjs(cli, dir, 0, "groth16", "verify", CeremonyTest.resource("small_final_vk.json").toString(),
                "public.json", "proof.json");
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void keyForAnotherCircuit_isRefused() {
        Zkey z = Zkey.decode(zkeyBytes);
        // same shape, one A coefficient changed: only the coefficient section can tell
        R1cs.Matrix a = small.a();
        long[] coeffs = a.montCoeffs().clone();
        Fr.add(coeffs, 0, coeffs, 0, coeffs, 0);
        R1cs other = R1cs.of(small.nWires(), small.nPubOut(), small.nPubIn(), small.nPrvIn(),
                R1cs.Matrix.of(a.rowStarts(), a.wires(), coeffs), small.b(), small.c());
        CeremonyException e = assertThrows(CeremonyException.class, () -> z.toProvingKey(other));
        assertTrue(e.getMessage().contains("another circuit") && e.getMessage().contains("matrix A constraint 0"),
                e.getMessage());
        // C is not in the .zkey's coefficients: a circuit differing only in C is caught by the phase-1 check (L)
        R1cs.Matrix c = small.c();
        long[] cc = c.montCoeffs().clone();
        Fr.add(cc, 0, cc, 0, cc, 0);
        R1cs otherC = R1cs.of(small.nWires(), small.nPubOut(), small.nPubIn(), small.nPrvIn(), small.a(), small.b(),
                R1cs.Matrix.of(c.rowStarts(), c.wires(), cc));
        assertThrows(CeremonyException.class, () -> z.toProvingKey(otherC, ptau, SetupListener.NONE));
        // another size altogether
        R1cs tiny = square();
        e = assertThrows(CeremonyException.class, () -> z.toProvingKey(tiny));
        assertTrue(e.getMessage().contains("another circuit"), e.getMessage());
    }

    @Test
    void replacedHOrLPoint_isRefusedByThePhase1Check() {
        G1Affine onCurve = G1Affine.GENERATOR.mul(Fr.of(123456789));
        for (int section : new int[] {9, 8}) {
            for (int index : new int[] {0, 7}) {
                if (section == 8 && index >= small.nWires() - small.nPublic() - 1) {
                    index = 0;
                }
                Zkey z = Zkey.decode(withPoint(zkeyBytes, section, index, onCurve));
                z.toProvingKey(small);   // structurally fine: only phase 1 shows the key is wrong
                CeremonyException e = assertThrows(CeremonyException.class,
                        () -> z.toProvingKey(small, ptau, SetupListener.NONE));
                assertTrue(e.getMessage().contains(section == 9 ? "H query" : "C (L) query"), e.getMessage());
            }
        }
        // A point swapped, and alpha replaced: refused by the equality with the start key
        Zkey swappedA = Zkey.decode(withPoint(zkeyBytes, 5, 2, onCurve));
        assertTrue(assertThrows(CeremonyException.class, () -> swappedA.toProvingKey(small, ptau, SetupListener.NONE))
                .getMessage().contains("A query"));
    }

    @Test
    void deltaMismatchAndMissingContribution_areRefused() {
        int header = section(zkeyBytes, 2)[0] + 4 + 32 + 4 + 32 + 12;
        // delta1 (after alpha1, beta1, beta2, gamma2) replaced by another point: delta1 and delta2 disagree
        byte[] d = zkeyBytes.clone();
        putG1(d, header + 2 * 64 + 2 * 128, G1Affine.GENERATOR.mul(Fr.of(5)));
        CeremonyException e = assertThrows(CeremonyException.class, () -> Zkey.decode(d).toProvingKey(small));
        assertTrue(e.getMessage().contains("delta"), e.getMessage());
        // delta1 = G1 and delta2 = gamma2 = G2: the initial key of `groth16 setup`
        byte[] u = zkeyBytes.clone();
        putG1(u, header + 2 * 64 + 2 * 128, G1Affine.GENERATOR);
        System.arraycopy(u, header + 2 * 64 + 128, u, header + 3 * 64 + 2 * 128, 128);
        Zkey initial = Zkey.decode(u);
        e = assertThrows(CeremonyException.class, () -> initial.toProvingKey(small));
        assertTrue(e.getMessage().contains("no phase-2 contribution"), e.getMessage());
        assertThrows(CeremonyException.class, initial::verifyingKey);
    }

    @Test
    void g2PointsOutsideTheSubgroup_areRefused() {
        long[] bad = twistPointOutsideG2();
        assertThrows(IllegalArgumentException.class, () -> G2Packed.of(bad), "the point must be outside G2");
        // header (beta2): refused when decoding
        byte[] h = zkeyBytes.clone();
        putLongs(h, section(h, 2)[0] + 4 + 32 + 4 + 32 + 12 + 2 * 64, bad);
        assertTrue(assertThrows(ZkeyFormatException.class, () -> Zkey.decode(h)).getMessage().contains("beta2"));
        // B2 query: on the twist, so decoded; refused by the per-point check (no .ptau) and by the phase-1 check
        byte[] b = zkeyBytes.clone();
        putLongs(b, section(b, 7)[0] + 128 * 4, bad);
        Zkey z = Zkey.decode(b);
        assertTrue(assertThrows(ZkeyFormatException.class, () -> z.toProvingKey(small)).getMessage().contains("B2"));
        assertTrue(assertThrows(CeremonyException.class, () -> z.toProvingKey(small, ptau, SetupListener.NONE))
                .getMessage().contains("B2"));
    }

    /** A point of the twist E'(Fp2) outside the order-r subgroup (the twist's cofactor is 2p - r). */
    private static long[] twistPointOutsideG2() {
        for (long i = 1; ; i++) {
            Fp2 x = Fp2.of(Fp.of(i), Fp.ONE);
            java.util.Optional<Fp2> y = x.square().mul(x).add(G2Affine.B).sqrt();
            if (y.isPresent()) {
                long[] limbs = new long[16];
                x.write(limbs, 0);
                y.get().write(limbs, 8);
                G2Affine.readPackedOnCurve(limbs, 0);   // on the twist
                return limbs;
            }
        }
    }

    private static void putLongs(byte[] out, int off, long[] v) {
        ByteBuffer bb = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.length; i++) {
            bb.putLong(off + 8 * i, v[i]);
        }
    }

    @Test
    void malformedFiles_areRefusedWithAClearMessage() {
        for (int cut : new int[] {0, 11, 100, zkeyBytes.length / 2, zkeyBytes.length - 1}) {
            ZkeyFormatException e = assertThrows(ZkeyFormatException.class,
                    () -> Zkey.decode(Arrays.copyOf(zkeyBytes, cut)), "cut at " + cut);
            assertFalse(e.getMessage().isBlank());
        }
        byte[] magic = zkeyBytes.clone();
        magic[0] = 'p';
        assertTrue(assertThrows(ZkeyFormatException.class, () -> Zkey.decode(magic)).getMessage().contains("magic"));
        byte[] plonk = zkeyBytes.clone();
        ByteBuffer.wrap(plonk).order(ByteOrder.LITTLE_ENDIAN).putInt(section(plonk, 1)[0], 2);
        assertTrue(assertThrows(ZkeyFormatException.class, () -> Zkey.decode(plonk)).getMessage().contains("Groth16"));
        byte[] prime = zkeyBytes.clone();
        prime[section(prime, 2)[0] + 4] ^= 1;
        assertTrue(assertThrows(ZkeyFormatException.class, () -> Zkey.decode(prime)).getMessage().contains("prime"));
        byte[] offCurve = zkeyBytes.clone();
        offCurve[section(offCurve, 6)[0] + 64 + 5] ^= 1;   // B1[1].x
        assertTrue(assertThrows(ZkeyFormatException.class, () -> Zkey.decode(offCurve)).getMessage().contains("B1"));
        byte[] coef = zkeyBytes.clone();
        int c0 = section(coef, 4)[0] + 4;
        ByteBuffer.wrap(coef).order(ByteOrder.LITTLE_ENDIAN).putInt(c0, 2);   // matrix 2 (C) is never stored
        assertThrows(ZkeyFormatException.class, () -> Zkey.decode(coef));
        for (int size : new int[] {6, 1 << 28, 0}) {
            byte[] d = zkeyBytes.clone();
            ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).putInt(section(d, 2)[0] + 4 + 32 + 4 + 32 + 8, size);
            assertTrue(assertThrows(ZkeyFormatException.class, () -> Zkey.decode(d)).getMessage().contains("domain size"));
        }
        byte[] g2 = zkeyBytes.clone();
        g2[section(g2, 2)[0] + 4 + 32 + 4 + 32 + 12 + 2 * 64 + 9] ^= 1;   // beta2.x
        assertTrue(assertThrows(ZkeyFormatException.class, () -> Zkey.decode(g2)).getMessage().contains("beta2"));
    }

    @Test
    void toString_namesSizesOnly() {
        assertEquals("Zkey{wires=" + small.nWires() + ", public=" + small.nPublic() + ", domain=2^3, contributions=2}",
                Zkey.decode(zkeyBytes).toString());
    }

    // ------------------------------------------------------------------ helpers

    /** x * x = y with y public: 3 wires. */
    private static R1cs square() {
        long[] one = new long[4];
        Fr.ONE.writeMont(one, 0);
        R1cs.Matrix a = R1cs.Matrix.of(new int[] {0, 1}, new int[] {2}, one.clone());
        R1cs.Matrix b = R1cs.Matrix.of(new int[] {0, 1}, new int[] {2}, one.clone());
        R1cs.Matrix c = R1cs.Matrix.of(new int[] {0, 1}, new int[] {1}, one.clone());
        return R1cs.of(3, 1, 0, 1, a, b, c);
    }

    /** {offset, length} of section type in a .zkey. */
    static int[] section(byte[] zkey, int type) {
        ByteBuffer bb = ByteBuffer.wrap(zkey).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        for (int s = 0; s < bb.getInt(8); s++) {
            int t = bb.getInt(at);
            int size = (int) bb.getLong(at + 4);
            if (t == type) {
                return new int[] {at + 12, size};
            }
            at += 12 + size;
        }
        throw new AssertionError("no section " + type);
    }

    /** A copy with G1 point index of a point section replaced. */
    static byte[] withPoint(byte[] zkey, int type, int index, G1Affine p) {
        byte[] out = zkey.clone();
        putG1(out, section(out, type)[0] + 64 * index, p);
        return out;
    }

    /** Writes p in the .zkey encoding (little-endian Montgomery limbs, our packed layout). */
    static void putG1(byte[] out, int off, G1Affine p) {
        long[] limbs = new long[8];
        p.writePacked(limbs, 0);
        ByteBuffer bb = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) {
            bb.putLong(off + 8 * i, limbs[i]);
        }
    }

    private static String snarkjs(Path cli, Path dir, int expectExit, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("node", cli.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "snarkjs timed out");
        assertEquals(expectExit == 0, p.exitValue() == 0, out);
        return out;
    }
}
