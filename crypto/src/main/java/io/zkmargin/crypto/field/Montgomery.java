package io.zkmargin.crypto.field;

/**
 * Four-limb (4 x 64-bit, little-endian limbs) Montgomery arithmetic for moduli below 2^254.
 *
 * <p>All methods are static and allocation-free; the modulus and -m^-1 mod 2^64 are passed in so
 * that the JIT folds them into constants after inlining. Inputs must be reduced (in [0, m)); outputs
 * are reduced. The multiplication (generated, see crypto/gen/mont52.py) needs m odd and below 2^254.
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

    static final long M52 = 0x000fffffffffffffL;

    /**
     * r = a * b * 2^-256 mod m, written to r[ro..ro+3] (r may be an input array: the limbs are
     * passed by value). Same 5 x 52-bit kernel as {@link Fp#mul(long[], int, long[], int,
     * long[], int)}, with the modulus limbs derived from the arguments (inv mod 2^52 is -m^-1 mod
     * 2^52). Prefer the field classes' buffer methods, whose modulus is folded into constants.
     */
    public static void mul(long a0, long a1, long a2, long a3,
                           long b0, long b1, long b2, long b3,
                           long[] r, int ro,
                           long m0, long m1, long m2, long m3, long inv) {
        // BEGIN GENERATED (crypto/gen/gen_fields.py)
        final long INV52 = inv & M52; // -m^-1 mod 2^52
        final long n0 = (m0 & M52);
        final long n1 = (((m0 >>> 52) | (m1 << 12)) & M52);
        final long n2 = (((m1 >>> 40) | (m2 << 24)) & M52);
        final long n3 = (((m2 >>> 28) | (m3 << 36)) & M52);
        final long n4 = (m3 >>> 16);
        final long k23 = (n2 + n3) << 1;
        final long k24 = (n2 + n4) << 1;
        final long k34 = (n3 + n4) << 1;
        long x0 = ((a0 << 4) & M52) << 11;
        long y0 = (b0 & M52) << 1;
        long x1 = (((a0 >>> 48) | (a1 << 16)) & M52) << 11;
        long y1 = (((b0 >>> 52) | (b1 << 12)) & M52) << 1;
        long x2 = (((a1 >>> 36) | (a2 << 28)) & M52) << 11;
        long y2 = (((b1 >>> 40) | (b2 << 24)) & M52) << 1;
        long x3 = (((a2 >>> 24) | (a3 << 40)) & M52) << 11;
        long y3 = (((b2 >>> 28) | (b3 << 36)) & M52) << 1;
        long x4 = (a3 >>> 12) << 11;
        long y4 = (b3 >>> 16) << 1;
        long ld0 = (x0 * y0) >>> 12;
        long hd0 = Math.multiplyHigh(x0, y0);
        long ld1 = (x1 * y1) >>> 12;
        long hd1 = Math.multiplyHigh(x1, y1);
        long ld2 = (x2 * y2) >>> 12;
        long hd2 = Math.multiplyHigh(x2, y2);
        long ld3 = (x3 * y3) >>> 12;
        long hd3 = Math.multiplyHigh(x3, y3);
        long ld4 = (x4 * y4) >>> 12;
        long hd4 = Math.multiplyHigh(x4, y4);
        long u01 = (x0 >> 1) + (x1 >> 1);
        long v01 = (y0 + y1) << 1;
        long u02 = (x0 >> 1) + (x2 >> 1);
        long v02 = (y0 + y2) << 1;
        long u03 = (x0 >> 1) + (x3 >> 1);
        long v03 = (y0 + y3) << 1;
        long u04 = (x0 >> 1) + (x4 >> 1);
        long v04 = (y0 + y4) << 1;
        long u12 = (x1 >> 1) + (x2 >> 1);
        long v12 = (y1 + y2) << 1;
        long u13 = (x1 >> 1) + (x3 >> 1);
        long v13 = (y1 + y3) << 1;
        long u14 = (x1 >> 1) + (x4 >> 1);
        long v14 = (y1 + y4) << 1;
        long u23 = (x2 >> 1) + (x3 >> 1);
        long v23 = (y2 + y3) << 1;
        long u24 = (x2 >> 1) + (x4 >> 1);
        long v24 = (y2 + y4) << 1;
        long u34 = (x3 >> 1) + (x4 >> 1);
        long v34 = (y3 + y4) << 1;
        long s0 = ld0;
        long q0 = (s0 * INV52) << 12;
        long c0 = (s0 + M52) >> 52;
        long s1 = (((q0 * n1) >>> 12) + ((((hd0 - ld0) - ld1) + (((u01 * v01) >>> 12) + c0)) + Math.multiplyHigh(q0, n0)));
        long q1 = (s1 * INV52) << 12;
        long c1 = (s1 + M52) >> 52;
        long s2 = (((q1 * n1) >>> 12) + (((((q0 * n2) >>> 12) + ((((ld1 - hd1) + Math.multiplyHigh(u01, v01)) + (((u02 * v02) >>> 12) - (ld2 + (hd0 + ld0)))) + Math.multiplyHigh(q0, n1))) + c1) + Math.multiplyHigh(q1, n0)));
        long q2 = (s2 * INV52) << 12;
        long c2 = (s2 + M52) >> 52;
        long le2 = (q2 * n2) >>> 12;
        long he2 = Math.multiplyHigh(q2, n2);
        long s3 = (((q2 * n1) >>> 12) + (((((q1 * n2) >>> 12) + ((((q0 * n3) >>> 12) + (((((u12 * v12) >>> 12) - (ld3 + (hd0 + ld0))) + (((hd1 - ld1) - (hd2 + ld2)) + (Math.multiplyHigh(u02, v02) + ((u03 * v03) >>> 12)))) + Math.multiplyHigh(q0, n2))) + Math.multiplyHigh(q1, n1))) + c2) + Math.multiplyHigh(q2, n0)));
        long q3 = (s3 * INV52) << 12;
        long c3 = (s3 + M52) >> 52;
        long le3 = (q3 * n3) >>> 12;
        long he3 = Math.multiplyHigh(q3, n3);
        long g23 = (q2 >> 1) + (q3 >> 1);
        long s4 = (((q3 * n1) >>> 12) + (((le2 + ((((q1 * n3) >>> 12) + ((((q0 * n4) >>> 12) + (((((ld2 - hd2) - (hd1 + ld1)) + (Math.multiplyHigh(u03, v03) - (hd3 + ld3))) + ((((u04 * v04) >>> 12) + Math.multiplyHigh(u12, v12)) + (((u13 * v13) >>> 12) - (ld4 + (hd0 + ld0))))) + Math.multiplyHigh(q0, n3))) + Math.multiplyHigh(q1, n2))) + Math.multiplyHigh(q2, n1))) + c3) + Math.multiplyHigh(q3, n0)));
        long q4 = (s4 * INV52) << 12;
        long c4 = (s4 + M52) >> 52;
        long le4 = (q4 * n4) >>> 12;
        long he4 = Math.multiplyHigh(q4, n4);
        long g24 = (q2 >> 1) + (q4 >> 1);
        long g34 = (q3 >> 1) + (q4 >> 1);
        long s5 = (((q4 * n1) >>> 12) + (((((((((q1 * n4) >>> 12) + ((((((hd2 - ld1) - (ld2 + hd3)) + (Math.multiplyHigh(u04, v04) - (ld3 + hd4))) + ((Math.multiplyHigh(u13, v13) + ((u14 * v14) >>> 12)) + (((u23 * v23) >>> 12) - (ld4 + (hd0 + hd1))))) + Math.multiplyHigh(q0, n4)) + Math.multiplyHigh(q1, n3))) + he2) - le2) + Math.multiplyHigh(q3, n1)) + (((g23 * k23) >>> 12) - le3)) + c4) + Math.multiplyHigh(q4, n0)));
        long s6 = (((((((((((u24 * v24) >>> 12) - (ld4 + (hd1 + hd2))) + (((ld3 - ld2) - (hd3 + hd4)) + (Math.multiplyHigh(u14, v14) + Math.multiplyHigh(u23, v23)))) + Math.multiplyHigh(q1, n4)) - he2) - le2) + le3) + (Math.multiplyHigh(g23, k23) - he3)) + Math.multiplyHigh(q4, n1)) + (((g24 * k24) >>> 12) - le4));
        long s7 = ((Math.multiplyHigh(g24, k24) - le4) + (((g34 * k34) >>> 12) + ((((((Math.multiplyHigh(u24, v24) - (ld3 + hd4)) + (((u34 * v34) >>> 12) + ((hd3 - hd2) - ld4))) - he2) + he3) - le3) - he4)));
        long s8 = ((((Math.multiplyHigh(u34, v34) + ((ld4 - hd3) - hd4)) - he3) + le4) + (Math.multiplyHigh(g34, k34) - he4));
        long s9 = (hd4 + he4);
        long t0 = s5, w0 = s5 + n0;
        long t1 = s6 + (t0 >> 52), w1 = s6 + n1 + (w0 >> 52);
        long t2 = s7 + (t1 >> 52), w2 = s7 + n2 + (w1 >> 52);
        long t3 = s8 + (t2 >> 52), w3 = s8 + n3 + (w2 >> 52);
        long t4 = s9 + (t3 >> 52), w4 = s9 + n4 + (w3 >> 52);
        long keep = ~(t4 >> 63);
        t0 = w0 ^ ((t0 ^ w0) & keep); t1 = w1 ^ ((t1 ^ w1) & keep); t2 = w2 ^ ((t2 ^ w2) & keep);
        t3 = w3 ^ ((t3 ^ w3) & keep); t4 = w4 ^ ((t4 ^ w4) & keep);
        r[ro] = (t0 & M52) | (t1 << 52);
        r[ro + 1] = ((t1 & M52) >>> 12) | (t2 << 40);
        r[ro + 2] = ((t2 & M52) >>> 24) | (t3 << 28);
        r[ro + 3] = ((t3 & M52) >>> 36) | (t4 << 16);
        // END GENERATED
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
