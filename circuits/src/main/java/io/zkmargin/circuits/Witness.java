package io.zkmargin.circuits;

import io.zkmargin.crypto.field.Fr;

import java.util.ArrayList;
import java.util.List;

/**
 * A full wire assignment: wire 0 is one, then public wires, then the rest. Witness values are secret:
 * {@link #toString()} shows only sizes. Immutable; {@link #with} returns a modified copy (used by tests
 * to tamper with a solved witness).
 */
public final class Witness {
    /** Montgomery limbs, 4 per wire. */
    final long[] values;
    private final int nPublic;

    Witness(long[] values, int nPublic) {
        this.values = values;
        this.nPublic = nPublic;
    }

    /** Validating factory: values[0] must be one; {@code nPublic} counts public wires after it. */
    public static Witness of(Fr[] values, int nPublic) {
        if (values.length < 1 || !values[0].isOne()) throw new IllegalArgumentException("witness wire 0 must be one");
        if (nPublic < 0 || nPublic >= values.length) throw new IllegalArgumentException("bad public wire count");
        long[] v = new long[4 * values.length];
        for (int i = 0; i < values.length; i++) values[i].writeMont(v, 4 * i);
        return new Witness(v, nPublic);
    }

    public int size() {
        return values.length / 4;
    }

    /** Public wires after the constant one. */
    public int nPublic() {
        return nPublic;
    }

    public Fr get(int wire) {
        if (wire < 0 || wire >= size()) throw new IndexOutOfBoundsException("wire " + wire + " of " + size());
        return Fr.readMont(values, 4 * wire);
    }

    /** The public wires 1..nPublic, in order. */
    public List<Fr> publicValues() {
        List<Fr> r = new ArrayList<>(nPublic);
        for (int i = 1; i <= nPublic; i++) r.add(get(i));
        return r;
    }

    /** All values (a copy). */
    public Fr[] toArray() {
        Fr[] r = new Fr[size()];
        for (int i = 0; i < r.length; i++) r[i] = get(i);
        return r;
    }

    /** All values as Montgomery limbs, 4 per wire (a copy), for the prover's buffer arithmetic. */
    public long[] montValues() {
        return values.clone();
    }

    /** A copy with one wire changed. */
    public Witness with(int wire, Fr value) {
        if (wire < 0 || wire >= size()) throw new IndexOutOfBoundsException("wire " + wire + " of " + size());
        long[] v = values.clone();
        value.writeMont(v, 4 * wire);
        return new Witness(v, nPublic);
    }

    @Override
    public String toString() {
        return "Witness[wires=" + size() + ", public=" + nPublic + "]";
    }
}
