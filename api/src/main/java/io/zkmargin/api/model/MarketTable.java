package io.zkmargin.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The market table of an epoch: instruments and collateral assets, each at a fixed leaf index of the market tree.
 * Leaf indices are chosen by the venue and must stay stable across epochs, since account commitments name them.
 * Entries are kept sorted by leaf index. Per-entry bounds are checked by the entry factories (naming the entry);
 * this factory rejects duplicate ids and duplicate leaf indices, naming both entries.
 */
public final class MarketTable {
    private final List<Instrument> instruments;
    private final List<CollateralAsset> collaterals;
    private final Map<Integer, Object> byLeaf;
    private final Map<String, Object> byId;

    private MarketTable(List<Instrument> instruments, List<CollateralAsset> collaterals, Map<Integer, Object> byLeaf,
            Map<String, Object> byId) {
        this.instruments = instruments;
        this.collaterals = collaterals;
        this.byLeaf = byLeaf;
        this.byId = byId;
    }

    public static MarketTable of(List<Instrument> instruments, List<CollateralAsset> collaterals) {
        if (instruments == null || collaterals == null) {
            throw new IllegalArgumentException("market table: instrument and collateral lists are required");
        }
        Map<Integer, Object> byLeaf = new HashMap<>();
        Map<String, Object> byId = new HashMap<>();
        List<Instrument> ins = new ArrayList<>(instruments);
        List<CollateralAsset> cols = new ArrayList<>(collaterals);
        for (Instrument i : ins) {
            if (i == null) {
                throw new IllegalArgumentException("market table: null instrument");
            }
            register(byLeaf, byId, i.leafIndex(), i.id(), i);
        }
        for (CollateralAsset c : cols) {
            if (c == null) {
                throw new IllegalArgumentException("market table: null collateral asset");
            }
            register(byLeaf, byId, c.leafIndex(), c.id(), c);
        }
        if (byLeaf.isEmpty()) {
            throw new IllegalArgumentException("market table: no entries");
        }
        ins.sort(Comparator.comparingInt(Instrument::leafIndex));
        cols.sort(Comparator.comparingInt(CollateralAsset::leafIndex));
        return new MarketTable(Collections.unmodifiableList(ins), Collections.unmodifiableList(cols),
                Collections.unmodifiableMap(byLeaf), Collections.unmodifiableMap(byId));
    }

    private static void register(Map<Integer, Object> byLeaf, Map<String, Object> byId, int leaf, String id, Object e) {
        Object prev = byLeaf.putIfAbsent(leaf, e);
        if (prev != null) {
            throw new IllegalArgumentException("market table: " + id + " and " + idOf(prev) + " share leaf index " + leaf);
        }
        if (byId.putIfAbsent(id, e) != null) {
            throw new IllegalArgumentException("market table: duplicate entry id " + id);
        }
    }

    private static String idOf(Object e) {
        return e instanceof Instrument i ? i.id() : ((CollateralAsset) e).id();
    }

    /** Instruments sorted by leaf index. */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** Collateral assets sorted by leaf index. */
    public List<CollateralAsset> collaterals() {
        return collaterals;
    }

    public Optional<Instrument> instrumentAt(int leafIndex) {
        return byLeaf.get(leafIndex) instanceof Instrument i ? Optional.of(i) : Optional.empty();
    }

    public Optional<CollateralAsset> collateralAt(int leafIndex) {
        return byLeaf.get(leafIndex) instanceof CollateralAsset c ? Optional.of(c) : Optional.empty();
    }

    public Optional<Instrument> instrument(String id) {
        return byId.get(id) instanceof Instrument i ? Optional.of(i) : Optional.empty();
    }

    public Optional<CollateralAsset> collateral(String id) {
        return byId.get(id) instanceof CollateralAsset c ? Optional.of(c) : Optional.empty();
    }

    public int size() {
        return byLeaf.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarketTable t && instruments.equals(t.instruments) && collaterals.equals(t.collaterals);
    }

    @Override
    public int hashCode() {
        return 31 * instruments.hashCode() + collaterals.hashCode();
    }

    @Override
    public String toString() {
        return "MarketTable[" + instruments.size() + " instruments, " + collaterals.size() + " collateral assets]";
    }
}
