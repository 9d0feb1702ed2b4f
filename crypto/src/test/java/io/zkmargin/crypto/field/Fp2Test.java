package io.zkmargin.crypto.field;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fp2 against a BigInteger model of (a + b u), and the buffer kernels against the value API. */
class Fp2Test {
    private static final BigInteger P = Fp.MODULUS;

    private static BigInteger[] model(Fp2 a) {
        return new BigInteger[] {a.c0().toBigInteger(), a.c1().toBigInteger()};
    }

    @Test
    void operationsMatchBigIntegerModel() {
        Random rnd = new Random(11);
        for (int i = 0; i < 500; i++) {
            Fp2 a = Fp2.random(rnd), b = Fp2.random(rnd);
            BigInteger[] x = model(a), y = model(b);
            BigInteger re = x[0].multiply(y[0]).subtract(x[1].multiply(y[1])).mod(P);
            BigInteger im = x[0].multiply(y[1]).add(x[1].multiply(y[0])).mod(P);
            assertEquals(Fp2.of(re, im), a.mul(b));
            assertEquals(a.mul(a), a.square());
            BigInteger nr = x[0].multiply(BigInteger.valueOf(9)).subtract(x[1]).mod(P);
            BigInteger ni = x[0].add(x[1].multiply(BigInteger.valueOf(9))).mod(P);
            assertEquals(Fp2.of(nr, ni), a.mulByNonResidue());
            assertEquals(Fp2.of(x[0], x[1].negate().mod(P)), a.conjugate());
        }
    }

    @Test
    void fieldAxioms() {
        Random rnd = new Random(12);
        for (int i = 0; i < 200; i++) {
            Fp2 a = Fp2.random(rnd), b = Fp2.random(rnd), c = Fp2.random(rnd);
            assertEquals(a.mul(b).mul(c), a.mul(b.mul(c)));
            assertEquals(a.mul(b.add(c)), a.mul(b).add(a.mul(c)));
            assertEquals(a.mul(b), b.mul(a));
            assertEquals(Fp2.ZERO, a.sub(a));
            assertEquals(a, a.add(Fp2.ZERO).mul(Fp2.ONE));
            assertEquals(a.neg().add(a), Fp2.ZERO);
            assertEquals(a.add(a), a.dbl());
            if (!a.isZero()) assertEquals(Fp2.ONE, a.mul(a.inverse()));
        }
        assertEquals(Fp2.ONE.neg(), Fp2.of(Fp.ZERO, Fp.ONE).square()); // u^2 = -1
    }

    @Test
    void inverseOfZero_throws() {
        assertThrows(ArithmeticException.class, () -> Fp2.ZERO.inverse());
        long[] buf = new long[32];
        assertThrows(ArithmeticException.class, () -> Fp2.inverse(buf, 0, buf, 8, buf, 16));
    }

    @Test
    void conjugateIsFrobenius() {
        Random rnd = new Random(13);
        Fp2 a = Fp2.random(rnd);
        assertEquals(a.conjugate(), a.pow(P));
    }

    @Test
    void sqrtOfSquares_andNonSquares() {
        Random rnd = new Random(14);
        int nonSquares = 0;
        for (int i = 0; i < 60; i++) {
            Fp2 a = Fp2.random(rnd);
            Fp2 s = a.square();
            Fp2 r = s.sqrt().orElseThrow();
            assertEquals(s, r.square());
            // a is a square iff a^((p^2-1)/2) = 1
            boolean isSquare = a.pow(P.multiply(P).subtract(BigInteger.ONE).shiftRight(1)).isOne();
            assertEquals(isSquare, a.sqrt().isPresent());
            if (!isSquare) nonSquares++;
        }
        assertTrue(nonSquares > 0);
        // purely real elements, both residue and non-residue
        assertEquals(Fp2.of(Fp.of(-4), Fp.ZERO), Fp2.of(Fp.of(-4), Fp.ZERO).sqrt().orElseThrow().square());
        assertEquals(Fp2.of(Fp.of(9), Fp.ZERO), Fp2.of(Fp.of(9), Fp.ZERO).sqrt().orElseThrow().square());
        assertEquals(Fp2.ZERO, Fp2.ZERO.sqrt().orElseThrow());
    }

    @Test
    void lexicographicallyLargest_followsGnarkRule() {
        Fp big = Fp.of(-1), small = Fp.ONE;
        assertTrue(Fp2.of(small, big).isLexicographicallyLargest());
        assertFalse(Fp2.of(big, small).isLexicographicallyLargest());
        assertTrue(Fp2.of(big, Fp.ZERO).isLexicographicallyLargest());
        assertFalse(Fp2.of(small, Fp.ZERO).isLexicographicallyLargest());
    }

    @Test
    void bufferKernelsMatchValues_evenWhenAliased() {
        Random rnd = new Random(15);
        long[] buf = new long[64];
        for (int i = 0; i < 200; i++) {
            Fp2 a = Fp2.random(rnd), b = Fp2.random(rnd);
            a.write(buf, 0);
            b.write(buf, 8);
            Fp2.mul(buf, 16, buf, 0, buf, 8, buf, 40);
            assertEquals(a.mul(b), Fp2.read(buf, 16));
            Fp2.square(buf, 16, buf, 0, buf, 40);
            assertEquals(a.square(), Fp2.read(buf, 16));
            Fp2.mulByNonResidue(buf, 16, buf, 0, buf, 40);
            assertEquals(a.mulByNonResidue(), Fp2.read(buf, 16));
            Fp2.add(buf, 16, buf, 0, buf, 8);
            assertEquals(a.add(b), Fp2.read(buf, 16));
            Fp2.sub(buf, 16, buf, 0, buf, 8);
            assertEquals(a.sub(b), Fp2.read(buf, 16));
            Fp2.conjugate(buf, 16, buf, 0);
            assertEquals(a.conjugate(), Fp2.read(buf, 16));
            Fp2.inverse(buf, 16, buf, 0, buf, 40);
            assertEquals(a.inverse(), Fp2.read(buf, 16));
            // aliased output
            Fp2.mul(buf, 0, buf, 0, buf, 8, buf, 40);
            assertEquals(a.mul(b), Fp2.read(buf, 0));
            Fp2.mulByNonResidue(buf, 8, buf, 8, buf, 40);
            assertEquals(b.mulByNonResidue(), Fp2.read(buf, 8));
            Fp2.square(buf, 8, buf, 8, buf, 40);
            assertEquals(b.mulByNonResidue().square(), Fp2.read(buf, 8));
        }
    }
}
