package io.zkmargin.prover.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.circom.R1csFile;
import io.zkmargin.circuits.circom.WtnsFile;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.prover.Groth16Prover;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.ProvingKeyFile;
import io.zkmargin.verifier.SnarkjsJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file workflow a venue runs (start, two contributions, beacon, export) and the keys checked by the
 * real snarkjs 0.7.6: it must accept a proof made with our ceremony key and reject one for other inputs.
 */
class CeremonyFilesTest {
    @Test
    void fileWorkflow_keysAcceptedBySnarkjs(@TempDir Path dir) throws Exception {
        Path ptau = CeremonyTest.resource("pot8.ptau");
        Path fixtures = CeremonyTest.testTools().resolve("fixtures").resolve("groth16");
        Path r1cs = fixtures.resolve("small.r1cs");
        assertEquals(8, CeremonyFiles.checkPtau(ptau));
        String h0 = CeremonyFiles.start(ptau, r1cs, dir.resolve("c0.zkct"));
        String h1 = CeremonyFiles.contribute(dir.resolve("c0.zkct"), dir.resolve("c1.zkct"), "alice");
        String h2 = CeremonyFiles.contribute(dir.resolve("c1.zkct"), dir.resolve("c2.zkct"), "bob");
        assertNotEquals(h0, h1);
        assertNotEquals(h1, h2);
        assertThrows(IllegalArgumentException.class,
                () -> CeremonyFiles.contribute(dir.resolve("c2.zkct"), dir.resolve("c2.zkct"), "again"));
        assertThrows(IllegalArgumentException.class,
                () -> CeremonyFiles.beacon(dir.resolve("c2.zkct"), dir.resolve("bad.zkct"), "b", "not hex", 3));
        String h3 = CeremonyFiles.beacon(dir.resolve("c2.zkct"), dir.resolve("final.zkct"), "beacon", "00ff", 3);
        Ceremony.Report report = CeremonyFiles.export(dir.resolve("final.zkct"), ptau, r1cs, dir.resolve("small.zkpk"),
                dir.resolve("small.zkvk"), dir.resolve("vk.json"));
        assertEquals(h3, report.transcriptHash());
        assertEquals(3, report.contributions().size());
        // the start transcript alone must not export (delta = 1 is public)
        assertThrows(IllegalArgumentException.class, () -> CeremonyFiles.export(dir.resolve("c0.zkct"), ptau, r1cs,
                dir.resolve("x.zkpk"), dir.resolve("x.zkvk"), null));
        assertTrue(Files.notExists(dir.resolve("x.zkpk")));

        R1cs r = R1csFile.read(r1cs);
        Witness w = WtnsFile.read(fixtures.resolve("small.wtns"), r);
        ProvingKey pk = ProvingKeyFile.read(dir.resolve("small.zkpk"));
        Proof proof = Groth16Prover.of(pk, r).prove(w);
        Fr[] pub = w.publicValues().toArray(new Fr[0]);
        Files.writeString(dir.resolve("public.json"), SnarkjsJson.writePublic(pub));
        Files.writeString(dir.resolve("proof.json"), SnarkjsJson.writeProof(proof));
        String ok = snarkjs(dir, 0, "groth16", "verify", "vk.json", "public.json", "proof.json");
        assertTrue(ok.contains("OK"), ok);
        Fr[] wrong = pub.clone();
        wrong[0] = wrong[0].add(Fr.ONE);
        Files.writeString(dir.resolve("wrong.json"), SnarkjsJson.writePublic(wrong));
        snarkjs(dir, 1, "groth16", "verify", "vk.json", "wrong.json", "proof.json");
    }

    private static String snarkjs(Path dir, int expectExit, String... args) throws Exception {
        Path cli = CeremonyTest.testTools().resolve("node_modules/snarkjs/build/cli.cjs");
        List<String> cmd = new ArrayList<>(List.of("node", cli.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "snarkjs timed out");
        assertEquals(expectExit == 0, p.exitValue() == 0, out);
        return out;
    }
}
