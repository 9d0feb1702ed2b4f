package io.zkmargin.circuits;

import io.zkmargin.crypto.field.Fr;

import java.math.BigInteger;

/**
 * The narrow circuit API. Linear operations and multiplication by a constant are free; each other
 * operation notes its constraint cost. Methods whose soundness depends on the caller say so in the name
 * ({@code divUnchecked}) or the doc.
 */
public interface Api {
    // ---------------------------------------------------------------- inputs

    /** Declares the next public input (public inputs keep declaration order). */
    Var publicInput(String name);

    /** Declares {@code n} public inputs named {@code name[0..n-1]}. */
    Var[] publicInputs(String name, int n);

    /** Declares a secret input. */
    Var secretInput(String name);

    /** Declares {@code n} secret inputs named {@code name[0..n-1]}. */
    Var[] secretInputs(String name, int n);

    // ---------------------------------------------------------------- constants

    Var constant(long v);

    /** The constant {@code v mod r} (negative values wrap). */
    Var constant(BigInteger v);

    Var constant(Fr v);

    Var zero();

    Var one();

    // ---------------------------------------------------------------- arithmetic

    /** a + b + more... (free). */
    Var add(Var a, Var b, Var... more);

    /** a - b (free). */
    Var sub(Var a, Var b);

    /** -a (free). */
    Var neg(Var a);

    /** Sum of all (free); zero for none. */
    Var sum(Var... vs);

    /** sum coeffs[i] * vs[i] (free); efficient for long sums. */
    Var linearCombination(Var[] vs, Fr[] coeffs);

    /** a * b: one constraint unless either side is constant (then free). */
    Var mul(Var a, Var b);

    /** a * k (free). */
    Var mul(Var a, long k);

    /** a * k (free). */
    Var mul(Var a, Fr k);

    /** a / b with b asserted non-zero: two constraints. */
    Var div(Var a, Var b);

    /** a / b without asserting b != 0 (if b = 0 and a = 0 the quotient is unconstrained): one constraint. */
    Var divUnchecked(Var a, Var b);

    /** 1 / a with a asserted non-zero: one constraint. */
    Var inverse(Var a);

    // ---------------------------------------------------------------- assertions

    /** a == b: one constraint (checked at compile time if both are constants). */
    void assertEqual(Var a, Var b);

    /** a in {0, 1}: one constraint. */
    void assertBoolean(Var a);

    /** a == 0: one constraint. */
    void assertIsZero(Var a);

    /** a != 0: one constraint (a hinted inverse). */
    void assertNonZero(Var a);

    /** The raw R1CS constraint a * b == c: one constraint. */
    void assertProduct(Var a, Var b, Var c);

    // ---------------------------------------------------------------- hints and labels

    /**
     * New unconstrained wires whose values {@code hint} computes from {@code inputs} at solve time. The name
     * labels the wires and appears in solver errors.
     */
    Var[] hint(String name, int outputs, Hint hint, Var... inputs);

    /** Enters a named scope: constraints and wires made inside are labelled {@code outer/name}. */
    Scope scope(String name);
}
