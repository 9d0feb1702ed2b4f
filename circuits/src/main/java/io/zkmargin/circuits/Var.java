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

    /** sum ks[i] * vs[i] (ks may be null for all ones) in O(T log T) for T terms, not O(n * T) as repeated adds. */
    static Var linear(Var[] vs, Fr[] ks) {
        int total = 0;
        for (Var v : vs) total += v.wires.length;
        long[] keyed = new long[total];
        long[] c = new long[4 * total];
        long[] km = new long[4];
        int p = 0;
        for (int i = 0; i < vs.length; i++) {
            Var v = vs[i];
            if (ks != null) ks[i].writeMont(km, 0);
            for (int t = 0; t < v.wires.length; t++, p++) {
                keyed[p] = ((long) v.wires[t] << 32) | p; // sort by wire, keep the term's slot
                if (ks == null) System.arraycopy(v.coeffs, 4 * t, c, 4 * p, 4);
                else Fr.mul(c, 4 * p, v.coeffs, 4 * t, km, 0);
            }
        }
        Arrays.sort(keyed);
        int[] w = new int[total];
        long[] out = new long[4 * total];
        int k = -1;
        for (long key : keyed) {
            int wire = (int) (key >>> 32), slot = (int) key;
            if (k >= 0 && w[k] == wire) {
                Fr.add(out, 4 * k, out, 4 * k, c, 4 * slot);
            } else {
                if (k >= 0 && Fr.isZero(out, 4 * k)) k--; // drop a cancelled term
                k++;
                w[k] = wire;
                System.arraycopy(c, 4 * slot, out, 4 * k, 4);
            }
        }
        if (k >= 0 && Fr.isZero(out, 4 * k)) k--;
        return new Var(Arrays.copyOf(w, k + 1), Arrays.copyOf(out, 4 * (k + 1)));
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
