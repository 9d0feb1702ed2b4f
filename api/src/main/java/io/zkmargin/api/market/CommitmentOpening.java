package io.zkmargin.api.market;

import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.Salt;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.hash.Poseidon;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The secret opening of an account commitment: the account state laid out in the K position and J collateral
 * slots of a size class, plus the salt. Canonical slot order: non-empty slots first with strictly increasing leaf
 * indices, unused slots (leafIndex 0, value 0) after them. The commitment (v1) is
 * <pre>
 *   Poseidon.hashMany(TAG, K, J, accountId, sequence, salt,
 *                     leaf_1, q_1, ..., leaf_K, q_K, leaf_1, b_1, ..., leaf_J, b_J)
 * </pre>
 * with negative q, b as r - |v| and TAG the ASCII string "zkmargin.account.v1" read as a big-endian integer.
 * K and J are hashed so the same state committed in two size classes gives different commitments.
 * toString never shows the state or the salt.
 */
public final class CommitmentOpening {
    /** Domain tag of commitment layout v1. */
    public static final Fr TAG = Fr.of(new BigInteger(1, "zkmargin.account.v1".getBytes(StandardCharsets.US_ASCII)));

    private final AccountState state;
    private final SizeClass sizeClass;
    private final Salt salt;
    private final int[] positionLeaves;
    private final long[] quantities;
    private final int[] collateralLeaves;
    private final long[] balances;

    private CommitmentOpening(AccountState state, SizeClass sizeClass, Salt salt) {
        this.state = state;
        this.sizeClass = sizeClass;
        this.salt = salt;
        positionLeaves = new int[sizeClass.positionSlots()];
        quantities = new long[sizeClass.positionSlots()];
        collateralLeaves = new int[sizeClass.collateralSlots()];
        balances = new long[sizeClass.collateralSlots()];
        fill(state.positions(), positionLeaves, quantities);
        fill(state.balances(), collateralLeaves, balances);
    }

    private static void fill(Map<Integer, Long> m, int[] leaves, long[] values) {
        int i = 0;
        for (Map.Entry<Integer, Long> e : m.entrySet()) { // sorted map: increasing leaf indices
            leaves[i] = e.getKey();
            values[i] = e.getValue();
            i++;
        }
    }

    /**
     * @throws IllegalArgumentException if the state has more positions than K or balances than J
     */
    public static CommitmentOpening of(AccountState state, SizeClass sizeClass, Salt salt) {
        if (state == null || sizeClass == null || salt == null) {
            throw new IllegalArgumentException("state, size class and salt are required");
        }
        if (!state.fitsIn(sizeClass)) {
            throw new IllegalArgumentException("account " + state.accountId() + " does not fit size class " + sizeClass
                    + " (" + sizeClass.positionSlots() + " positions, " + sizeClass.collateralSlots() + " collateral)");
        }
        return new CommitmentOpening(state, sizeClass, salt);
    }

    public AccountState state() {
        return state;
    }

    public SizeClass sizeClass() {
        return sizeClass;
    }

    public Salt salt() {
        return salt;
    }

    /** Leaf index per position slot (K entries, canonical order, 0 for unused). */
    public int[] positionLeaves() {
        return positionLeaves.clone();
    }

    /** Quantity per position slot (K entries, 0 for unused). */
    public long[] quantities() {
        return quantities.clone();
    }

    /** Leaf index per collateral slot (J entries). */
    public int[] collateralLeaves() {
        return collateralLeaves.clone();
    }

    /** Balance per collateral slot (J entries). */
    public long[] balances() {
        return balances.clone();
    }

    /** The hashMany inputs in order (6 + 2K + 2J elements): what the circuit hashes. */
    public List<Fr> hashInputs() {
        List<Fr> in = new ArrayList<>(6 + 2 * (positionLeaves.length + collateralLeaves.length));
        in.add(TAG);
        in.add(Fr.of(sizeClass.positionSlots()));
        in.add(Fr.of(sizeClass.collateralSlots()));
        in.add(Fr.of(state.accountId()));
        in.add(Fr.of(state.sequence()));
        in.add(salt.expose());
        for (int i = 0; i < positionLeaves.length; i++) {
            in.add(Fr.of(positionLeaves[i]));
            in.add(FieldCodec.signed(quantities[i]));
        }
        for (int j = 0; j < collateralLeaves.length; j++) {
            in.add(Fr.of(collateralLeaves[j]));
            in.add(FieldCodec.signed(balances[j]));
        }
        return in;
    }

    public AccountCommitment commitment() {
        return AccountCommitment.of(Poseidon.hashMany(hashInputs()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommitmentOpening c && state.equals(c.state) && sizeClass == c.sizeClass
                && salt.equals(c.salt);
    }

    @Override
    public int hashCode() {
        return 31 * state.hashCode() + sizeClass.hashCode();
    }

    @Override
    public String toString() {
        return "CommitmentOpening[account=" + state.accountId() + ", class=" + sizeClass + ", redacted]";
    }
}
