package io.zkmargin.circuits.gadgets;

import io.zkmargin.circuits.Api;
import io.zkmargin.circuits.Var;

/** Boolean logic on variables the caller already knows are 0 or 1 (gadget outputs, asserted bits). */
public final class Booleans {
    private Booleans() {
    }

    /** Declares b boolean: one constraint. Returns b for chaining. */
    public static Var asBoolean(Api api, Var b) {
        api.assertBoolean(b);
        return b;
    }

    /** 1 - a (free). */
    public static Var not(Api api, Var a) {
        return api.sub(api.one(), a);
    }

    /** a * b: one constraint. */
    public static Var and(Api api, Var a, Var b) {
        return api.mul(a, b);
    }

    /** a + b - a*b: one constraint. */
    public static Var or(Api api, Var a, Var b) {
        return api.sub(api.add(a, b), api.mul(a, b));
    }

    /** a + b - 2*a*b: one constraint. */
    public static Var xor(Api api, Var a, Var b) {
        return api.sub(api.add(a, b), api.mul(api.mul(a, b), 2));
    }
}
