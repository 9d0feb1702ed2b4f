package io.zkmargin.crypto.curve;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** G1 group laws, validation and the Jacobian formulas against the affine chord-and-tangent model. */
class G1Test {
    private static final G1Affine G = G1Affine.GENERATOR;

    /** Independent affine addition with BigInteger (textbook chord and tangent). */
    private static BigInteger[] affineAdd(BigInteger[] a, BigInteger[] b) {
        BigInteger p = Fp.MODULUS;
        if (a == null) return b;
        if (b == null) return a;
        BigInteger lambda;
        if (a[0].equals(b[0])) {
            if (!a[1].equals(b[1]) || a[1].signum() == 0) return null;
            lambda = a[0].pow(2).multiply(BigInteger.valueOf(3)).multiply(a[1].shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = b[1].subtract(a[1]).multiply(b[0].subtract(a[0]).modInverse(p)).mod(p);
        }
        BigInteger x = lambda.pow(2).subtract(a[0]).subtract(b[0]).mod(p);
        BigInteger y = lambda.multiply(a[0].subtract(x)).subtract(a[1]).mod(p);
        return new BigInteger[] {x, y};
    }

    private static BigInteger[] model(G1Affine q) {
        return q.isInfinity() ? null : new BigInteger[] {q.x().toBigInteger(), q.y().toBigInteger()};
    }

    private static G1Affine randomPoint(Random rnd) {
        return G.mul(new BigInteger(250, rnd));
    }

    @Test
    void generatorIsOnCurve_andHasOrderR() {
        assertTrue(G.isOnCurve());
        assertTrue(G.mul(Fr.MODULUS).isInfinity());
        assertFalse(G.mul(Fr.MODULUS.subtract(BigInteger.ONE)).isInfinity());
        assertEquals(G.neg(), G.mul(Fr.MODULUS.subtract(BigInteger.ONE)));
    }

    @Test
    void offCurve_throws() {
        assertThrows(IllegalArgumentException.class, () -> G1Affine.of(Fp.ONE, Fp.of(3)));
        assertThrows(IllegalArgumentException.class, () -> G1Affine.of(Fp.ZERO, Fp.ZERO));
    }

    @Test
    void addMatchesAffineModel() {
        Random rnd = new Random(21);
        for (int i = 0; i < 30; i++) {
            G1Affine a = randomPoint(rnd), b = randomPoint(rnd);
            BigInteger[] sum = affineAdd(model(a), model(b));
            assertEquals(sum[0], a.add(b).x().toBigInteger());
            assertEquals(sum[1], a.add(b).y().toBigInteger());
            BigInteger[] twice = affineAdd(model(a), model(a));
            assertEquals(twice[0], a.toJacobian().dbl().toAffine().x().toBigInteger());
            assertEquals(twice[1], a.toJacobian().dbl().toAffine().y().toBigInteger());
        }
    }

    @Test
    void scalarMulMatchesRepeatedAddition() {
        BigInteger[] acc = null;
        for (int k = 1; k <= 20; k++) {
            acc = affineAdd(acc, model(G));
            G1Affine m = G.mul(BigInteger.valueOf(k));
            assertEquals(acc[0], m.x().toBigInteger());
            assertEquals(acc[1], m.y().toBigInteger());
        }
    }

    @Test
    void groupLaws() {
        Random rnd = new Random(22);
        for (int i = 0; i < 10; i++) {
            G1Affine a = randomPoint(rnd), b = randomPoint(rnd), c = randomPoint(rnd);
            G1Jacobian ja = a.toJacobian(), jb = b.toJacobian(), jc = c.toJacobian();
            assertEquals(ja.add(ja), ja.dbl());
            assertEquals(ja.add(jb).add(jc), ja.add(jb.add(jc)));
            assertEquals(ja.add(jb), jb.add(ja));
            assertEquals(ja.add(jb), ja.addMixed(b));
            assertEquals(ja.add(jb).dbl().addMixed(c), ja.add(jb).dbl().add(jc));
            assertTrue(ja.add(ja.neg()).isInfinity());
            assertTrue(ja.addMixed(a.neg()).isInfinity());
            assertEquals(ja, ja.add(G1Jacobian.INFINITY));
            assertEquals(ja, G1Jacobian.INFINITY.addMixed(a));
            assertEquals(ja.dbl(), ja.dbl().addMixed(G1Affine.INFINITY));
            assertEquals(ja.dbl(), ja.addMixed(a)); // mixed add of equal points doubles
            BigInteger s = new BigInteger(200, rnd), t = new BigInteger(200, rnd);
            assertEquals(a.mul(s).add(b.mul(s)), a.add(b).mul(s));
            assertEquals(a.mul(s).add(a.mul(t)), a.mul(s.add(t)));
            assertEquals(a.mul(s).mul(t), a.mul(s.multiply(t)));
            assertEquals(a.mul(s.negate()), a.mul(s).neg());
            assertTrue(a.mul(Fr.MODULUS).isInfinity());
            assertEquals(a.mul(Fr.of(s)), a.mul(s));
        }
    }

    @Test
    void infinityBehaves() {
        assertTrue(G1Affine.INFINITY.isInfinity());
        assertEquals(G, G1Affine.INFINITY.add(G));
        assertEquals(G1Affine.INFINITY, G1Affine.INFINITY.neg());
        assertEquals(G1Affine.INFINITY, G.mul(BigInteger.ZERO));
        assertTrue(G1Jacobian.INFINITY.dbl().isInfinity());
        assertEquals(G1Affine.INFINITY, G1Jacobian.INFINITY.toAffine());
        assertNotEquals(G, G1Affine.INFINITY);
    }

    @Test
    void batchToAffineMatchesSingle() {
        Random rnd = new Random(23);
        G1Jacobian[] ps = new G1Jacobian[9];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = i % 4 == 3 ? G1Jacobian.INFINITY : randomPoint(rnd).toJacobian().dbl().add(G.toJacobian());
        }
        G1Affine[] out = G1Jacobian.batchToAffine(ps);
        for (int i = 0; i < ps.length; i++) assertEquals(ps[i].toAffine(), out[i]);
        assertEquals(0, G1Jacobian.batchToAffine(new G1Jacobian[0]).length);
    }

    @Test
    void packedRoundTrip() {
        long[] buf = new long[16];
        G.mul(BigInteger.valueOf(77)).writePacked(buf, 8);
        assertEquals(G.mul(BigInteger.valueOf(77)), G1Affine.readPacked(buf, 8));
        assertEquals(G1Affine.INFINITY, G1Affine.readPacked(buf, 0));
        long[] jac = new long[G1Jacobian.LONGS];
        G.toJacobian().dbl().write(jac, 0);
        long[] t = new long[G1Jacobian.SCRATCH];
        G1Jacobian.addMixed(jac, 0, jac, 0, buf, 8, t); // 2G + 77G via the buffer formula
        long[] z = new long[4];
        Fp.inverse(z, 0, jac, 8);
        Fp.square(t, 0, z, 0);
        Fp.mul(t, 0, jac, 0, t, 0);
        assertEquals(G.mul(BigInteger.valueOf(79)).x(), Fp.readMont(t, 0));
        buf[12] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> G1Affine.readPacked(buf, 8));
    }

    @Test
    void wnafDigitsReconstructScalar_andAreOddAndSmall() {
        Random rnd = new Random(24);
        for (int i = 0; i < 200; i++) {
            BigInteger e = new BigInteger(1 + rnd.nextInt(256), rnd).add(BigInteger.ONE);
            int[] d = G1Jacobian.wnaf(e, G1Jacobian.WINDOW);
            BigInteger v = BigInteger.ZERO;
            for (int j = d.length - 1; j >= 0; j--) {
                v = v.shiftLeft(1).add(BigInteger.valueOf(d[j]));
                if (d[j] != 0) {
                    assertEquals(1, Math.abs(d[j]) % 2);
                    assertTrue(Math.abs(d[j]) < (1 << (G1Jacobian.WINDOW - 1)));
                }
            }
            assertEquals(e, v);
        }
    }
}
