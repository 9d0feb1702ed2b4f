package io.zkmargin.circuits;

import io.zkmargin.crypto.field.Fr;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A rank-1 constraint system over Fr: constraints {@code <A_i, w> * <B_i, w> = <C_i, w>}. Wire 0 is the
 * constant one, then the public wires (circom public outputs, then public inputs), then secret inputs, then
 * internal wires. Each matrix is stored in CSR form: per constraint a range of (wire id, coefficient) terms,
 * coefficients in Montgomery form, 4 longs each, ready for the prover's buffer arithmetic.
 * Immutable; accessors of arrays return copies.
 */
public final class R1cs {
    /** One sparse matrix in CSR form. */
    public static final class Matrix {
        private final int[] rowStart;
        private final int[] wires;
        private final long[] coeffs;

        Matrix(int[] rowStart, int[] wires, long[] coeffs) {
            this.rowStart = rowStart;
            this.wires = wires;
            this.coeffs = coeffs;
        }

        /**
         * Validating factory: {@code rowStart} has one entry per constraint plus one, non-decreasing from 0 to
         * the term count; coefficients are Montgomery-form Fr limbs, 4 per term.
         */
        public static Matrix of(int[] rowStart, int[] wires, long[] montCoeffs) {
            if (rowStart.length < 1 || rowStart[0] != 0 || rowStart[rowStart.length - 1] != wires.length) {
                throw new IllegalArgumentException("matrix row starts do not span the terms");
            }
            for (int i = 1; i < rowStart.length; i++) {
                if (rowStart[i] < rowStart[i - 1]) throw new IllegalArgumentException("matrix row starts decrease");
            }
            if (montCoeffs.length != 4 * wires.length) throw new IllegalArgumentException("need 4 limbs per term");
            for (int i = 0; i < wires.length; i++) {
                if (!Fr.isCanonical(montCoeffs[4 * i], montCoeffs[4 * i + 1], montCoeffs[4 * i + 2], montCoeffs[4 * i + 3])) {
                    throw new IllegalArgumentException("matrix coefficient not reduced");
                }
            }
            return new Matrix(rowStart.clone(), wires.clone(), montCoeffs.clone());
        }

        public int rows() {
            return rowStart.length - 1;
        }

        /** Total number of non-zero terms. */
        public int terms() {
            return wires.length;
        }

        /** Index of the first term of constraint {@code row}; terms of the row end at {@code rowStart(row + 1)}. */
        public int rowStart(int row) {
            return rowStart[row];
        }

        public int wire(int term) {
            return wires[term];
        }

        public Fr coeff(int term) {
            return Fr.readMont(coeffs, 4 * term);
        }

        public int[] rowStarts() {
            return rowStart.clone();
        }

        public int[] wires() {
            return wires.clone();
        }

        /** Coefficients in Montgomery form, 4 longs per term. */
        public long[] montCoeffs() {
            return coeffs.clone();
        }

        /** r[ro..] = <row, w> where w holds Montgomery limbs, 4 per wire. */
        void eval(int row, long[] w, long[] r, int ro, long[] tmp) {
            Arrays.fill(r, ro, ro + 4, 0L);
            for (int t = rowStart[row]; t < rowStart[row + 1]; t++) {
                Fr.mul(tmp, 0, coeffs, 4 * t, w, 4 * wires[t]);
                Fr.add(r, ro, r, ro, tmp, 0);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Matrix m && Arrays.equals(rowStart, m.rowStart) && Arrays.equals(wires, m.wires)
                    && Arrays.equals(coeffs, m.coeffs);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(rowStart), Arrays.hashCode(wires), Arrays.hashCode(coeffs));
        }
    }

    private final int nWires, nPubOut, nPubIn, nPrvIn;
    private final Matrix a, b, c;
    private final long[] wireToLabel;
    private final long nLabels;
    private final String[] wireNames;
    private final int[] constraintLabel;
    private final String[] labels;

    R1cs(int nWires, int nPubOut, int nPubIn, int nPrvIn, Matrix a, Matrix b, Matrix c, long[] wireToLabel,
         long nLabels, String[] wireNames, int[] constraintLabel, String[] labels) {
        this.nLabels = nLabels;
        this.nWires = nWires;
        this.nPubOut = nPubOut;
        this.nPubIn = nPubIn;
        this.nPrvIn = nPrvIn;
        this.a = a;
        this.b = b;
        this.c = c;
        this.wireToLabel = wireToLabel;
        this.wireNames = wireNames;
        this.constraintLabel = constraintLabel;
        this.labels = labels;
    }

    /** Validating factory for an R1CS without names, with the identity wire-to-label map. */
    public static R1cs of(int nWires, int nPubOut, int nPubIn, int nPrvIn, Matrix a, Matrix b, Matrix c) {
        return of(nWires, nPubOut, nPubIn, nPrvIn, a, b, c, null, nWires);
    }

    /**
     * Validating factory for an R1CS without names (as read from a circom file). {@code wireToLabel} may be
     * null (identity map); {@code nLabels} is circom's label count (signals before optimization).
     */
    public static R1cs of(int nWires, int nPubOut, int nPubIn, int nPrvIn, Matrix a, Matrix b, Matrix c,
                          long[] wireToLabel, long nLabels) {
        Objects.requireNonNull(a);
        Objects.requireNonNull(b);
        Objects.requireNonNull(c);
        if (nWires < 1 || nPubOut < 0 || nPubIn < 0 || nPrvIn < 0 || 1L + nPubOut + nPubIn + nPrvIn > nWires) {
            throw new IllegalArgumentException("inconsistent wire counts");
        }
        if (a.rows() != b.rows() || b.rows() != c.rows()) throw new IllegalArgumentException("matrices differ in rows");
        for (Matrix m : new Matrix[] {a, b, c}) {
            for (int w : m.wires) {
                if (w < 0 || w >= nWires) throw new IllegalArgumentException("constraint refers to wire " + w + " of " + nWires);
            }
        }
        if (wireToLabel != null && wireToLabel.length != nWires) {
            throw new IllegalArgumentException("wire-to-label map has " + wireToLabel.length + " entries for " + nWires + " wires");
        }
        if (nLabels < 0) throw new IllegalArgumentException("negative label count");
        return new R1cs(nWires, nPubOut, nPubIn, nPrvIn, a, b, c, wireToLabel == null ? null : wireToLabel.clone(),
                nLabels, null, null, null);
    }

    public int nWires() {
        return nWires;
    }

    /** Public wires after the constant one (circom public outputs plus public inputs). */
    public int nPublic() {
        return nPubOut + nPubIn;
    }

    public int nPubOut() {
        return nPubOut;
    }

    public int nPubIn() {
        return nPubIn;
    }

    /** Secret input wires (they follow the public wires). */
    public int nPrvIn() {
        return nPrvIn;
    }

    public int nConstraints() {
        return a.rows();
    }

    public Matrix a() {
        return a;
    }

    public Matrix b() {
        return b;
    }

    public Matrix c() {
        return c;
    }

    /** circom's label count (nWires for systems compiled here). */
    public long nLabels() {
        return nLabels;
    }

    /** circom label id of each wire (identity when the system was not read from a file with a map). */
    public long[] wireToLabel() {
        if (wireToLabel == null) {
            long[] m = new long[nWires];
            for (int i = 0; i < nWires; i++) m[i] = i;
            return m;
        }
        return wireToLabel.clone();
    }

    /** A readable name of the wire (input name or scope label of the gadget that made it). */
    public String wireName(int wire) {
        if (wire < 0 || wire >= nWires) throw new IndexOutOfBoundsException("wire " + wire);
        if (wireNames != null) return wireNames[wire];
        if (wire == 0) return "one";
        if (wire <= nPublic()) return "public#" + (wire - 1);
        if (wire <= nPublic() + nPrvIn) return "secret#" + (wire - 1 - nPublic());
        return "w#" + wire;
    }

    /** The scope label of the gadget that made constraint {@code i} ("" for the top level). */
    public String constraintLabel(int i) {
        if (i < 0 || i >= nConstraints()) throw new IndexOutOfBoundsException("constraint " + i);
        return constraintLabel == null ? "" : labels[constraintLabel[i]];
    }

    String labelById(int id) {
        return labels == null || id < 0 || id >= labels.length ? "" : labels[id];
    }

    /** Index of the first constraint the witness does not satisfy, or -1 if it satisfies all. */
    public int firstUnsatisfied(Witness w) {
        checkSize(w);
        long[] v = w.values;
        long[] t = new long[12], tmp = new long[4];
        for (int i = 0; i < nConstraints(); i++) {
            a.eval(i, v, t, 0, tmp);
            b.eval(i, v, t, 4, tmp);
            c.eval(i, v, t, 8, tmp);
            Fr.mul(tmp, 0, t, 0, t, 4);
            if (!Fr.equal(tmp, 0, t, 8)) return i;
        }
        return -1;
    }

    public boolean isSatisfied(Witness w) {
        return firstUnsatisfied(w) < 0;
    }

    /**
     * Throws {@link UnsatisfiedConstraintException} naming the first unsatisfied constraint, its gadget label and
     * the wires it involves (indexes and names only, never values).
     */
    public void check(Witness w) {
        int i = firstUnsatisfied(w);
        if (i >= 0) throw new UnsatisfiedConstraintException(i, constraintLabel(i), describe(i));
    }

    /** "A: [3 x, 7 bits#0] B: [...] C: [...]" for constraint i: wire indexes and names only. */
    public String describe(int i) {
        StringBuilder sb = new StringBuilder();
        String[] n = {"A", "B", "C"};
        Matrix[] ms = {a, b, c};
        for (int k = 0; k < 3; k++) {
            sb.append(k == 0 ? "" : " ").append(n[k]).append(": [");
            for (int t = ms[k].rowStart[i]; t < ms[k].rowStart[i + 1]; t++) {
                if (t > ms[k].rowStart[i]) sb.append(", ");
                if (t - ms[k].rowStart[i] >= 8) {
                    sb.append("... ").append(ms[k].rowStart[i + 1] - t).append(" more");
                    break;
                }
                int wi = ms[k].wires[t];
                sb.append(wi).append(' ').append(wireName(wi));
            }
            sb.append(']');
        }
        return sb.toString();
    }

    /** Constraint counts per gadget label, in first-seen order (the empty label is "(top)"). */
    public Map<String, Integer> constraintsPerLabel() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < nConstraints(); i++) {
            String l = constraintLabel(i);
            m.merge(l.isEmpty() ? "(top)" : l, 1, Integer::sum);
        }
        return m;
    }

    /**
     * Human-readable summary: counts, then constraints per top-level scope and per full label.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("R1CS: ").append(nConstraints()).append(" constraints, ").append(nWires).append(" wires (1 + ")
                .append(nPublic()).append(" public + ").append(nPrvIn).append(" secret inputs + ")
                .append(nWires - 1 - nPublic() - nPrvIn).append(" internal), non-zero terms A/B/C = ")
                .append(a.terms()).append('/').append(b.terms()).append('/').append(c.terms()).append('\n');
        Map<String, Integer> top = new TreeMap<>();
        Map<String, Integer> per = constraintsPerLabel();
        per.forEach((l, n) -> top.merge(l.contains("/") ? l.substring(0, l.indexOf('/')) : l, n, Integer::sum));
        sb.append("per top-level scope:\n");
        top.forEach((l, n) -> sb.append(String.format("  %-40s %8d%n", l, n)));
        sb.append("per label:\n");
        new TreeMap<>(per).forEach((l, n) -> sb.append(String.format("  %-40s %8d%n", l, n)));
        return sb.toString();
    }

    private void checkSize(Witness w) {
        if (w.size() != nWires) {
            throw new IllegalArgumentException("witness has " + w.size() + " wires, the R1CS needs " + nWires);
        }
    }

    /** Same counts, matrices (term order included) and wire-to-label map; names and labels are ignored. */
    @Override
    public boolean equals(Object o) {
        return o instanceof R1cs r && nWires == r.nWires && nPubOut == r.nPubOut && nPubIn == r.nPubIn
                && nPrvIn == r.nPrvIn && a.equals(r.a) && b.equals(r.b) && c.equals(r.c)
                && nLabels == r.nLabels && Arrays.equals(wireToLabel(), r.wireToLabel());
    }

    @Override
    public int hashCode() {
        return Objects.hash(nWires, nPubOut, nPubIn, nPrvIn, a, b, c);
    }

    @Override
    public String toString() {
        return "R1cs[constraints=" + nConstraints() + ", wires=" + nWires + ", public=" + nPublic() + ", secretInputs="
                + nPrvIn + "]";
    }
}
