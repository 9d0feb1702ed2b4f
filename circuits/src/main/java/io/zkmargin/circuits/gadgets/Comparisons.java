package io.zkmargin.circuits.gadgets;

import io.zkmargin.circuits.Api;
import io.zkmargin.circuits.Hint;
import io.zkmargin.circuits.Scope;
import io.zkmargin.circuits.Var;
import io.zkmargin.crypto.field.Fr;

import java.math.BigInteger;

/** Zero tests, equality and ordered comparisons of n-bit values. */
public final class Comparisons {
    /** Largest n for comparisons: they decompose a value of n + 1 bits. */
    public static final int MAX_BITS = Bits.MAX_BITS - 1;

    private Comparisons() {
    }

    private static final Hint INVERSE_OR_ZERO = in -> new Fr[] {in[0].isZero() ? Fr.ZERO : in[0].inverse()};

    /**
     * 1 if x = 0 else 0: two constraints, x * m = 1 - out and x * out = 0 with m a hinted inverse. When x = 0
     * the hinted m is free (any value satisfies), which is harmless: out is still forced to 1.
     */
    public static Var isZero(Api api, Var x) {
        try (Scope s = api.scope("isZero")) {
            Var m = api.hint("inv", 1, INVERSE_OR_ZERO, x)[0];
            Var out = api.sub(api.one(), api.mul(x, m));
            api.assertProduct(x, out, api.zero());
            return out;
        }
    }

    /** 1 if a = b else 0: two constraints. */
    public static Var isEqual(Api api, Var a, Var b) {
        return isZero(api, api.sub(a, b));
    }

    /**
     * 1 if a < b else 0, for a, b in [0, 2^n); both are range-checked here (2n + 2 constraints) so the answer
     * is sound for any input. Total 3n + 4 constraints.
     */
    public static Var lessThan(Api api, Var a, Var b, int n) {
        try (Scope s = api.scope("lessThan" + n)) {
            Ranges.rangeCheck(api, a, n);
            Ranges.rangeCheck(api, b, n);
            return lessThanUnchecked(api, a, b, n);
        }
    }

    /** 1 if a <= b else 0, for a, b range-checked to n bits here: 3n + 4 constraints. */
    public static Var lessOrEqual(Api api, Var a, Var b, int n) {
        return api.sub(api.one(), lessThan(api, b, a, n));
    }

    /**
     * 1 if a < b else 0, correct whenever |a - b| < 2^n as integers (in particular for a, b in [0, 2^n)), which
     * the caller must guarantee. Decomposes y = a - b + 2^n into n + 1 bits: a < b exactly when bit n is 0.
     * The decomposition cannot wrap the field (2^(n+1) < r), so the result is never a wrapped answer; if
     * |a - b| >= 2^n there may be no witness at all. Cost n + 2 constraints (n up to 252).
     */
    public static Var lessThanUnchecked(Api api, Var a, Var b, int n) {
        if (n < 1 || n > MAX_BITS) throw new IllegalArgumentException("comparison width must be 1.." + MAX_BITS);
        try (Scope s = api.scope("lt" + n)) {
            Var y = api.add(api.sub(a, b), api.constant(BigInteger.ONE.shiftLeft(n)));
            Var[] bits = Bits.toBits(api, y, n + 1);
            return api.sub(api.one(), bits[n]);
        }
    }

    /** 1 if a <= b else 0 under the precondition of {@link #lessThanUnchecked}: n + 2 constraints. */
    public static Var lessOrEqualUnchecked(Api api, Var a, Var b, int n) {
        return api.sub(api.one(), lessThanUnchecked(api, b, a, n));
    }

    /**
     * Asserts a <= b for a, b in [0, 2^n) (caller's precondition): b - a is range-checked to n bits, which a
     * wrapped negative difference fails. Cost n + 1 constraints.
     */
    public static void assertLessOrEqualUnchecked(Api api, Var a, Var b, int n) {
        try (Scope s = api.scope("assertLe" + n)) {
            Bits.toBits(api, api.sub(b, a), n);
        }
    }
}
