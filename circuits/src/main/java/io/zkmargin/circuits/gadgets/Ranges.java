package io.zkmargin.circuits.gadgets;

import io.zkmargin.circuits.Api;
import io.zkmargin.circuits.Scope;
import io.zkmargin.circuits.Var;
import io.zkmargin.crypto.field.Fr;

import java.math.BigInteger;

/** Range checks: unsigned n-bit, signed |x| < 2^(n-1), and the 201-bit non-negativity check of the margin model. */
public final class Ranges {
    /** Width of {@link #assertNonNegative201}: honest differences stay below 2^200 (MARGIN-MODEL.md). */
    public static final int NON_NEGATIVE_BITS = 201;

    private Ranges() {
    }

    /** Proves 0 <= x < 2^n: n + 1 constraints (n from 1 to 253). */
    public static void rangeCheck(Api api, Var x, int n) {
        try (Scope s = api.scope("range" + n)) {
            Bits.toBits(api, x, n);
        }
    }

    /** A signed value split into sign (1 if negative) and absolute value. */
    public record Signed(Var sign, Var abs) {
    }

    /**
     * Proves |x| < 2^(n-1) for x read as a signed integer (negative values are r - |x|), and returns its sign
     * (1 if x < 0; 0 for x = 0) and |x|. Decomposes y = x + 2^(n-1) into n bits and asserts y != 0, so
     * x = -2^(n-1) is rejected; the sign is the complement of the top bit. Cost n + 3 constraints (n from 2 to 253).
     */
    public static Signed signed(Api api, Var x, int n) {
        if (n < 2) throw new IllegalArgumentException("signed width must be at least 2");
        try (Scope s = api.scope("signed" + n)) {
            Var y = api.add(x, api.constant(BigInteger.ONE.shiftLeft(n - 1)));
            Var[] bits = Bits.toBits(api, y, n);
            api.assertNonZero(y);
            Var sign = api.sub(api.one(), bits[n - 1]);
            // |x| = x * (1 - 2 sign)
            Var abs = api.mul(x, api.sub(api.one(), api.mul(sign, 2)));
            return new Signed(sign, abs);
        }
    }

    /**
     * Proves d >= 0 for a difference that is below 2^200 when honest: a 201-bit range check, so a negative d,
     * which wraps to about r, cannot pass. Cost 202 constraints.
     */
    public static void assertNonNegative201(Api api, Var d) {
        try (Scope s = api.scope("nonNegative201")) {
            Bits.toBits(api, d, NON_NEGATIVE_BITS);
        }
    }

    static Fr pow2(int n) {
        return Fr.of(BigInteger.ONE.shiftLeft(n));
    }
}
