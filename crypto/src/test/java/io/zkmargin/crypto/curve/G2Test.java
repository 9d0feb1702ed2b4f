package io.zkmargin.crypto.curve;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.field.Fp2;
import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** G2 group laws, validation and the subgroup check (fast psi test against [r]P = O). */
class G2Test {
    private static final G2Affine G = G2Affine.GENERATOR;

    /** A twist point from a random x, without cofactor clearing: almost surely outside G2. */
    static G2Affine randomTwistPoint(Random rnd) {
        while (true) {
            Fp2 x = Fp2.random(rnd);
            Optional<Fp2> y = x.square().mul(x).add(G2Affine.B).sqrt();
            if (y.isPresent()) return G2Affine.ofOnCurve(x, y.get());
        }
    }

    @Test
    void generatorIsOnTwist_inSubgroup_andHasOrderR() {
        assertTrue(G.isOnCurve());
        assertTrue(G.isInSubgroup());
        assertTrue(G.mul(Fr.MODULUS).isInfinity());
        assertFalse(G.mul(Fr.MODULUS.subtract(BigInteger.ONE)).isInfinity());
        assertEquals(G, G2Affine.of(G.x(), G.y()));
    }

    @Test
    void offCurve_throws() {
        assertThrows(IllegalArgumentException.class, () -> G2Affine.of(G.x(), G.x()));
        assertThrows(IllegalArgumentException.class, () -> G2Affine.of(Fp2.ZERO, Fp2.ZERO));
    }

    @Test
    void pointOutsideSubgroup_throws() {
        Random rnd = new Random(31);
        G2Affine q = randomTwistPoint(rnd);
        assertTrue(q.isOnCurve());
        assertFalse(q.toJacobian().mul(Fr.MODULUS).isInfinity(), "random twist point should not have order r");
        assertFalse(q.isInSubgroup());
        assertThrows(IllegalArgumentException.class, () -> G2Affine.of(q.x(), q.y()));
    }

    @Test
    void subgroupCheckAgreesWithOrderCheck() {
        Random rnd = new Random(32);
        BigInteger h = io.zkmargin.crypto.field.Fp.MODULUS.shiftLeft(1).subtract(Fr.MODULUS);
        for (int i = 0; i < 3; i++) {
            G2Affine q = randomTwistPoint(rnd);
            G2Affine cleared = q.mul(h);   // cofactor clearing lands in G2
            assertTrue(cleared.toJacobian().mul(Fr.MODULUS).isInfinity());
            assertTrue(cleared.isInSubgroup());
            assertEquals(q.toJacobian().mul(Fr.MODULUS).isInfinity(), q.isInSubgroup());
            G2Affine mixed = cleared.add(q);
            assertFalse(mixed.isInSubgroup());
        }
    }

    @Test
    void groupLaws() {
        Random rnd = new Random(33);
        for (int i = 0; i < 5; i++) {
            G2Affine a = G.mul(new BigInteger(250, rnd)), b = G.mul(new BigInteger(250, rnd));
            G2Affine c = G.mul(new BigInteger(250, rnd));
            G2Jacobian ja = a.toJacobian(), jb = b.toJacobian(), jc = c.toJacobian();
            assertEquals(ja.add(ja), ja.dbl());
            assertEquals(ja.dbl(), ja.addMixed(a));
            assertEquals(ja.add(jb).add(jc), ja.add(jb.add(jc)));
            assertEquals(ja.add(jb), jb.add(ja));
            assertEquals(ja.add(jb), ja.addMixed(b));
            assertTrue(ja.add(ja.neg()).isInfinity());
            assertTrue(ja.addMixed(a.neg()).isInfinity());
            assertEquals(ja, ja.add(G2Jacobian.INFINITY));
            assertEquals(ja, G2Jacobian.INFINITY.addMixed(a));
            BigInteger s = new BigInteger(200, rnd), t = new BigInteger(200, rnd);
            assertEquals(a.mul(s).add(b.mul(s)), a.add(b).mul(s));
            assertEquals(a.mul(s).add(a.mul(t)), a.mul(s.add(t)));
            assertEquals(a.mul(s.negate()), a.mul(s).neg());
            assertTrue(a.mul(Fr.MODULUS).isInfinity());
            assertTrue(a.isInSubgroup());
        }
    }

    @Test
    void psiActsAsMultiplicationByP() {
        // On G2, psi is the eigenvalue-p endomorphism: psi(Q) = [p mod r] Q
        BigInteger lambda = io.zkmargin.crypto.field.Fp.MODULUS.mod(Fr.MODULUS);
        assertEquals(G.mul(lambda), G.psi());
    }

    @Test
    void batchToAffineMatchesSingle() {
        G2Jacobian[] ps = {G.toJacobian().dbl(), G2Jacobian.INFINITY, G.toJacobian().dbl().addMixed(G)};
        G2Affine[] out = G2Jacobian.batchToAffine(ps);
        for (int i = 0; i < ps.length; i++) assertEquals(ps[i].toAffine(), out[i]);
        assertEquals(G.mul(BigInteger.valueOf(3)), out[2]);
    }

    @Test
    void packedRoundTrip_andValidation() {
        long[] buf = new long[32];
        G.writePacked(buf, 16);
        assertEquals(G, G2Affine.readPacked(buf, 16));
        assertEquals(G2Affine.INFINITY, G2Affine.readPacked(buf, 0));
        randomTwistPoint(new Random(34)).writePacked(buf, 0);
        assertThrows(IllegalArgumentException.class, () -> G2Affine.readPacked(buf, 0));
    }
}
