package io.zkmargin.crypto.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.crypto.field.Fr;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The GLV endomorphism and scalar split, against plain scalar multiplication and modular arithmetic. */
class GlvTest {
    private static final Random RND = new Random(7);

    @Test
    void lambdaIsANonTrivialCubeRootOfUnity() {
        BigInteger r = Fr.MODULUS;
        assertNotEquals(BigInteger.ONE, Glv.LAMBDA);
        assertEquals(BigInteger.ONE, Glv.LAMBDA.modPow(BigInteger.valueOf(3), r));
    }

    @Test
    void endomorphismIsMultiplicationByLambdaOnBothGroups() {
        for (int i = 0; i < 5; i++) {
            G1Affine p = G1Affine.GENERATOR.mul(Fr.random(RND));
            long[] b = new long[8];
            p.writePacked(b, 0);
            Glv.endoG1(b, 0);
            assertEquals(p.mul(Glv.LAMBDA), G1Affine.readPacked(b, 0));
            G2Affine q = G2Affine.GENERATOR.mul(Fr.random(RND));
            long[] c = new long[16];
            q.writePacked(c, 0);
            Glv.endoG2(c, 0);
            assertEquals(q.mul(Glv.LAMBDA), G2Affine.readPacked(c, 0));
        }
    }

    @Test
    void splitRecombinesAndIsShort() {
        BigInteger r = Fr.MODULUS;
        BigInteger[] edge = {BigInteger.ZERO, BigInteger.ONE, r.subtract(BigInteger.ONE), Glv.LAMBDA,
                r.subtract(Glv.LAMBDA), BigInteger.ONE.shiftLeft(253), r.shiftRight(1)};
        for (int i = 0; i < 2000 + edge.length; i++) {
            BigInteger k = i < edge.length ? edge[i] : new BigInteger(254, RND).mod(r);
            long[] limbs = Fr.of(k).toCanonicalLimbs();
            long[] out = new long[10];
            Glv.decompose(limbs, 0, out);
            BigInteger k1 = big(out, 0);
            BigInteger k2 = big(out, 4);
            if (out[8] != 0) k1 = k1.negate();
            if (out[9] != 0) k2 = k2.negate();
            assertEquals(k, k1.add(k2.multiply(Glv.LAMBDA)).mod(r), "k = " + k);
            assertTrue(k1.bitLength() <= 130 && k2.bitLength() <= 130, "split of " + k + " too long");
        }
    }

    private static BigInteger big(long[] a, int o) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) {
            v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(a[o + i])));
        }
        return v;
    }
}
