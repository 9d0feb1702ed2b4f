package io.zkmargin.circuits.gadgets.poseidon;

import io.zkmargin.circuits.Api;
import io.zkmargin.circuits.Scope;
import io.zkmargin.circuits.Var;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.hash.Poseidon;
import io.zkmargin.crypto.hash.PoseidonConstants;
import java.util.Objects;

/**
 * Poseidon in a circuit, equal to {@link Poseidon#hash} and {@link Poseidon#hashMany}.
 *
 * <p>Each S-box x^5 costs three constraints (x^2, x^4, x^5); round constants and the MDS matrix are
 * free linear combinations. Full rounds apply the S-box to all t elements, partial rounds to element
 * 0 only, and the S-box of the constant first element in round 0 folds away, so {@code hash} of n
 * non-constant inputs costs {@link #constraints(int) 3 * (8t + R_P - 1)} with t = n + 1 (240 for two
 * inputs, circomlib's count). Constant inputs fold further.
 */
public final class PoseidonGadget {
    private PoseidonGadget() {}

    /** Poseidon of 1..16 variables. */
    public static Var hash(Api api, Var... inputs) {
        Objects.requireNonNull(api, "api");
        int n = inputs.length;
        PoseidonConstants c = PoseidonConstants.forInputs(n);
        int t = c.width();
        Var[] s = new Var[t];
        s[0] = api.zero();
        for (int i = 0; i < n; i++) s[i + 1] = Objects.requireNonNull(inputs[i], "Poseidon input is null");
        try (Scope scope = api.scope("poseidon" + n)) {
            // Full rounds as specified, partial rounds in the equivalent sparse form of
            // PoseidonConstants: the S-box inputs (so the wires and constraints) are the same, but the
            // free linear layer costs O(t) merges of linear combinations per partial round, not O(t^2).
            int half = PoseidonConstants.FULL_ROUNDS / 2;
            int rp = c.partialRounds();
            for (int r = 0; r < half; r++) {
                addConstantsAndSbox(api, c, s, r);
                if (r < half - 1) {
                    s = mix(api, s, c::mds);
                } else {
                    s = mix(api, s, c::mixFirst);
                    for (int i = 0; i < t; i++) s[i] = api.add(s[i], api.constant(c.addFirst(i)));
                }
            }
            for (int k = 0; k < rp; k++) {
                Var x0 = sbox(api, api.add(s[0], api.constant(c.partialPre(k))));
                x0 = api.add(x0, api.constant(c.partialPost(k)));
                s[0] = x0;
                Var[] terms = new Var[t];
                for (int j = 0; j < t; j++) terms[j] = api.mul(s[j], c.sparseRow(k, j));
                for (int i = 1; i < t; i++) s[i] = api.add(s[i], api.mul(x0, c.sparseCol(k, i)));
                s[0] = api.sum(terms);
            }
            int rounds = c.rounds();
            for (int r = half + rp; r < rounds; r++) {
                addConstantsAndSbox(api, c, s, r);
                // the last round only needs the output element
                s = r == rounds - 1 ? new Var[] {row(api, s, c::mds, 0)} : mix(api, s, c::mds);
            }
            return s[0];
        }
    }

    private static void addConstantsAndSbox(Api api, PoseidonConstants c, Var[] s, int round) {
        for (int i = 0; i < s.length; i++) s[i] = sbox(api, api.add(s[i], api.constant(c.roundConstant(round, i))));
    }

    /** Matrix entries by (row, col). */
    private interface Matrix {
        Fr at(int row, int col);
    }

    private static Var[] mix(Api api, Var[] s, Matrix m) {
        Var[] out = new Var[s.length];
        for (int i = 0; i < s.length; i++) out[i] = row(api, s, m, i);
        return out;
    }

    private static Var row(Api api, Var[] s, Matrix m, int i) {
        Var[] terms = new Var[s.length];
        for (int j = 0; j < s.length; j++) terms[j] = api.mul(s[j], m.at(i, j));
        return api.sum(terms);
    }

    /**
     * Poseidon of any number of variables by the chain of {@link Poseidon#hashMany}: acc = n, then
     * acc = hash(acc, next 15 inputs) until all are absorbed (one empty chunk for no inputs).
     */
    public static Var hashMany(Api api, Var... inputs) {
        int n = inputs.length;
        Var acc = api.constant(n);
        int pos = 0;
        do {
            int k = Math.min(Poseidon.CHUNK, n - pos);
            Var[] link = new Var[k + 1];
            link[0] = acc;
            System.arraycopy(inputs, pos, link, 1, k);
            acc = hash(api, link);
            pos += k;
        } while (pos < n);
        return acc;
    }

    /** Constraints of {@link #hash} on {@code n} (1..16) non-constant inputs. */
    public static int constraints(int n) {
        PoseidonConstants c = PoseidonConstants.forInputs(n);
        int sboxes = PoseidonConstants.FULL_ROUNDS * c.width() + c.partialRounds() - 1;
        return 3 * sboxes;
    }

    private static Var sbox(Api api, Var x) {
        Var x2 = api.mul(x, x);
        Var x4 = api.mul(x2, x2);
        return api.mul(x4, x);
    }
}
