package io.zkmargin.crypto.field;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The branchless buffer add/sub (generated into Fp and Fr) against BigInteger, edge values included. */
class FieldBufferTest {

    private static BigInteger[] samples(BigInteger m, Random rnd) {
        BigInteger[] s = new BigInteger[64];
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, m.subtract(BigInteger.ONE),
                m.subtract(BigInteger.TWO), m.shiftRight(1), m.shiftRight(1).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(192), m.subtract(BigInteger.ONE.shiftLeft(64))};
        System.arraycopy(edges, 0, s, 0, edges.length);
        for (int i = edges.length; i < s.length; i++) s[i] = new BigInteger(m.bitLength() + 8, rnd).mod(m);
        return s;
    }

    @Test
    void fpBufferAddSubMatchBigInteger() {
        BigInteger m = Fp.MODULUS;
        BigInteger[] s = samples(m, new Random(91));
        long[] buf = new long[12];
        for (BigInteger a : s) {
            for (BigInteger b : s) {
                Fp.of(a).writeMont(buf, 0);
                Fp.of(b).writeMont(buf, 4);
                Fp.add(buf, 8, buf, 0, buf, 4);
                assertEquals(a.add(b).mod(m), Fp.readMont(buf, 8).toBigInteger());
                Fp.sub(buf, 8, buf, 0, buf, 4);
                assertEquals(a.subtract(b).mod(m), Fp.readMont(buf, 8).toBigInteger());
                Fp.add(buf, 0, buf, 0, buf, 4); // aliased output
                assertEquals(a.add(b).mod(m), Fp.readMont(buf, 0).toBigInteger());
            }
        }
    }

    @Test
    void frBufferAddSubMatchBigInteger() {
        BigInteger m = Fr.MODULUS;
        BigInteger[] s = samples(m, new Random(92));
        long[] buf = new long[12];
        for (BigInteger a : s) {
            for (BigInteger b : s) {
                Fr.of(a).writeMont(buf, 0);
                Fr.of(b).writeMont(buf, 4);
                Fr.add(buf, 8, buf, 0, buf, 4);
                assertEquals(a.add(b).mod(m), Fr.readMont(buf, 8).toBigInteger());
                Fr.sub(buf, 8, buf, 0, buf, 4);
                assertEquals(a.subtract(b).mod(m), Fr.readMont(buf, 8).toBigInteger());
                Fr.sub(buf, 4, buf, 0, buf, 4); // aliased output
                assertEquals(a.subtract(b).mod(m), Fr.readMont(buf, 4).toBigInteger());
            }
        }
    }

    @Test
    void rawLimbEdgeCases() {
        // Montgomery representatives are arbitrary reduced limbs; hit m-1 + m-1 and 0 - (m-1) directly
        long[] buf = {Fp.M0 - 1, Fp.M1, Fp.M2, Fp.M3, Fp.M0 - 1, Fp.M1, Fp.M2, Fp.M3, 0, 0, 0, 0};
        Fp.add(buf, 8, buf, 0, buf, 4);
        BigInteger mm1 = Fp.MODULUS.subtract(BigInteger.ONE);
        assertEquals(mm1.shiftLeft(1).mod(Fp.MODULUS), limbs(buf, 8));
        long[] z = new long[12];
        System.arraycopy(buf, 0, z, 4, 4);
        Fp.sub(z, 8, z, 0, z, 4);
        assertEquals(BigInteger.ONE, limbs(z, 8));
    }

    private static BigInteger limbs(long[] b, int o) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) v = v.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(b[o + i])));
        return v;
    }
}
