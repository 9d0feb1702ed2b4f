package io.zkmargin.crypto.field;

/**
 * Four-limb (4 x 64-bit, little-endian limbs) Montgomery arithmetic for moduli below 2^254.
 *
 * <p>All methods are static and allocation-free; the modulus and -m^-1 mod 2^64 are passed in so
 * that the JIT folds them into constants after inlining. Inputs must be reduced (in [0, m)); outputs
 * are reduced. Multiplication lives in the field classes (Fp, Fr), whose generated kernels
 * (crypto/gen/mont52.py) have the modulus folded in.
 */
public final class Montgomery {
    private Montgomery() {}

    /** 1 if the unsigned sum s = x + y overflowed, else 0. */
    static long carry(long x, long y, long s) {
        return ((x & y) | ((x | y) & ~s)) >>> 63;
    }

    static boolean lessThanUnsigned(long a, long b) {
        return (a + Long.MIN_VALUE) < (b + Long.MIN_VALUE);
    }

    /** Writes t mod m for t in [0, 2m). */
    static void reduceOnce(long t0, long t1, long t2, long t3, long[] r, int ro,
                           long m0, long m1, long m2, long m3) {
        long d0 = t0 - m0;
        long b = lessThanUnsigned(t0, m0) ? 1 : 0;
        long d1 = t1 - m1 - b;
        b = (lessThanUnsigned(t1, m1) || (t1 == m1 && b == 1)) ? 1 : 0;
        long d2 = t2 - m2 - b;
        b = (lessThanUnsigned(t2, m2) || (t2 == m2 && b == 1)) ? 1 : 0;
        long d3 = t3 - m3 - b;
        b = (lessThanUnsigned(t3, m3) || (t3 == m3 && b == 1)) ? 1 : 0;
        if (b == 0) {
            r[ro] = d0; r[ro + 1] = d1; r[ro + 2] = d2; r[ro + 3] = d3;
        } else {
            r[ro] = t0; r[ro + 1] = t1; r[ro + 2] = t2; r[ro + 3] = t3;
        }
    }

    /** r = a + b mod m. */
    public static void add(long a0, long a1, long a2, long a3,
                           long b0, long b1, long b2, long b3,
                           long[] r, int ro, long m0, long m1, long m2, long m3) {
        long s0 = a0 + b0;
        long c = carry(a0, b0, s0);
        long x = a1 + b1; long s1 = x + c;
        c = carry(a1, b1, x) | carry(x, c, s1);
        x = a2 + b2; long s2 = x + c;
        c = carry(a2, b2, x) | carry(x, c, s2);
        long s3 = a3 + b3 + c; // no overflow: both < 2^254
        reduceOnce(s0, s1, s2, s3, r, ro, m0, m1, m2, m3);
    }

    /** r = a - b mod m. */
    public static void sub(long a0, long a1, long a2, long a3,
                           long b0, long b1, long b2, long b3,
                           long[] r, int ro, long m0, long m1, long m2, long m3) {
        long d0 = a0 - b0;
        long br = lessThanUnsigned(a0, b0) ? 1 : 0;
        long d1 = a1 - b1 - br;
        br = (lessThanUnsigned(a1, b1) || (a1 == b1 && br == 1)) ? 1 : 0;
        long d2 = a2 - b2 - br;
        br = (lessThanUnsigned(a2, b2) || (a2 == b2 && br == 1)) ? 1 : 0;
        long d3 = a3 - b3 - br;
        br = (lessThanUnsigned(a3, b3) || (a3 == b3 && br == 1)) ? 1 : 0;
        if (br != 0) {
            // add m back
            long s0 = d0 + m0; long c = carry(d0, m0, s0);
            long x = d1 + m1; long s1 = x + c; c = carry(d1, m1, x) | carry(x, c, s1);
            x = d2 + m2; long s2 = x + c; c = carry(d2, m2, x) | carry(x, c, s2);
            long s3 = d3 + m3 + c;
            d0 = s0; d1 = s1; d2 = s2; d3 = s3;
        }
        r[ro] = d0; r[ro + 1] = d1; r[ro + 2] = d2; r[ro + 3] = d3;
    }
}
