package io.zkmargin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.circom.R1csFile;
import io.zkmargin.crypto.field.Fr;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ceremony import-zkey} through the real entry point, on the snarkjs phase-2 fixture of the prover tests. */
class ZkeyImportCommandTest {
    private static final Path RES = Path.of("../prover/src/test/resources/ceremony");
    private static final Path R1CS = Path.of("../test-tools/fixtures/groth16/small.r1cs");

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void importsWithThePhase1Check_thenRefusesOverwriteAndForeignCircuit(@TempDir Path dir) throws Exception {
        String zkey = RES.resolve("small_final.zkey").toString();
        Run ok = run("ceremony", "import-zkey", "--zkey", zkey, "--r1cs", R1CS.toString(), "--ptau",
                RES.resolve("prepared8.ptau").toString(), "--pk", dir.resolve("k.zkpk").toString(),
                "--vk", dir.resolve("k.zkvk").toString(), "--vk-json", dir.resolve("vk.json").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("contributions: 2") && ok.out().contains("keys written"), ok.out());
        assertTrue(!ok.err().contains("warning"), ok.err());
        assertTrue(Files.size(dir.resolve("k.zkpk")) > 0 && Files.size(dir.resolve("vk.json")) > 0);

        Run again = run("ceremony", "import-zkey", "--zkey", zkey, "--r1cs", R1CS.toString(),
                "--pk", dir.resolve("k.zkpk").toString(), "--vk", dir.resolve("k2.zkvk").toString());
        assertEquals(2, again.code(), again.out());
        assertTrue(again.err().contains("refusing to overwrite"), again.err());

        // without --ptau: imported, with a warning that phase 1 was not checked
        Run noPtau = run("ceremony", "import-zkey", "--zkey", zkey, "--r1cs", R1CS.toString(),
                "--pk", dir.resolve("n.zkpk").toString(), "--vk", dir.resolve("n.zkvk").toString());
        assertEquals(0, noPtau.code(), noPtau.err());
        assertTrue(noPtau.err().contains("not checked against phase 1"), noPtau.err());

        // another circuit (x * x = y): a failed check (exit 1), nothing written
        Path other = dir.resolve("square.r1cs");
        long[] one = new long[4];
        Fr.ONE.writeMont(one, 0);
        R1csFile.write(R1cs.of(3, 1, 0, 1, R1cs.Matrix.of(new int[] {0, 1}, new int[] {2}, one.clone()),
                R1cs.Matrix.of(new int[] {0, 1}, new int[] {2}, one.clone()),
                R1cs.Matrix.of(new int[] {0, 1}, new int[] {1}, one.clone())), other);
        Run foreign = run("ceremony", "import-zkey", "--zkey", zkey, "--r1cs", other.toString(),
                "--pk", dir.resolve("m.zkpk").toString(), "--vk", dir.resolve("m.zkvk").toString());
        assertEquals(1, foreign.code(), foreign.out());
        assertTrue(foreign.err().contains("another circuit"), foreign.err());
        assertTrue(Files.notExists(dir.resolve("m.zkpk")) && Files.notExists(dir.resolve("m.zkvk")));
    }
}
