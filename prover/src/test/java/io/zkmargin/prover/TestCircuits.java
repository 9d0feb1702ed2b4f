package io.zkmargin.prover;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.crypto.field.Fr;

import java.util.ArrayList;
import java.util.List;

/** Hand-built R1CS for prover tests (independent of the circuit compiler). */
final class TestCircuits {
    private TestCircuits() {
    }

    /** Builds a CSR matrix from rows of (wire, coefficient) pairs. */
    static R1cs.Matrix matrix(List<long[][]> rows) {
        int[] starts = new int[rows.size() + 1];
        List<Integer> wires = new ArrayList<>();
        List<Fr> coeffs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (long[] term : rows.get(i)) {
                wires.add((int) term[0]);
                coeffs.add(term[1] >= 0 ? Fr.of(term[1]) : Fr.of(-term[1]).neg());
            }
            starts[i + 1] = wires.size();
        }
        long[] mont = new long[4 * coeffs.size()];
        int[] w = new int[wires.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = wires.get(i);
            coeffs.get(i).writeMont(mont, 4 * i);
        }
        return R1cs.Matrix.of(starts, w, mont);
    }

    /**
     * x_{i+1} = x_i^2 + i for i < k, public output out = x_k, public input x_0.
     * Wires: 0 one, 1 out, 2 x_0, 3.. x_1..x_k.
     */
    static R1cs chain(int k) {
        List<long[][]> a = new ArrayList<>();
        List<long[][]> b = new ArrayList<>();
        List<long[][]> c = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int xi = i == 0 ? 2 : 2 + i;
            int next = 3 + i;
            a.add(new long[][] {{xi, 1}});
            b.add(new long[][] {{xi, 1}});
            c.add(i == 0 ? new long[][] {{next, 1}} : new long[][] {{next, 1}, {0, -i}});
        }
        // out = x_k  as  x_k * 1 = out
        a.add(new long[][] {{2 + k, 1}});
        b.add(new long[][] {{0, 1}});
        c.add(new long[][] {{1, 1}});
        return R1cs.of(3 + k, 1, 1, 0, matrix(a), matrix(b), matrix(c));
    }

    static Witness chainWitness(int k, long x0) {
        Fr[] w = new Fr[3 + k];
        w[0] = Fr.ONE;
        w[2] = Fr.of(x0);
        Fr x = w[2];
        for (int i = 0; i < k; i++) {
            x = x.square().add(Fr.of(i));
            w[3 + i] = x;
        }
        w[1] = x;
        return Witness.of(w, 2);
    }

    /**
     * out = x^2 * y + x + z with x private and y, z public (the circom fixture's statement).
     * Wires: 0 one, 1 out, 2 y, 3 z, 4 x, 5 t = x^2.
     */
    static R1cs small() {
        List<long[][]> a = List.of(new long[][] {{4, 1}}, new long[][] {{5, 1}});
        List<long[][]> b = List.of(new long[][] {{4, 1}}, new long[][] {{2, 1}});
        List<long[][]> c = List.of(new long[][] {{5, 1}}, new long[][] {{1, 1}, {4, -1}, {3, -1}});
        return R1cs.of(6, 1, 2, 1, matrix(a), matrix(b), matrix(c));
    }

    static Witness smallWitness(long x, long y, long z) {
        Fr fx = Fr.of(x);
        Fr t = fx.square();
        Fr out = t.mul(Fr.of(y)).add(fx).add(Fr.of(z));
        return Witness.of(new Fr[] {Fr.ONE, out, Fr.of(y), Fr.of(z), fx, t}, 3);
    }
}
