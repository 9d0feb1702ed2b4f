package io.zkmargin.circuits;

import io.zkmargin.crypto.field.Fr;

import java.util.Arrays;

/**
 * A circuit variable: an immutable linear combination {@code sum c_i * w_i} of wires. Wire 0 is the constant
 * one, so constants are combinations of wire 0 alone. Adding, subtracting and scaling are free (no constraint).
 * Instances are only meaningful inside the compilation that created them.
 */
public final class Var {
    /** Wire ids (compile-time ids), strictly increasing. */
    final int[] wires;
    /** Coefficients in Montgomery form, 4 longs per term, none zero. */
    final long[] coeffs;

    Var(int[] wires, long[] coeffs) {
        this.wires = wires;
        this.coeffs = coeffs;
    }

    static final Var ZERO = new Var(new int[0], new long[0]);

    static Var wire(int id) {
        long[] c = new long[4];
        Fr.ONE.writeMont(c, 0);
        return new Var(new int[] {id}, c);
    }

    static Var constant(Fr v) {
        if (v.isZero()) return ZERO;
        long[] c = new long[4];
        v.writeMont(c, 0);
        return new Var(new int[] {0}, c);
    }

    /** Number of terms in the linear combination. */
    public int terms() {
        return wires.length;
    }

    /** True if this is a constant (no wire other than the constant-one wire). */
    public boolean isConstant() {
        return wires.length == 0 || (wires.length == 1 && wires[0] == 0);
    }

    /** The constant value; only for {@link #isConstant()} variables. */
    public Fr constantValue() {
        if (!isConstant()) throw new IllegalStateException("variable is not a constant");
        return wires.length == 0 ? Fr.ZERO : Fr.readMont(coeffs, 0);
    }

    /** True if this is exactly one wire with coefficient one. */
    boolean isSingleWire() {
        return wires.length == 1 && wires[0] != 0 && Fr.readMont(coeffs, 0).isOne();
    }

    Var add(Var o, boolean subtract) {
        int n = wires.length, m = o.wires.length;
        int[] w = new int[n + m];
        long[] c = new long[4 * (n + m)];
        int i = 0, j = 0, k = 0;
        long[] t = new long[4];
        while (i < n || j < m) {
            if (j >= m || (i < n && wires[i] < o.wires[j])) {
                w[k] = wires[i];
                System.arraycopy(coeffs, 4 * i, c, 4 * k, 4);
                i++;
                k++;
            } else if (i >= n || o.wires[j] < wires[i]) {
                w[k] = o.wires[j];
                if (subtract) Fr.neg(c, 4 * k, o.coeffs, 4 * j);
                else System.arraycopy(o.coeffs, 4 * j, c, 4 * k, 4);
                j++;
                k++;
            } else {
                if (subtract) Fr.sub(t, 0, coeffs, 4 * i, o.coeffs, 4 * j);
                else Fr.add(t, 0, coeffs, 4 * i, o.coeffs, 4 * j);
                if (!Fr.isZero(t, 0)) {
                    w[k] = wires[i];
                    System.arraycopy(t, 0, c, 4 * k, 4);
                    k++;
                }
                i++;
                j++;
            }
        }
        return new Var(Arrays.copyOf(w, k), Arrays.copyOf(c, 4 * k));
    }

    Var scale(Fr f) {
        if (f.isZero()) return ZERO;
        long[] fm = new long[4];
        f.writeMont(fm, 0);
        long[] c = new long[coeffs.length];
        for (int i = 0; i < wires.length; i++) Fr.mul(c, 4 * i, coeffs, 4 * i, fm, 0);
        return new Var(wires.clone(), c);
    }

    @Override
    public String toString() {
        if (wires.length == 0) return "Var[0]";
        return "Var[" + wires.length + " term" + (wires.length == 1 ? "" : "s") + "]";
    }
}
