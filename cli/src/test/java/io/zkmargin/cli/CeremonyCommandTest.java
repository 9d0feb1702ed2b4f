package io.zkmargin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ceremony subcommands through the real entry point, on the snarkjs power-8 .ptau fixture. */
class CeremonyCommandTest {
    private static final Path PTAU = Path.of("../prover/src/test/resources/ceremony/pot8.ptau");
    private static final Path R1CS = Path.of("../test-tools/fixtures/groth16/small.r1cs");

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void twoContributorsAndBeacon_verifyAndExport_thenSkippingAContributionFails(@TempDir Path dir) throws Exception {
        String p = PTAU.toString(), r = R1CS.toString();
        assertEquals(0, run("ceremony", "ptau-check", p).code());
        assertEquals(0, run("ceremony", "start", "--ptau", p, "--r1cs", r, "-o", dir.resolve("t0").toString()).code());
        assertEquals(0, run("ceremony", "contribute", "--in", dir.resolve("t0").toString(), "-o",
                dir.resolve("t1").toString(), "--name", "alice").code());
        assertEquals(0, run("ceremony", "contribute", "--in", dir.resolve("t1").toString(), "-o",
                dir.resolve("t2").toString(), "--name", "bob").code());
        assertEquals(0, run("ceremony", "beacon", "--in", dir.resolve("t2").toString(), "-o",
                dir.resolve("t3").toString(), "--name", "beacon", "--beacon", "0badc0de", "--iterations-exp", "3").code());
        Run v = run("ceremony", "verify", "--transcript", dir.resolve("t3").toString(), "--ptau", p, "--r1cs", r);
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("alice") && v.out().contains("bob") && v.out().contains("CEREMONY VERIFIED"), v.out());
        Run e = run("ceremony", "export", "--transcript", dir.resolve("t3").toString(), "--ptau", p, "--r1cs", r,
                "--pk", dir.resolve("k.zkpk").toString(), "--vk", dir.resolve("k.zkvk").toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(Files.size(dir.resolve("k.zkvk")) > 0);

        // a flipped byte in the final transcript: the checksum or a contribution check fails
        byte[] t3 = Files.readAllBytes(dir.resolve("t3"));
        t3[t3.length / 2] ^= 1;
        Files.write(dir.resolve("t3-tampered"), t3);
        Run bad = run("ceremony", "verify", "--transcript", dir.resolve("t3-tampered").toString(), "--ptau", p, "--r1cs", r);
        assertTrue(bad.code() != 0, bad.out());
        assertTrue(bad.err().startsWith("zkmargin: "), bad.err());
    }

    @Test
    void corruptedPtau_isRejectedWithAClearMessage(@TempDir Path dir) throws Exception {
        byte[] b = Files.readAllBytes(PTAU);
        Files.write(dir.resolve("short.ptau"), java.util.Arrays.copyOf(b, b.length / 3));
        Run r = run("ceremony", "ptau-check", dir.resolve("short.ptau").toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().startsWith("zkmargin: ") && !r.err().contains("\tat "), r.err());
    }
}
