package io.zkmargin.circuits;

import io.zkmargin.crypto.field.Fr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled circuit: its {@link R1cs}, input names and the solver program that turns an input
 * {@link Assignment} into a full {@link Witness}. Immutable and thread-safe (hints must be stateless).
 */
public final class CompiledCircuit {
    private final R1cs r1cs;
    private final String[] publicNames, secretNames;
    private final Instruction[] program;

    CompiledCircuit(R1cs r1cs, String[] publicNames, String[] secretNames, Instruction[] program) {
        this.r1cs = r1cs;
        this.publicNames = publicNames;
        this.secretNames = secretNames;
        this.program = program;
    }

    public R1cs r1cs() {
        return r1cs;
    }

    /** Public input names in wire order (wires 1..n). */
    public List<String> publicInputs() {
        return List.of(publicNames);
    }

    /** Secret input names in wire order. */
    public List<String> secretInputs() {
        return List.of(secretNames);
    }

    /** The public input values of an assignment in wire order (what a verifier needs). */
    public List<Fr> publicValues(Assignment a) {
        List<Fr> r = new ArrayList<>();
        for (String n : publicNames) {
            Fr v = a.get(n);
            if (v == null) throw new IllegalArgumentException("public input not assigned: " + n);
            r.add(v);
        }
        return r;
    }

    /**
     * Solves every wire and checks every constraint. Throws {@link SolverException} if a wire cannot be
     * computed and {@link UnsatisfiedConstraintException} if the inputs break a constraint.
     */
    public Witness solve(Assignment a) {
        Witness w = solveUnchecked(a);
        r1cs.check(w);
        return w;
    }

    /**
     * Computes every wire without checking constraints (the result may not satisfy them); for tests that
     * tamper with witnesses and for callers who check separately.
     */
    public Witness solveUnchecked(Assignment a) {
        return solveUnchecked(a, null);
    }

    /**
     * Like {@link #solveUnchecked(Assignment)}, with hint outputs replaced by {@code override} (a cheating
     * prover, for soundness tests); the other wires follow from the program as an honest solver computes them.
     */
    public Witness solveUnchecked(Assignment a, HintOverride override) {
        int nw = r1cs.nWires();
        long[] v = new long[4 * nw];
        Fr.ONE.writeMont(v, 0);
        int wire = 1;
        int assigned = 0;
        for (String[] names : new String[][] {publicNames, secretNames}) {
            for (String n : names) {
                Fr x = a.get(n);
                if (x == null) throw new SolverException("", "input not assigned: " + n, null);
                x.writeMont(v, 4 * wire++);
                assigned++;
            }
        }
        if (assigned != a.names().size()) {
            List<String> extra = new ArrayList<>(a.names());
            extra.removeAll(Arrays.asList(publicNames));
            extra.removeAll(Arrays.asList(secretNames));
            throw new SolverException("", "unknown inputs assigned: " + extra, null);
        }
        long[] t = new long[12], tmp = new long[4];
        for (Instruction ins : program) {
            if (ins instanceof Instruction.Mul m) {
                eval(m.a, v, t, 0, tmp);
                eval(m.b, v, t, 4, tmp);
                Fr.mul(v, 4 * m.out, t, 0, t, 4);
            } else if (ins instanceof Instruction.Div d) {
                eval(d.a, v, t, 0, tmp);
                eval(d.b, v, t, 4, tmp);
                if (Fr.isZero(t, 4)) {
                    if (d.zeroIfBothZero && Fr.isZero(t, 0)) {
                        Arrays.fill(v, 4 * d.out, 4 * d.out + 4, 0L);
                        continue;
                    }
                    throw new SolverException(label(ins), "division by zero", null);
                }
                Fr.inverse(t, 8, t, 4);
                Fr.mul(v, 4 * d.out, t, 0, t, 8);
            } else {
                Instruction.HintCall h = (Instruction.HintCall) ins;
                Fr[] in = new Fr[h.inputs.length];
                for (int i = 0; i < in.length; i++) {
                    eval(h.inputs[i], v, t, 0, tmp);
                    in[i] = Fr.readMont(t, 0);
                }
                Fr[] out = null;
                RuntimeException failure = null;
                try {
                    out = h.hint.compute(in);
                } catch (RuntimeException e) {
                    failure = e;
                }
                if (override != null) {
                    out = override.outputs(h.name, label(ins), in.clone(), out == null ? null : out.clone());
                } else if (failure != null) {
                    throw new SolverException(label(ins), "hint " + h.name + " failed: " + failure.getMessage(), null);
                }
                if (out == null || out.length != h.outs.length) {
                    throw new SolverException(label(ins), "hint " + h.name + " returned the wrong number of outputs", null);
                }
                for (int i = 0; i < out.length; i++) {
                    if (out[i] == null) throw new SolverException(label(ins), "hint " + h.name + " returned null", null);
                    out[i].writeMont(v, 4 * h.outs[i]);
                }
            }
        }
        return new Witness(v, r1cs.nPublic());
    }

    private String label(Instruction ins) {
        return r1cs.labelById(ins.label);
    }

    private static void eval(Var lc, long[] w, long[] r, int ro, long[] tmp) {
        Arrays.fill(r, ro, ro + 4, 0L);
        for (int i = 0; i < lc.wires.length; i++) {
            Fr.mul(tmp, 0, lc.coeffs, 4 * i, w, 4 * lc.wires[i]);
            Fr.add(r, ro, r, ro, tmp, 0);
        }
    }

    /** The R1CS summary. */
    public String summary() {
        return r1cs.summary();
    }

    @Override
    public String toString() {
        return "CompiledCircuit[" + r1cs + ", publicInputs=" + publicNames.length + ", secretInputs="
                + secretNames.length + "]";
    }
}
