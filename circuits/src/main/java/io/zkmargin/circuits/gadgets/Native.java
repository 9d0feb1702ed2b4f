package io.zkmargin.circuits.gadgets;

import io.zkmargin.crypto.field.Fr;

import java.math.BigInteger;

/**
 * Plain-Java twins of the gadgets, on integers (BigInteger), for tests and for callers that need the same
 * answers outside a circuit. Signed field values are read as x if x < r/2 else x - r.
 */
public final class Native {
    private static final BigInteger HALF = Fr.MODULUS.shiftRight(1);

    private Native() {
    }

    /** The field element's signed reading. */
    public static BigInteger signedValue(Fr x) {
        BigInteger v = x.toBigInteger();
        return v.compareTo(HALF) > 0 ? v.subtract(Fr.MODULUS) : v;
    }

    /** The low n bits, little-endian. */
    public static int[] toBits(BigInteger x, int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = x.testBit(i) ? 1 : 0;
        return r;
    }

    public static BigInteger fromBits(int[] bits) {
        BigInteger r = BigInteger.ZERO;
        for (int i = bits.length - 1; i >= 0; i--) r = r.shiftLeft(1).add(BigInteger.valueOf(bits[i]));
        return r;
    }

    /** 0 <= x < 2^n. */
    public static boolean inRange(BigInteger x, int n) {
        return x.signum() >= 0 && x.bitLength() <= n;
    }

    /** |x| < 2^(n-1). */
    public static boolean inSignedRange(BigInteger x, int n) {
        return x.abs().bitLength() <= n - 1;
    }

    /** 1 if x < 0 else 0. */
    public static int sign(BigInteger x) {
        return x.signum() < 0 ? 1 : 0;
    }

    public static int isZero(BigInteger x) {
        return x.signum() == 0 ? 1 : 0;
    }

    public static int isEqual(BigInteger a, BigInteger b) {
        return a.equals(b) ? 1 : 0;
    }

    public static int lessThan(BigInteger a, BigInteger b) {
        return a.compareTo(b) < 0 ? 1 : 0;
    }

    public static int lessOrEqual(BigInteger a, BigInteger b) {
        return a.compareTo(b) <= 0 ? 1 : 0;
    }

    public static BigInteger select(int cond, BigInteger a, BigInteger b) {
        return cond == 1 ? a : b;
    }

    public static BigInteger mux(int index, BigInteger... values) {
        return values[index];
    }

    /** sum_k rate_k * clamp(v - floor_k, 0, floor_{k+1} - floor_k), the last tier open-ended. */
    public static BigInteger tiered(BigInteger v, BigInteger[] floors, BigInteger[] rates) {
        BigInteger total = BigInteger.ZERO;
        for (int k = 0; k < floors.length; k++) {
            BigInteger slice = v.subtract(floors[k]).max(BigInteger.ZERO);
            if (k + 1 < floors.length) slice = slice.min(floors[k + 1].subtract(floors[k]));
            total = total.add(rates[k].multiply(slice));
        }
        return total;
    }

    /** d >= 0 and d < 2^201 (what {@link Ranges#assertNonNegative201} accepts). */
    public static boolean nonNegative201(BigInteger d) {
        return inRange(d, Ranges.NON_NEGATIVE_BITS);
    }
}
