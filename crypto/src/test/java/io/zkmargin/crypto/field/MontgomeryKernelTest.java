package io.zkmargin.crypto.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The generated 5 x 52-bit Montgomery kernels (Fp/Fr buffer mul and square)
 * against BigInteger: a * b * 2^-256 mod m on raw reduced limbs, with limb patterns at the 52-bit
 * split points and the 64-bit word edges, where a wrong shift or carry would show.
 */
class MontgomeryKernelTest {

    private static final BigInteger R_BITS = BigInteger.ONE.shiftLeft(256);

    /** Edge values below m: small, m - small, 2^k +- 1 around limb and word boundaries, limb patterns. */
    static List<BigInteger> samples(BigInteger m, Random rnd, int randoms) {
        List<BigInteger> s = new ArrayList<>();
        for (long v : new long[] {0, 1, 2, 3, 16, 0xFFFF_FFFFL}) addIfReduced(s, BigInteger.valueOf(v), m);
        for (int k = 1; k <= 4; k++) addIfReduced(s, m.subtract(BigInteger.valueOf(k)), m);
        addIfReduced(s, m.shiftRight(1), m);
        addIfReduced(s, m.shiftRight(1).add(BigInteger.ONE), m);
        for (int bit : new int[] {48, 50, 51, 52, 53, 63, 64, 100, 103, 104, 127, 128, 152, 155, 156, 191, 192, 204, 206, 208, 250, 252, 253}) {
            BigInteger p = BigInteger.ONE.shiftLeft(bit);
            for (BigInteger v : new BigInteger[] {p.subtract(BigInteger.ONE), p, p.add(BigInteger.ONE)}) addIfReduced(s, v, m);
        }
        // every 64-bit word from {0, 1, 2^51 - 1, 2^51, 2^52 - 1, 2^63, 2^64 - 1}, reduced into range
        long[] words = {0, 1, (1L << 51) - 1, 1L << 51, (1L << 52) - 1, Long.MIN_VALUE, -1};
        for (int i = 0; i < 40; i++) {
            long[] w = new long[4];
            for (int j = 0; j < 4; j++) w[j] = words[rnd.nextInt(words.length)];
            s.add(value(w, 0).mod(m));
            addIfReduced(s, value(w, 0).mod(BigInteger.ONE.shiftLeft(m.bitLength())), m); // often >= m: then skipped
        }
        for (int i = 0; i < randoms; i++) s.add(new BigInteger(m.bitLength() + 16, rnd).mod(m));
        return s;
    }

    private static void addIfReduced(List<BigInteger> s, BigInteger v, BigInteger m) {
        if (v.signum() >= 0 && v.compareTo(m) < 0) s.add(v);
    }

    static BigInteger value(long[] b, int o) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(b[o + i])));
        return v;
    }

    static void put(long[] b, int o, BigInteger v) {
        for (int i = 0; i < 4; i++) b[o + i] = v.shiftRight(64 * i).longValue();
    }

    private interface Mul {
        void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo);
    }

    private interface Sqr {
        void square(long[] r, int ro, long[] a, int ao);
    }

    private static void check(BigInteger m, Mul mul, Sqr sqr, long seed) {
        BigInteger rInv = R_BITS.modInverse(m);
        List<BigInteger> s = samples(m, new Random(seed), 60);
        long[] buf = new long[12];
        int n = 0;
        for (BigInteger a : s) {
            BigInteger wantSq = a.multiply(a).multiply(rInv).mod(m);
            if (sqr != null) {
                put(buf, 0, a);
                sqr.square(buf, 8, buf, 0);
                assertEquals(wantSq, value(buf, 8), () -> "square of " + a.toString(16));
                sqr.square(buf, 0, buf, 0); // aliased
                assertEquals(wantSq, value(buf, 0), () -> "aliased square of " + a.toString(16));
            }
            for (BigInteger b : s) {
                BigInteger want = a.multiply(b).multiply(rInv).mod(m);
                put(buf, 0, a);
                put(buf, 4, b);
                mul.mul(buf, 8, buf, 0, buf, 4);
                assertEquals(want, value(buf, 8), () -> a.toString(16) + " * " + b.toString(16));
                mul.mul(buf, 4, buf, 0, buf, 4); // output aliases the second operand
                assertEquals(want, value(buf, 4), () -> "aliased " + a.toString(16) + " * " + b.toString(16));
                n++;
            }
            put(buf, 0, a);
            mul.mul(buf, 8, buf, 0, buf, 0); // a * a through mul
            assertEquals(wantSq, value(buf, 8));
        }
        assertEquals(s.size() * s.size(), n);
    }

    @Test
    void fpKernelsMatchBigInteger() {
        check(Fp.MODULUS, Fp::mul, Fp::square, 11);
    }

    @Test
    void frKernelsMatchBigInteger() {
        check(Fr.MODULUS, Fr::mul, Fr::square, 12);
    }

    @Test
    void bufferKernelsDoNotAllocate() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean smx = (com.sun.management.ThreadMXBean) mx;
        assumeTrue(smx.isThreadAllocatedMemorySupported() && smx.isThreadAllocatedMemoryEnabled());
        long[] buf = new long[8];
        Fp.of(7).writeMont(buf, 0);
        Fp.of(11).writeMont(buf, 4);
        for (int i = 0; i < 20_000; i++) { // warm up (and let the JIT compile) before measuring
            Fp.mul(buf, 0, buf, 0, buf, 4);
            Fp.square(buf, 4, buf, 4);
            Fr.mul(buf, 0, buf, 0, buf, 4);
            Fr.square(buf, 4, buf, 4);
        }
        long before = smx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            Fp.mul(buf, 0, buf, 0, buf, 4);
            Fp.square(buf, 4, buf, 4);
            Fr.mul(buf, 0, buf, 0, buf, 4);
            Fr.square(buf, 4, buf, 4);
        }
        long allocated = smx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 4096, "400,000 kernel calls allocated " + allocated + " bytes");
    }

    @Test
    void valueApiAndConversionsUseTheKernel() {
        Random rnd = new Random(14);
        for (BigInteger a : samples(Fp.MODULUS, rnd, 20)) {
            Fp x = Fp.of(a);
            assertEquals(a, x.toBigInteger());
            assertEquals(a.multiply(a).mod(Fp.MODULUS), x.square().toBigInteger());
            BigInteger b = new BigInteger(260, rnd).mod(Fp.MODULUS);
            assertEquals(a.multiply(b).mod(Fp.MODULUS), x.mul(Fp.of(b)).toBigInteger());
            long[] buf = new long[4];
            put(buf, 0, a);
            Fp.toMont(buf, 0);
            assertEquals(a.multiply(R_BITS).mod(Fp.MODULUS), value(buf, 0));
            Fp.fromMont(buf, 0);
            assertEquals(a, value(buf, 0));
        }
        for (BigInteger a : samples(Fr.MODULUS, rnd, 20)) {
            Fr x = Fr.of(a);
            assertEquals(a, x.toBigInteger());
            assertEquals(a.multiply(a).mod(Fr.MODULUS), x.square().toBigInteger());
        }
    }
}
