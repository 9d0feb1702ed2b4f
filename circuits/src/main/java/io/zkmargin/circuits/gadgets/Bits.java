package io.zkmargin.circuits.gadgets;

import io.zkmargin.circuits.Api;
import io.zkmargin.circuits.Hint;
import io.zkmargin.circuits.Scope;
import io.zkmargin.circuits.Var;
import io.zkmargin.crypto.field.Fr;

import java.math.BigInteger;

/** Bit decomposition and recomposition (little-endian: bit 0 first). */
public final class Bits {
    /**
     * Largest width whose decomposition is unique: any sum of 253 bits is below 2^253 < r, so it cannot wrap.
     * At 254 bits both x and x + r could be represented.
     */
    public static final int MAX_BITS = 253;

    private Bits() {
    }

    /** Hint: the low n bits of the input (truncating, so an out-of-range input fails the recomposition). */
    static Hint lowBits(int n) {
        return in -> {
            BigInteger x = in[0].toBigInteger();
            Fr[] out = new Fr[n];
            for (int i = 0; i < n; i++) out[i] = x.testBit(i) ? Fr.ONE : Fr.ZERO;
            return out;
        };
    }

    /**
     * The n bits of x, each asserted boolean, with x asserted equal to their sum: proves 0 <= x < 2^n.
     * Cost n + 1 constraints. n from 1 to {@link #MAX_BITS}.
     */
    public static Var[] toBits(Api api, Var x, int n) {
        checkWidth(n);
        try (Scope s = api.scope("toBits" + n)) {
            Var[] bits = api.hint("bit", n, lowBits(n), x);
            for (Var b : bits) api.assertBoolean(b);
            api.assertEqual(recompose(api, bits), x);
            return bits;
        }
    }

    /** sum 2^i * bits[i], asserting every bit boolean: bits.length constraints (bits.length <= 253). */
    public static Var fromBits(Api api, Var... bits) {
        checkWidth(bits.length);
        try (Scope s = api.scope("fromBits" + bits.length)) {
            for (Var b : bits) api.assertBoolean(b);
            return recompose(api, bits);
        }
    }

    /** sum 2^i * bits[i] without asserting the bits boolean (free; the caller guarantees they are). */
    public static Var fromBitsUnchecked(Api api, Var... bits) {
        checkWidth(bits.length);
        return recompose(api, bits);
    }

    private static Var recompose(Api api, Var[] bits) {
        Fr[] pow = new Fr[bits.length];
        Fr p = Fr.ONE;
        for (int i = 0; i < bits.length; i++) {
            pow[i] = p;
            p = p.dbl();
        }
        return api.linearCombination(bits, pow);
    }

    static void checkWidth(int n) {
        if (n < 1 || n > MAX_BITS) throw new IllegalArgumentException("bit width must be 1.." + MAX_BITS + ", got " + n);
    }
}
