package io.zkmargin.crypto.pairing;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp12;
import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pairing properties; the EIP-197 vectors are checked through the precompile adapter tests. */
class PairingTest {
    private static final G1Affine G1 = G1Affine.GENERATOR;
    private static final G2Affine G2 = G2Affine.GENERATOR;
    private static final BigInteger R = Fr.MODULUS;

    @Test
    void bilinearity() {
        Random rnd = new Random(61);
        BigInteger a = new BigInteger(250, rnd), b = new BigInteger(250, rnd);
        Fp12 e = Pairing.pair(G1, G2);
        assertEquals(e.pow(a.multiply(b)), Pairing.pair(G1.mul(a), G2.mul(b)));
        G1Affine p1 = G1.mul(new BigInteger(250, rnd)), p2 = G1.mul(new BigInteger(250, rnd));
        assertEquals(Pairing.pair(p1, G2).mul(Pairing.pair(p2, G2)), Pairing.pair(p1.add(p2), G2));
    }

    @Test
    void nonDegenerate_andOfOrderR() {
        Fp12 e = Pairing.pair(G1, G2);
        assertFalse(e.isOne());
        assertTrue(e.pow(R).isOne());
    }

    @Test
    void infinityContributesOne() {
        assertTrue(Pairing.pair(G1Affine.INFINITY, G2).isOne());
        assertTrue(Pairing.pair(G1, G2Affine.INFINITY).isOne());
        assertTrue(Pairing.productIsOne(new G1Affine[0], new G2Affine[0]));
        assertTrue(Pairing.productIsOne(new G1Affine[] {G1Affine.INFINITY, G1}, new G2Affine[] {G2, G2Affine.INFINITY}));
        assertFalse(Pairing.productIsOne(new G1Affine[] {G1Affine.INFINITY, G1}, new G2Affine[] {G2, G2}));
    }

    @Test
    void productIsOne_forCancellingPairs() {
        Random rnd = new Random(62);
        BigInteger a = new BigInteger(250, rnd);
        assertTrue(Pairing.productIsOne(new G1Affine[] {G1.mul(a), G1.neg()}, new G2Affine[] {G2, G2.mul(a)}));
        assertFalse(Pairing.productIsOne(new G1Affine[] {G1.mul(a), G1}, new G2Affine[] {G2, G2.mul(a)}));
        // four pairs, Groth16-shaped: e(a1, b1) e(a2, b2) = e(c1, d1) e(c2, d2)
        BigInteger x = new BigInteger(250, rnd), y = new BigInteger(250, rnd), z = new BigInteger(250, rnd);
        BigInteger w = x.multiply(y).add(z).mod(R);
        G1Affine[] ps = {G1.mul(x), G1.mul(z), G1.mul(w).neg(), G1Affine.INFINITY};
        G2Affine[] qs = {G2.mul(y), G2, G2, G2};
        assertTrue(Pairing.productIsOne(ps, qs));
        ps[1] = G1.mul(z.add(BigInteger.ONE));
        assertFalse(Pairing.productIsOne(ps, qs));
    }

    @Test
    void preparedPointsAreReusable() {
        G2Prepared q = Pairing.prepare(G2);
        Fp12 once = Pairing.finalExponentiation(Pairing.millerLoop(new G1Affine[] {G1}, new G2Prepared[] {q}));
        Fp12 twice = Pairing.finalExponentiation(Pairing.millerLoop(new G1Affine[] {G1, G1}, new G2Prepared[] {q, q}));
        assertEquals(once.square(), twice);
        assertEquals(Pairing.pair(G1, G2), once);
    }

    @Test
    void finalExponentiationIsFixedPowerOfTheTextbookOne() {
        // f^((p^12-1)/r) computed naively, raised to the hard-part multiple m = 2x(6x^2+3x+1)
        BigInteger p = Fp.MODULUS, x = Pairing.X;
        BigInteger m = x.multiply(BigInteger.TWO).multiply(
                x.pow(2).multiply(BigInteger.valueOf(6)).add(x.multiply(BigInteger.valueOf(3))).add(BigInteger.ONE));
        assertNotEquals(BigInteger.ZERO, m.mod(R)); // so the map is still injective on GT
        Fp12 f = Fp12.random(new Random(63));
        Fp12 naive = f.pow(p.pow(12).subtract(BigInteger.ONE).divide(R).multiply(m));
        assertEquals(naive, Pairing.finalExponentiation(f));
    }

    @Test
    void mismatchedLengths_throw() {
        assertThrows(IllegalArgumentException.class,
                () -> Pairing.productIsOne(new G1Affine[] {G1}, new G2Affine[0]));
        assertThrows(IllegalArgumentException.class,
                () -> Pairing.millerLoop(new G1Affine[0], new G2Prepared[] {Pairing.prepare(G2)}));
    }

    @Test
    void loopDigitsEncodeSixXPlusTwo() {
        BigInteger v = BigInteger.ZERO;
        for (int i = Pairing.LOOP.length - 1; i >= 0; i--) v = v.shiftLeft(1).add(BigInteger.valueOf(Pairing.LOOP[i]));
        assertEquals(Pairing.X.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO), v);
    }
}
