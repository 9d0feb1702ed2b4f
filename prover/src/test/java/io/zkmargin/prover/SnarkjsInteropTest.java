package io.zkmargin.prover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.circom.R1csFile;
import io.zkmargin.circuits.circom.WtnsFile;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.verifier.Groth16Verifier;
import io.zkmargin.verifier.SnarkjsJson;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our setup and prover on the committed circom fixture (small.r1cs + small.wtns), checked by the real
 * snarkjs 0.7.6 CLI: it must accept our proof and reject a tampered one (as must our verifier).
 */
class SnarkjsInteropTest {
    @Test
    void snarkjsAcceptsOurProof_andRejectsTampered(@TempDir Path dir) throws Exception {
        R1cs r1cs = R1csFile.read(Snarkjs.fixture("small.r1cs"));
        Witness w = WtnsFile.read(Snarkjs.fixture("small.wtns"), r1cs);
        ProvingKey pk = CircomProver.setup(Snarkjs.fixture("small.r1cs"), SetupListener.NONE);
        Proof proof = CircomProver.prove(pk, Snarkjs.fixture("small.r1cs"), Snarkjs.fixture("small.wtns"));
        Fr[] pub = w.publicValues().toArray(new Fr[0]);
        assertEquals(Fr.of(109), pub[0]);
        assertTrue(Groth16Verifier.verify(pk.verifyingKey(), proof, pub));

        Files.writeString(dir.resolve("vk.json"), SnarkjsJson.writeVerifyingKey(pk.verifyingKey()));
        Files.writeString(dir.resolve("public.json"), SnarkjsJson.writePublic(pub));
        Files.writeString(dir.resolve("proof.json"), SnarkjsJson.writeProof(proof));
        Snarkjs.Result ok = Snarkjs.run(dir, "groth16", "verify", "vk.json", "public.json", "proof.json");
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().contains("OK"), ok.output());

        Proof tampered = Proof.of(proof.a().add(G1Affine.GENERATOR), proof.b(), proof.c());
        assertTrue(!Groth16Verifier.verify(pk.verifyingKey(), tampered, pub));
        Files.writeString(dir.resolve("bad.json"), SnarkjsJson.writeProof(tampered));
        Snarkjs.Result bad = Snarkjs.run(dir, "groth16", "verify", "vk.json", "public.json", "bad.json");
        assertNotEquals(0, bad.exit(), bad.output());
        assertTrue(bad.output().contains("Invalid"), bad.output());

        Fr[] wrongPub = pub.clone();
        wrongPub[0] = wrongPub[0].add(Fr.ONE);
        Files.writeString(dir.resolve("wrong.json"), SnarkjsJson.writePublic(wrongPub));
        Snarkjs.Result wrong = Snarkjs.run(dir, "groth16", "verify", "vk.json", "wrong.json", "proof.json");
        assertNotEquals(0, wrong.exit(), wrong.output());
    }
}
