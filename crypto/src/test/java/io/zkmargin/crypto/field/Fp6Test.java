package io.zkmargin.crypto.field;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fp6 field axioms, the defining relation v^3 = xi, sparse and squaring kernels, Frobenius = pow(p). */
class Fp6Test {
    private static final Fp6 V = Fp6.of(Fp2.ZERO, Fp2.ONE, Fp2.ZERO);

    @Test
    void fieldAxioms() {
        Random rnd = new Random(41);
        for (int i = 0; i < 50; i++) {
            Fp6 a = Fp6.random(rnd), b = Fp6.random(rnd), c = Fp6.random(rnd);
            assertEquals(a.mul(b).mul(c), a.mul(b.mul(c)));
            assertEquals(a.mul(b.add(c)), a.mul(b).add(a.mul(c)));
            assertEquals(a.mul(b), b.mul(a));
            assertEquals(Fp6.ZERO, a.sub(a));
            assertEquals(a, a.mul(Fp6.ONE));
            assertEquals(Fp6.ZERO, a.add(a.neg()));
            assertEquals(Fp6.ONE, a.mul(a.inverse()));
            assertEquals(a.mul(V), a.mulByNonResidue());
        }
    }

    @Test
    void vCubedIsXi() {
        assertEquals(Fp6.of(Fp2.NON_RESIDUE, Fp2.ZERO, Fp2.ZERO), V.mul(V).mul(V));
    }

    @Test
    void squareAndSparseKernelsMatchMul() {
        Random rnd = new Random(42);
        long[] buf = new long[200];
        for (int i = 0; i < 50; i++) {
            Fp6 a = Fp6.random(rnd);
            Fp2 b0 = Fp2.random(rnd), b1 = Fp2.random(rnd);
            a.write(buf, 0);
            Fp6.square(buf, 24, buf, 0, buf, 100);
            assertEquals(a.mul(a), Fp6.read(buf, 24));
            b0.write(buf, 48);
            b1.write(buf, 56);
            Fp6.mulBy01(buf, 24, buf, 0, buf, 48, 56, buf, 100);
            assertEquals(a.mul(Fp6.of(b0, b1, Fp2.ZERO)), Fp6.read(buf, 24));
            Fp6.square(buf, 0, buf, 0, buf, 100); // aliased
            assertEquals(a.mul(a), Fp6.read(buf, 0));
        }
    }

    @Test
    void frobeniusIsPowP() {
        Random rnd = new Random(43);
        Fp6 a = Fp6.random(rnd);
        assertEquals(a.pow(Fp.MODULUS), a.frobenius(1));
        assertEquals(a.frobenius(1).frobenius(1), a.frobenius(2));
        assertEquals(a.frobenius(3).frobenius(3), a);
    }

    @Test
    void inverseOfZero_throws() {
        assertThrows(ArithmeticException.class, () -> Fp6.ZERO.inverse());
    }
}
