package io.zkmargin.crypto.field;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fp12 field axioms, Frobenius = pow(p^k), cyclotomic squaring and the sparse line product. */
class Fp12Test {
    private static final BigInteger P = Fp.MODULUS;

    /** An element of the cyclotomic subgroup: a^((p^6 - 1)(p^2 + 1)). */
    static Fp12 cyclotomic(Fp12 a) {
        Fp12 t = a.conjugate().mul(a.inverse());
        return t.frobenius(2).mul(t);
    }

    @Test
    void fieldAxioms() {
        Random rnd = new Random(51);
        for (int i = 0; i < 20; i++) {
            Fp12 a = Fp12.random(rnd), b = Fp12.random(rnd), c = Fp12.random(rnd);
            assertEquals(a.mul(b).mul(c), a.mul(b.mul(c)));
            assertEquals(a.mul(b.add(c)), a.mul(b).add(a.mul(c)));
            assertEquals(a.mul(b), b.mul(a));
            assertEquals(a.mul(a), a.square());
            assertEquals(Fp12.ZERO, a.sub(a));
            assertEquals(Fp12.ZERO, a.add(a.neg()));
            assertEquals(a, a.mul(Fp12.ONE));
            assertTrue(a.mul(a.inverse()).isOne());
        }
    }

    @Test
    void wSquaredIsV() {
        Fp12 w = Fp12.of(Fp6.ZERO, Fp6.ONE);
        assertEquals(Fp12.of(Fp6.of(Fp2.ZERO, Fp2.ONE, Fp2.ZERO), Fp6.ZERO), w.square());
    }

    @Test
    void frobeniusIsPowP() {
        Random rnd = new Random(52);
        Fp12 a = Fp12.random(rnd);
        assertEquals(a.pow(P), a.frobenius(1));
        assertEquals(a.pow(P.pow(2)), a.frobenius(2));
        assertEquals(a.pow(P.pow(3)), a.frobenius(3));
        assertEquals(a.conjugate(), a.frobenius(6));
        assertEquals(a, a.frobenius(12));
        assertEquals(a.frobenius(1).frobenius(1).frobenius(1).frobenius(1), a.frobenius(4));
    }

    @Test
    void cyclotomicSquareMatchesSquareOnSubgroup() {
        Random rnd = new Random(53);
        for (int i = 0; i < 10; i++) {
            Fp12 c = cyclotomic(Fp12.random(rnd));
            // norm check: c^(p^4 - p^2 + 1) is not needed; c * conj(c) = 1 is the unitary property
            assertTrue(c.mul(c.conjugate()).isOne());
            assertEquals(c.square(), c.cyclotomicSquare());
        }
    }

    @Test
    void sparseLineProductMatchesFullProduct() {
        Random rnd = new Random(54);
        long[] buf = new long[48 + 24 + Fp12.SCRATCH];
        for (int i = 0; i < 20; i++) {
            Fp12 a = Fp12.random(rnd);
            Fp2 c0 = Fp2.random(rnd), c3 = Fp2.random(rnd), c4 = Fp2.random(rnd);
            Fp12 line = Fp12.of(Fp6.of(c0, Fp2.ZERO, Fp2.ZERO), Fp6.of(c3, c4, Fp2.ZERO));
            a.write(buf, 0);
            c0.write(buf, 48);
            c3.write(buf, 56);
            c4.write(buf, 64);
            Fp12.mulBy034(buf, 0, buf, 0, buf, 48, 56, 64, buf, 72);
            assertEquals(a.mul(line), Fp12.read(buf, 0));
        }
    }

    @Test
    void powHandlesNegativeAndZeroExponents() {
        Random rnd = new Random(55);
        Fp12 a = Fp12.random(rnd);
        assertTrue(a.pow(BigInteger.ZERO).isOne());
        assertTrue(a.pow(BigInteger.valueOf(-5)).mul(a.pow(BigInteger.valueOf(5))).isOne());
    }

    @Test
    void inverseOfZero_throws() {
        assertThrows(ArithmeticException.class, () -> Fp12.ZERO.inverse());
    }
}
