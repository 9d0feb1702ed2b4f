package io.zkmargin.crypto.field;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fp and Fr against BigInteger arithmetic (an independent model), plus the field axioms. */
class FieldPropertiesTest {
    private static final BigInteger P = Fp.MODULUS;
    private static final BigInteger R = Fr.MODULUS;

    private static BigInteger randomBelow(Random rnd, BigInteger m) {
        // bias towards edge values: 0, 1, m-1, m-2, small, and uniform
        switch (rnd.nextInt(8)) {
            case 0: return BigInteger.ZERO;
            case 1: return BigInteger.ONE;
            case 2: return m.subtract(BigInteger.ONE);
            case 3: return m.subtract(BigInteger.valueOf(2 + rnd.nextInt(1000)));
            case 4: return BigInteger.valueOf(rnd.nextLong() & Long.MAX_VALUE);
            default: return new BigInteger(m.bitLength() + 8, rnd).mod(m);
        }
    }

    @Test
    void fpOperationsMatchBigInteger() {
        Random rnd = new Random(1);
        for (int i = 0; i < 20000; i++) {
            BigInteger a = randomBelow(rnd, P), b = randomBelow(rnd, P);
            Fp x = Fp.of(a), y = Fp.of(b);
            assertEquals(a, x.toBigInteger());
            assertEquals(a.add(b).mod(P), x.add(y).toBigInteger());
            assertEquals(a.subtract(b).mod(P), x.sub(y).toBigInteger());
            assertEquals(a.multiply(b).mod(P), x.mul(y).toBigInteger());
            assertEquals(a.multiply(a).mod(P), x.square().toBigInteger());
            assertEquals(a.negate().mod(P), x.neg().toBigInteger());
        }
    }

    @Test
    void frOperationsMatchBigInteger() {
        Random rnd = new Random(2);
        for (int i = 0; i < 20000; i++) {
            BigInteger a = randomBelow(rnd, R), b = randomBelow(rnd, R);
            Fr x = Fr.of(a), y = Fr.of(b);
            assertEquals(a.add(b).mod(R), x.add(y).toBigInteger());
            assertEquals(a.subtract(b).mod(R), x.sub(y).toBigInteger());
            assertEquals(a.multiply(b).mod(R), x.mul(y).toBigInteger());
            assertEquals(a.negate().mod(R), x.neg().toBigInteger());
        }
    }

    @Test
    void inverseAndAxioms() {
        Random rnd = new Random(3);
        for (int i = 0; i < 300; i++) {
            Fp a = Fp.random(rnd), b = Fp.random(rnd), c = Fp.random(rnd);
            assertEquals(a.mul(b).mul(c), a.mul(b.mul(c)));
            assertEquals(a.mul(b.add(c)), a.mul(b).add(a.mul(c)));
            assertEquals(a.add(b), b.add(a));
            assertEquals(Fp.ZERO, a.sub(a));
            if (!a.isZero()) {
                assertEquals(Fp.ONE, a.mul(a.inverse()));
                assertEquals(a.toBigInteger().modInverse(P), a.inverse().toBigInteger());
            }
            Fr s = Fr.random(rnd);
            if (!s.isZero()) assertEquals(Fr.ONE, s.mul(s.inverse()));
        }
    }

    @Test
    void inverseOfZero_throws() {
        assertThrows(ArithmeticException.class, () -> Fp.ZERO.inverse());
        assertThrows(ArithmeticException.class, () -> Fr.ZERO.inverse());
        Fr[] arr = {Fr.ONE, Fr.ZERO};
        assertThrows(ArithmeticException.class, () -> Fr.batchInverse(arr));
        assertEquals(Fr.ZERO, arr[1]);
    }

    @Test
    void batchInverseMatchesSingle() {
        Random rnd = new Random(4);
        Fp[] a = new Fp[50];
        for (int i = 0; i < a.length; i++) a[i] = Fp.random(rnd);
        Fp[] b = a.clone();
        Fp.batchInverse(b);
        for (int i = 0; i < a.length; i++) assertEquals(a[i].inverse(), b[i]);
    }

    @Test
    void sqrtBothFields() {
        Random rnd = new Random(5);
        int nonSquares = 0;
        for (int i = 0; i < 200; i++) {
            Fp a = Fp.random(rnd);
            Fp sq = a.square();
            assertEquals(sq, sq.sqrt().orElseThrow().square());
            if (a.sqrt().isEmpty()) { nonSquares++; assertEquals(-1, a.legendre()); }
            Fr s = Fr.random(rnd);
            assertEquals(s.square(), s.square().sqrt().orElseThrow().square());
            if (s.legendre() == -1) assertTrue(s.sqrt().isEmpty());
        }
        assertTrue(nonSquares > 50, "about half of random elements are non-squares");
    }

    @Test
    void rootsOfUnity() {
        Fr w = Fr.rootOfUnity(28);
        assertEquals(Fr.ONE, w.pow(BigInteger.ONE.shiftLeft(28)));
        assertNotEquals(Fr.ONE, w.pow(BigInteger.ONE.shiftLeft(27)));
        assertEquals(Fr.ONE.neg(), Fr.rootOfUnity(1));
    }

    @Test
    void encodingsRoundTripAndRejectOutOfRange() {
        Random rnd = new Random(6);
        for (int i = 0; i < 200; i++) {
            Fp a = Fp.random(rnd);
            assertEquals(a, Fp.fromBytesBE(a.toBytesBE()));
            assertEquals(a, Fp.fromBytesLE(a.toBytesLE(), 0));
            assertEquals(a, Fp.fromMontgomeryBytesLE(a.toMontgomeryBytesLE(), 0));
            assertEquals(a, Fp.fromDecimal(a.toDecimalString()));
        }
        byte[] pBytes = new byte[32];
        byte[] pb = P.toByteArray();
        System.arraycopy(pb, pb.length - 32, pBytes, 0, 32);
        assertThrows(IllegalArgumentException.class, () -> Fp.fromBytesBE(pBytes));
        assertThrows(IllegalArgumentException.class, () -> Fp.fromBytesBE(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> Fp.of(P));
        assertThrows(IllegalArgumentException.class, () -> Fp.of(BigInteger.ONE.negate()));
        assertThrows(IllegalArgumentException.class, () -> Fr.fromDecimal(R.toString()));
        assertThrows(IllegalArgumentException.class, () -> Fr.fromDecimal("12a"));
        assertThrows(IllegalArgumentException.class, () -> Fr.fromDecimal("-1"));
        assertThrows(IllegalArgumentException.class, () -> Fr.fromDecimal("007"));
        assertEquals(R.subtract(BigInteger.ONE), Fr.of(-1).toBigInteger());
        assertEquals(R.subtract(BigInteger.valueOf(Long.MAX_VALUE)).subtract(BigInteger.ONE), Fr.of(Long.MIN_VALUE).toBigInteger());
    }

    @Test
    void bufferApiMatchesValueApi() {
        Random rnd = new Random(7);
        long[] buf = new long[12];
        for (int i = 0; i < 1000; i++) {
            Fp a = Fp.random(rnd), b = Fp.random(rnd);
            a.writeMont(buf, 0);
            b.writeMont(buf, 4);
            Fp.mul(buf, 8, buf, 0, buf, 4);
            assertEquals(a.mul(b), Fp.readMont(buf, 8));
            Fp.sub(buf, 8, buf, 0, buf, 4);
            assertEquals(a.sub(b), Fp.readMont(buf, 8));
            Fp.neg(buf, 8, buf, 0);
            assertEquals(a.neg(), Fp.readMont(buf, 8));
        }
    }
}
