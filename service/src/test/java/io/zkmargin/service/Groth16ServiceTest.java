package io.zkmargin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.api.model.SizeClass;
import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Compiler;
import io.zkmargin.circuits.Var;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.prover.Groth16Prover;
import io.zkmargin.prover.Groth16Setup;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.service.audit.AuditReport;
import io.zkmargin.service.audit.AuditVerifier;
import io.zkmargin.verifier.VerifyingKeyEncoding;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service with the real verifier: keys and proofs made by the prover module for a tiny circuit with the
 * statement's three public inputs [commitment, epochDigest, thresholdBps] and the constraint
 * s * s = commitment + epochDigest * thresholdBps (so a proof binds all three inputs).
 */
class Groth16ServiceTest extends ServiceTestBase {
    static CompiledCircuit circuit;
    static ProvingKey pk;
    static Groth16Prover prover;
    static ExecutorService pool;

    @BeforeAll
    static void keys() {
        circuit = Compiler.compile(api -> {
            Var c = api.publicInput("commitment");
            Var d = api.publicInput("epochDigest");
            Var f = api.publicInput("thresholdBps");
            Var s = api.secretInput("s");
            api.assertEqual(api.mul(s, s), api.add(c, api.mul(d, f)));
        });
        pk = Groth16Setup.generateInsecureDeterministicForTests(circuit.r1cs(), 42);
        prover = Groth16Prover.of(pk, circuit.r1cs());
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void down() {
        pool.shutdownNow();
    }

    /** The commitment for which secret s proves (digest, f): c = s^2 - d*f. */
    static BigInteger commitmentFor(long s, BigInteger d, long f) {
        return Fr.of(s).square().sub(Fr.of(d).mul(Fr.of(f))).toBigInteger();
    }

    static byte[] prove(long s, BigInteger c, BigInteger d, long f) {
        Assignment a = Assignment.builder().set("commitment", c).set("epochDigest", d).set("thresholdBps", f)
                .set("s", s).build();
        Proof p = prover.prove(circuit.solve(a));
        return Groth16ProofChecker.encodeProof(p);
    }

    @Override
    VerifierService start(java.util.function.UnaryOperator<ServiceConfig.Builder> tweak) {
        svc = VerifierService.builder(tweak.apply(config()).build()).accessLog(accessLines::add).build().start();
        started.add(svc);
        http = new Http(svc.url(), TOKEN);
        return svc;
    }

    private Http.Resp submit(long account, long epoch, long f, byte[] proof) {
        return http.post("/v1/proofs", TestVenue.proofJson(account, epoch, f, proof));
    }

    @Test
    void realProofs_setHealth_andBadOnesAreNamedInABatch() throws Exception {
        start(b -> b);
        byte[] vk = VerifyingKeyEncoding.encode(pk.verifyingKey());
        assertEquals(201, http.venue("POST", "/v1/keys", TestVenue.keyJson(SizeClass.S, vk)).status());
        publish(1);
        BigInteger d = digest(1);

        BigInteger c1 = commitmentFor(5, d, 12_500);
        register(1, 1, c1);
        byte[] p1 = prove(5, c1, d, 12_500);
        Http.Resp r = submit(1, 1, 12_500, p1);
        assertEquals(200, r.status(), r.body());
        assertEquals("HEALTHY", r.json().getString("state"));
        // the same proof claimed at another threshold, or for another account, does not verify
        BigInteger c2 = commitmentFor(6, d, 10_000);
        register(2, 1, c2);
        assertEquals("DUPLICATE_PROOF", submit(1, 1, 13_000, p1).code());
        byte[] fresh = prove(5, c1, d, 12_500); // Groth16 proofs are randomized: new bytes, same statement
        assertEquals("INVALID_PROOF", submit(1, 1, 13_000, fresh).code());
        assertEquals("INVALID_PROOF", submit(2, 1, 12_500, fresh).code());

        // many accounts at once: the queue batches them, one bad proof is named, the rest count
        int n = 8;
        List<BigInteger> cs = new ArrayList<>();
        List<byte[]> proofs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigInteger c = commitmentFor(100 + i, d, 10_000);
            register(10 + i, 1, c);
            cs.add(c);
            proofs.add(prove(100 + i, c, d, 10_000));
        }
        proofs.set(3, prove(100 + 4, cs.get(4), d, 10_000)); // account 13 gets account 14's proof
        List<Future<Http.Resp>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            answers.add(pool.submit(() -> submit(10 + k, 1, 10_000, proofs.get(k))));
        }
        for (int i = 0; i < n; i++) {
            Http.Resp a = answers.get(i).get();
            if (i == 3) {
                assertEquals("INVALID_PROOF", a.code(), a.body());
                assertEquals("PENDING", state(13));
            } else {
                assertEquals(200, a.status(), a.body());
                assertEquals("WARNING", a.json().getString("state"));
            }
        }

        // the audit bundle re-verifies offline with the real verifier
        Path bundle = svc.exportAudit(dataDir.resolve("audit"));
        AuditReport report = new AuditVerifier(new Groth16ProofChecker()).verify(bundle, venue.publicKey());
        assertTrue(report.ok(), report.problems().toString());
        assertEquals(1 + n - 1, report.proofsValid());
        assertEquals(1, report.epochsChecked());
    }

    @Test
    void proofEncoding_roundTripsAndRejectsGarbage() {
        BigInteger d = BigInteger.valueOf(77);
        BigInteger c = commitmentFor(9, d, 10_000);
        byte[] p = prove(9, c, d, 10_000);
        Groth16ProofChecker checker = new Groth16ProofChecker();
        var key = checker.parseKey(VerifyingKeyEncoding.encode(pk.verifyingKey()));
        assertEquals(3, key.publicInputs());
        assertTrue(checker.verify(key, p, new BigInteger[] {c, d, BigInteger.valueOf(10_000)}));
        assertFalse(checker.verify(key, p, new BigInteger[] {c, d, BigInteger.valueOf(10_001)}));
        assertTrue(checker.verifyBatch(key, List.of(p, p), List.of(new BigInteger[] {c, d, BigInteger.valueOf(10_000)},
                new BigInteger[] {c, d, BigInteger.valueOf(10_001)}))[0]);
        byte[] bad = p.clone();
        bad[0] ^= 0x01; // x no longer on the curve (or a different point): must not crash
        try {
            checker.checkProofEncoding(bad);
        } catch (IllegalArgumentException expected) {
            // rejected as malformed: fine
        }
        byte[] flags = p.clone();
        flags[0] = (byte) ((flags[0] & 0x3f) | 0x40); // infinity flag with non-zero bits
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> checker.checkProofEncoding(flags));
    }
}
