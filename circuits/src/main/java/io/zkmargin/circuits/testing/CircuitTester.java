package io.zkmargin.circuits.testing;

import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.Circuit;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Compiler;
import io.zkmargin.circuits.HintOverride;
import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.SolverException;
import io.zkmargin.circuits.UnsatisfiedConstraintException;
import io.zkmargin.circuits.Witness;
import io.zkmargin.crypto.field.Fr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Test harness for circuits and gadgets. Failures throw {@link AssertionError} (no test-framework dependency,
 * so any module's tests can use it). Messages name wires and constraints; values appear only here, in tests.
 *
 * <p>Soundness is checked on the solved witness itself, not only through the inputs: changing any single wire
 * of a valid witness must break a constraint ({@link #assertNoFreeWires}), a chosen tamper must be caught
 * ({@link #assertTamperRejected}), and a cheating prover who picks hint outputs ({@link #assertAdversaryRejected})
 * must fail for a false statement.
 */
public final class CircuitTester {
    private CircuitTester() {
    }

    /** Compiles {@code circuit}; convenience for tests. */
    public static CompiledCircuit compile(Circuit circuit) {
        return Compiler.compile(circuit);
    }

    /**
     * The assignment must solve, every constraint must hold, and the public wires must equal the assigned
     * public inputs. Returns the witness for further checks.
     */
    public static Witness assertSolves(CompiledCircuit c, Assignment valid) {
        Witness w;
        try {
            w = c.solveUnchecked(valid);
        } catch (SolverException e) {
            throw new AssertionError("valid assignment did not solve: " + e.getMessage(), e);
        }
        R1cs r = c.r1cs();
        int bad = r.firstUnsatisfied(w);
        if (bad >= 0) {
            throw new AssertionError("valid assignment breaks constraint #" + bad + " (" + r.constraintLabel(bad) + "): "
                    + r.describe(bad));
        }
        List<Fr> expected = c.publicValues(valid);
        if (!w.publicValues().equals(expected)) {
            throw new AssertionError("public wires " + w.publicValues() + " differ from the assigned " + expected);
        }
        if (!w.get(0).isOne()) throw new AssertionError("wire 0 is not one");
        return w;
    }

    /** As {@link #assertSolves(CompiledCircuit, Assignment)}, also checking the public values. */
    public static Witness assertSolves(CompiledCircuit c, Assignment valid, List<Fr> expectedPublic) {
        Witness w = assertSolves(c, valid);
        if (!w.publicValues().equals(expectedPublic)) {
            throw new AssertionError("public values " + w.publicValues() + ", expected " + expectedPublic);
        }
        return w;
    }

    /**
     * The invalid assignment must not yield a satisfying witness: the honest solver fails, or its witness
     * breaks a constraint. Returns the label of the failing gadget ("" for a solver failure at the top level).
     */
    public static String assertRejected(CompiledCircuit c, Assignment invalid) {
        return assertAdversaryRejected(c, invalid, null);
    }

    /**
     * A cheating prover who chooses hint outputs with {@code adversary} must still fail on {@code invalid}.
     * Returns the label of the gadget that caught it.
     */
    public static String assertAdversaryRejected(CompiledCircuit c, Assignment invalid, HintOverride adversary) {
        assertAssignsExactlyTheInputs(c, invalid);
        Witness w;
        try {
            w = c.solveUnchecked(invalid, adversary);
        } catch (SolverException e) {
            return e.label();
        }
        try {
            c.r1cs().check(w);
        } catch (UnsatisfiedConstraintException e) {
            return e.label();
        }
        throw new AssertionError("an invalid assignment produced a satisfying witness");
    }

    /**
     * A rejection must come from the values, not from a misspelt or missing input name (which would make a
     * soundness test pass for the wrong reason).
     */
    private static void assertAssignsExactlyTheInputs(CompiledCircuit c, Assignment a) {
        Set<String> expected = new java.util.HashSet<>(c.publicInputs());
        expected.addAll(c.secretInputs());
        if (!expected.equals(a.names())) {
            Set<String> missing = new java.util.TreeSet<>(expected);
            missing.removeAll(a.names());
            Set<String> unknown = new java.util.TreeSet<>(a.names());
            unknown.removeAll(expected);
            throw new AssertionError("assignment does not match the circuit's inputs: missing " + missing + ", unknown " + unknown);
        }
    }

    /** Changing {@code wire} of the valid witness to {@code value} must break a constraint. */
    public static void assertTamperRejected(CompiledCircuit c, Witness valid, int wire, Fr value) {
        if (valid.get(wire).equals(value)) throw new AssertionError("tamper does not change wire " + wire);
        if (c.r1cs().isSatisfied(valid.with(wire, value))) {
            throw new AssertionError("setting wire " + wire + " (" + c.r1cs().wireName(wire) + ") to " + value
                    + " still satisfies every constraint");
        }
    }

    /** As {@link #assertTamperRejected(CompiledCircuit, Witness, int, Fr)} for the wire with this name. */
    public static void assertTamperRejected(CompiledCircuit c, Witness valid, String wireName, Fr value) {
        assertTamperRejected(c, valid, wire(c, wireName), value);
    }

    /** Index of the wire with exactly this name (inputs by name, internal wires by "label/what#k"). */
    public static int wire(CompiledCircuit c, String name) {
        R1cs r = c.r1cs();
        for (int i = 0; i < r.nWires(); i++) if (r.wireName(i).equals(name)) return i;
        throw new AssertionError("no wire named " + name);
    }

    /** Indexes of wires whose name starts with {@code prefix}, in order. */
    public static int[] wiresStartingWith(CompiledCircuit c, String prefix) {
        R1cs r = c.r1cs();
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < r.nWires(); i++) if (r.wireName(i).startsWith(prefix)) l.add(i);
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Wires (1..n-1) of a satisfying witness whose value can change alone (to v+1, to v-1 and to r-1-v)
     * with every constraint still holding: each is either deliberately free or a missing constraint.
     * Only the constraints that mention a wire are re-evaluated, so this stays fast on large circuits.
     */
    public static List<String> freeWires(CompiledCircuit c, Witness valid) {
        R1cs r = c.r1cs();
        if (!r.isSatisfied(valid)) throw new AssertionError("witness is not satisfying");
        R1cs.Matrix[] ms = {r.a(), r.b(), r.c()};
        int[][] starts = new int[3][], wires = new int[3][];
        long[][] coeffs = new long[3][];
        for (int k = 0; k < 3; k++) {
            starts[k] = ms[k].rowStarts();
            wires[k] = ms[k].wires();
            coeffs[k] = ms[k].montCoeffs();
        }
        int[][] uses = constraintsPerWire(r.nWires(), r.nConstraints(), starts, wires);
        long[] v = valid.montValues();
        long[] saved = new long[4], t = new long[4], e = new long[12];
        Fr[] tampers = new Fr[3];
        List<String> free = new ArrayList<>();
        for (int i = 1; i < r.nWires(); i++) {
            Fr x = valid.get(i);
            tampers[0] = x.add(Fr.ONE);
            tampers[1] = x.sub(Fr.ONE);
            tampers[2] = Fr.of(-1).sub(x);
            System.arraycopy(v, 4 * i, saved, 0, 4);
            boolean isFree = false;
            for (Fr tamper : tampers) {
                if (tamper.equals(x)) continue;
                tamper.writeMont(v, 4 * i);
                boolean all = true;
                for (int row : uses[i]) {
                    if (!holds(row, v, starts, wires, coeffs, t, e)) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    isFree = true;
                    break;
                }
            }
            System.arraycopy(saved, 0, v, 4 * i, 4);
            if (isFree) free.add(r.wireName(i));
        }
        return free;
    }

    private static int[][] constraintsPerWire(int nWires, int m, int[][] starts, int[][] wires) {
        int[] count = new int[nWires];
        int[] last = new int[nWires];
        java.util.Arrays.fill(last, -1);
        for (int row = 0; row < m; row++) {
            for (int k = 0; k < 3; k++) {
                for (int p = starts[k][row]; p < starts[k][row + 1]; p++) {
                    int w = wires[k][p];
                    if (last[w] != row) {
                        last[w] = row;
                        count[w]++;
                    }
                }
            }
        }
        int[][] uses = new int[nWires][];
        for (int w = 0; w < nWires; w++) uses[w] = new int[count[w]];
        java.util.Arrays.fill(count, 0);
        java.util.Arrays.fill(last, -1);
        for (int row = 0; row < m; row++) {
            for (int k = 0; k < 3; k++) {
                for (int p = starts[k][row]; p < starts[k][row + 1]; p++) {
                    int w = wires[k][p];
                    if (last[w] != row) {
                        last[w] = row;
                        uses[w][count[w]++] = row;
                    }
                }
            }
        }
        return uses;
    }

    /** t: 4-long scratch; e: 12-long scratch for the three row values. */
    private static boolean holds(int row, long[] v, int[][] starts, int[][] wires, long[][] coeffs, long[] t, long[] e) {
        java.util.Arrays.fill(e, 0L);
        for (int k = 0; k < 3; k++) {
            for (int p = starts[k][row]; p < starts[k][row + 1]; p++) {
                Fr.mul(t, 0, coeffs[k], 4 * p, v, 4 * wires[k][p]);
                Fr.add(e, 4 * k, e, 4 * k, t, 0);
            }
        }
        Fr.mul(t, 0, e, 0, e, 4);
        return Fr.equal(t, 0, e, 8);
    }

    /**
     * No internal (non-input) wire may change alone, except those named in {@code allowed}. Use this when some
     * inputs legitimately do not matter for the witness at hand (the unselected side of a select, the rate of
     * a tier the value does not reach).
     */
    public static void assertNoFreeInternalWires(CompiledCircuit c, Witness valid, String... allowed) {
        R1cs r = c.r1cs();
        int firstInternal = 1 + r.nPublic() + r.nPrvIn();
        List<String> inputs = new ArrayList<>();
        for (int i = 1; i < firstInternal; i++) inputs.add(r.wireName(i));
        List<String> free = freeWires(c, valid);
        free.removeAll(inputs);
        free.removeAll(Set.copyOf(Arrays.asList(allowed)));
        if (!free.isEmpty()) throw new AssertionError("unconstrained wires: " + free);
    }

    /** No wire may change alone, except those named in {@code allowed} (documented free wires). */
    public static void assertNoFreeWires(CompiledCircuit c, Witness valid, String... allowed) {
        List<String> free = freeWires(c, valid);
        free.removeAll(Set.copyOf(Arrays.asList(allowed)));
        if (!free.isEmpty()) throw new AssertionError("unconstrained wires: " + free);
    }
}
