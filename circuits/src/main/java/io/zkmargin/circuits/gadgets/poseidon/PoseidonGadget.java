package io.zkmargin.circuits.gadgets.poseidon;

import io.zkmargin.circuits.Api;
import io.zkmargin.circuits.Scope;
import io.zkmargin.circuits.Var;
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
            int rounds = c.rounds();
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < t; i++) s[i] = api.add(s[i], api.constant(c.roundConstant(r, i)));
                if (c.isFullRound(r)) {
                    for (int i = 0; i < t; i++) s[i] = sbox(api, s[i]);
                } else {
                    s[0] = sbox(api, s[0]);
                }
                // the last round only needs the output element
                s = r == rounds - 1 ? new Var[] {mdsRow(api, c, s, 0)} : mds(api, c, s);
            }
            return s[0];
        }
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

    private static Var[] mds(Api api, PoseidonConstants c, Var[] s) {
        Var[] out = new Var[s.length];
        for (int i = 0; i < s.length; i++) out[i] = mdsRow(api, c, s, i);
        return out;
    }

    private static Var mdsRow(Api api, PoseidonConstants c, Var[] s, int row) {
        Var[] terms = new Var[s.length];
        for (int j = 0; j < s.length; j++) terms[j] = api.mul(s[j], c.mds(row, j));
        return api.sum(terms);
    }
}
