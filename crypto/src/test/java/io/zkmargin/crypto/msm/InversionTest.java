package io.zkmargin.crypto.msm;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The BigInteger-based inversions against the field classes' own (Fermat) inversions. */
class InversionTest {
    @Test
    void fpInverseMatchesFieldInverse() {
        Random rnd = new Random(51);
        long[] b = new long[12];
        for (int t = 0; t < 500; t++) {
            Fp a = t == 0 ? Fp.ONE : t == 1 ? Fp.ONE.neg() : Fp.random(rnd);
            a.writeMont(b, 0);
            Inversion.fp(b, 4, b, 0);
            assertEquals(a.inverse(), Fp.readMont(b, 4));
            Inversion.fp(b, 0, b, 0); // in place
            assertEquals(a.inverse(), Fp.readMont(b, 0));
        }
        assertThrows(ArithmeticException.class, () -> Inversion.fp(new long[4], 0, new long[4], 0));
    }

    @Test
    void fp2InverseMatchesFieldInverse() {
        Random rnd = new Random(52);
        long[] b = new long[32];
        for (int t = 0; t < 300; t++) {
            Fp2 a = t == 0 ? Fp2.of(Fp.ZERO, Fp.ONE) : Fp2.random(rnd);
            a.write(b, 0);
            Inversion.fp2(b, 8, b, 0, b, 16);
            assertEquals(a.inverse(), Fp2.read(b, 8));
            assertEquals(Fp2.ONE, a.mul(Fp2.read(b, 8)));
        }
        assertThrows(ArithmeticException.class, () -> Inversion.fp2(new long[8], 0, new long[8], 0, new long[12], 0));
    }
}
