package io.zkmargin.prover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.circuits.Witness;
import io.zkmargin.verifier.Groth16Verifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvingKeyFileTest {
    private static final ProvingKey PK = Groth16Setup.generateInsecureDeterministicForTests(TestCircuits.small(), 7);

    @Test
    void roundTripThroughFile_provesAndVerifies(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("small.zkpk");
        ProvingKeyFile.write(PK, f);
        ProvingKey back = ProvingKeyFile.read(f);
        assertEquals(PK, back);
        Witness w = TestCircuits.smallWitness(4, 5, 6);
        assertTrue(Groth16Verifier.verify(back.verifyingKey(), Groth16Prover.of(back, TestCircuits.small()).prove(w),
                w.publicValues().toArray(new io.zkmargin.crypto.field.Fr[0])));
        assertTrue(Files.size(f) > 1000);
    }

    @Test
    void truncated_throws() {
        byte[] enc = ProvingKeyFile.encode(PK);
        for (int len : new int[] {0, 3, 40, enc.length / 2, enc.length - 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ProvingKeyFile.decode(Arrays.copyOf(enc, len)));
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("checksum")
                    || e.getMessage().contains("magic"), e.getMessage());
        }
    }

    @Test
    void corrupted_throwsChecksum() {
        byte[] enc = ProvingKeyFile.encode(PK);
        for (int pos : new int[] {9, 30, 200, enc.length / 2, enc.length - 40, enc.length - 1}) {
            byte[] bad = enc.clone();
            bad[pos] ^= 1;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProvingKeyFile.decode(bad));
            assertTrue(e.getMessage().contains("checksum") || e.getMessage().contains("version")
                    || e.getMessage().contains("curve"), e.getMessage());
        }
    }

    @Test
    void wrongMagicVersionCurve_throwClearly() {
        byte[] enc = ProvingKeyFile.encode(PK);
        byte[] magic = enc.clone();
        magic[1] = 'X';
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProvingKeyFile.decode(magic)).getMessage().contains("magic"));
        byte[] version = enc.clone();
        version[5] = 9;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProvingKeyFile.decode(version)).getMessage().contains("version"));
        byte[] curve = enc.clone();
        curve[7] = 2;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProvingKeyFile.decode(curve)).getMessage().contains("curve"));
        byte[] vk = io.zkmargin.verifier.VerifyingKeyEncoding.encode(PK.verifyingKey());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProvingKeyFile.decode(vk)).getMessage().contains("magic"));
    }
}
