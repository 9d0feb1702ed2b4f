package io.zkmargin.bench;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.crypto.field.Fr;

/**
 * out = x^2 * y + x + z with x private and out, y, z public (3 public inputs), built by hand:
 * wires 0 one, 1 out, 2 y, 3 z, 4 x, 5 t = x^2.
 */
final class Groth16SmallCircuit {
    private Groth16SmallCircuit() {
    }

    static R1cs r1cs() {
        R1cs.Matrix a = matrix(new int[] {0, 1, 2}, new int[] {4, 5}, new Fr[] {Fr.ONE, Fr.ONE});
        R1cs.Matrix b = matrix(new int[] {0, 1, 2}, new int[] {4, 2}, new Fr[] {Fr.ONE, Fr.ONE});
        R1cs.Matrix c = matrix(new int[] {0, 1, 4}, new int[] {5, 1, 4, 3},
                new Fr[] {Fr.ONE, Fr.ONE, Fr.ONE.neg(), Fr.ONE.neg()});
        return R1cs.of(6, 1, 2, 1, a, b, c);
    }

    static Witness witness(long x, long y, long z) {
        Fr fx = Fr.of(x);
        Fr t = fx.square();
        Fr out = t.mul(Fr.of(y)).add(fx).add(Fr.of(z));
        return Witness.of(new Fr[] {Fr.ONE, out, Fr.of(y), Fr.of(z), fx, t}, 3);
    }

    private static R1cs.Matrix matrix(int[] rows, int[] wires, Fr[] coeffs) {
        long[] mont = new long[4 * coeffs.length];
        for (int i = 0; i < coeffs.length; i++) {
            coeffs[i].writeMont(mont, 4 * i);
        }
        return R1cs.Matrix.of(rows, wires, mont);
    }
}
