package io.zkmargin.api.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The private state of one account: signed quantities per instrument leaf index and signed balances per
 * collateral leaf index, |q| < 2^63 and |b| < 2^63 (so {@link Long#MIN_VALUE} is rejected). Zero entries are
 * dropped, so the maps hold exactly the non-empty slots, sorted by leaf index (the canonical slot order).
 * This is private data: toString shows only the shape, never quantities or balances.
 */
public final class AccountState {
    private final long accountId;
    private final long sequence;
    private final SortedMap<Integer, Long> positions;
    private final SortedMap<Integer, Long> balances;

    private AccountState(long accountId, long sequence, SortedMap<Integer, Long> positions,
            SortedMap<Integer, Long> balances) {
        this.accountId = accountId;
        this.sequence = sequence;
        this.positions = positions;
        this.balances = balances;
    }

    public static AccountState of(long accountId, long sequence, Map<Integer, Long> positions,
            Map<Integer, Long> balances) {
        if (accountId < 0) {
            throw new IllegalArgumentException("account id must be >= 0");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("account " + accountId + ": sequence must be >= 0");
        }
        if (positions == null || balances == null) {
            throw new IllegalArgumentException("account " + accountId + ": positions and balances are required");
        }
        SortedMap<Integer, Long> p = copy(accountId, positions, "position");
        SortedMap<Integer, Long> b = copy(accountId, balances, "balance");
        for (Integer leaf : p.keySet()) {
            if (b.containsKey(leaf)) {
                throw new IllegalArgumentException("account " + accountId + ": leaf " + leaf
                        + " used both as a position and as a balance");
            }
        }
        return new AccountState(accountId, sequence, Collections.unmodifiableSortedMap(p),
                Collections.unmodifiableSortedMap(b));
    }

    private static SortedMap<Integer, Long> copy(long accountId, Map<Integer, Long> in, String what) {
        SortedMap<Integer, Long> out = new TreeMap<>();
        for (Map.Entry<Integer, Long> e : in.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("account " + accountId + ": null " + what + " entry");
            }
            Bounds.checkLeafIndex(e.getKey(), "account " + accountId + " " + what);
            if (e.getValue() == Long.MIN_VALUE) {
                // the value itself is private; name only the slot
                throw new IllegalArgumentException("account " + accountId + ": " + what + " at leaf " + e.getKey()
                        + " breaks |v| < 2^63");
            }
            if (e.getValue() != 0) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    public static Builder builder(long accountId) {
        return new Builder(accountId);
    }

    public long accountId() {
        return accountId;
    }

    public long sequence() {
        return sequence;
    }

    /** Non-zero positions by instrument leaf index, ascending. */
    public SortedMap<Integer, Long> positions() {
        return positions;
    }

    /** Non-zero balances by collateral leaf index, ascending. */
    public SortedMap<Integer, Long> balances() {
        return balances;
    }

    /** True when the state fits the K position and J collateral slots of the size class. */
    public boolean fitsIn(SizeClass sc) {
        return positions.size() <= sc.positionSlots() && balances.size() <= sc.collateralSlots();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountState a && accountId == a.accountId && sequence == a.sequence
                && positions.equals(a.positions) && balances.equals(a.balances);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, sequence, positions, balances);
    }

    @Override
    public String toString() {
        return "AccountState[account=" + accountId + ", sequence=" + sequence + ", " + positions.size()
                + " positions, " + balances.size() + " balances]";
    }

    /** Mutable builder; a leaf index may be set once. */
    public static final class Builder {
        private final long accountId;
        private long sequence;
        private final Map<Integer, Long> positions = new TreeMap<>();
        private final Map<Integer, Long> balances = new TreeMap<>();

        private Builder(long accountId) {
            this.accountId = accountId;
        }

        public Builder sequence(long sequence) {
            this.sequence = sequence;
            return this;
        }

        public Builder position(int leafIndex, long quantity) {
            if (positions.putIfAbsent(leafIndex, quantity) != null) {
                throw new IllegalArgumentException("account " + accountId + ": position at leaf " + leafIndex + " set twice");
            }
            return this;
        }

        public Builder balance(int leafIndex, long balance) {
            if (balances.putIfAbsent(leafIndex, balance) != null) {
                throw new IllegalArgumentException("account " + accountId + ": balance at leaf " + leafIndex + " set twice");
            }
            return this;
        }

        public AccountState build() {
            return AccountState.of(accountId, sequence, positions, balances);
        }
    }
}
