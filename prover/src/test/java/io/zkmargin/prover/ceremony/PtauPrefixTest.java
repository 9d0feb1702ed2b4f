package io.zkmargin.prover.ceremony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zkmargin.crypto.msm.G1Packed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading only a prefix of a larger .ptau gives the same powers as the full read, and a working ceremony. */
class PtauPrefixTest {
    @Test
    void prefixRead_matchesFullRead(@TempDir Path dir) throws Exception {
        Path file = CeremonyTest.resource("pot8.ptau");
        PowersOfTau full = PowersOfTau.read(file);
        PowersOfTau four = Ceremony.importPtau(file, 4);
        assertEquals(4, four.power());
        assertEquals(31, four.tauG1().size());
        assertArrayEquals(Arrays.copyOf(full.tauG1().toLongs(), 8 * 31), four.tauG1().toLongs());
        assertArrayEquals(Arrays.copyOf(full.tauG2().toLongs(), 16 * 16), four.tauG2().toLongs());
        assertArrayEquals(Arrays.copyOf(full.betaTauG1().toLongs(), 8 * 16), four.betaTauG1().toLongs());
        assertEquals(full.betaG2(), four.betaG2());
        // asking for more than the file has gives the whole file
        assertArrayEquals(full.encode(), PowersOfTau.read(file, 12).encode());
        // the small circuit (domain 2^3) gets the same start key from the prefix
        io.zkmargin.circuits.R1cs small = io.zkmargin.circuits.circom.R1csFile.read(
                CeremonyTest.testTools().resolve("fixtures").resolve("groth16").resolve("small.r1cs"));
        assertArrayEquals(Phase2Key.start(full, small).encode(), Phase2Key.start(four, small).encode());

        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.ptau");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 500));
        assertThrows(PtauFormatException.class, () -> PowersOfTau.read(cut, 4));
        G1Packed alpha = four.alphaTauG1();
        assertArrayEquals(Arrays.copyOf(full.alphaTauG1().toLongs(), 8 * 16), alpha.toLongs());
    }
}
