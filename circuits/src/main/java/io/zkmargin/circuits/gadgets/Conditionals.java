package io.zkmargin.circuits.gadgets;

import io.zkmargin.circuits.Api;
import io.zkmargin.circuits.Hint;
import io.zkmargin.circuits.Scope;
import io.zkmargin.circuits.Var;
import io.zkmargin.crypto.field.Fr;

import java.math.BigInteger;

/** Selection and conditional assertions. Conditions must be boolean (gadget outputs or asserted bits). */
public final class Conditionals {
    private Conditionals() {
    }

    /** cond ? a : b, as b + cond * (a - b): one constraint (free if cond is constant). cond must be boolean. */
    public static Var select(Api api, Var cond, Var a, Var b) {
        return api.add(b, api.mul(cond, api.sub(a, b)));
    }

    /**
     * values[index] for index in [0, n): a hinted one-hot vector e (n boolean constraints), sum e = 1 and
     * sum i * e_i = index (2 constraints) and sum e_i * values_i (n constraints, free for constant values).
     * An index outside [0, n) has no witness. Cost at most 2n + 2 constraints.
     */
    public static Var mux(Api api, Var index, Var... values) {
        int n = values.length;
        if (n == 0) throw new IllegalArgumentException("mux needs at least one value");
        try (Scope s = api.scope("mux" + n)) {
            Hint oneHot = in -> {
                BigInteger i = in[0].toBigInteger();
                Fr[] e = new Fr[n];
                for (int k = 0; k < n; k++) e[k] = i.equals(BigInteger.valueOf(k)) ? Fr.ONE : Fr.ZERO;
                return e;
            };
            Var[] e = api.hint("e", n, oneHot, index);
            Fr[] position = new Fr[n];
            Var[] picked = new Var[n];
            for (int k = 0; k < n; k++) {
                api.assertBoolean(e[k]);
                position[k] = Fr.of(k);
                picked[k] = api.mul(e[k], values[k]);
            }
            Var sum = api.sum(e);
            Var weighted = api.linearCombination(e, position);
            Var out = api.sum(picked);
            api.assertEqual(sum, api.one());
            api.assertEqual(weighted, index);
            return out;
        }
    }

    /** If cond = 1 then a = b (nothing if cond = 0): one constraint. cond must be boolean. */
    public static void assertEqualIf(Api api, Var cond, Var a, Var b) {
        api.assertProduct(cond, api.sub(a, b), api.zero());
    }
}
