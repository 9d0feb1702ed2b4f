package io.zkmargin.circuits.margin;

import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.engine.MarginResult;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.TierSchedule;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random market tables and accounts for differential tests: linear and option instruments, tier floors placed at
 * +-1 of notionals the generated quantities reach (so tier edges are hit exactly), haircut tiers, debt, and a cash
 * asset that can steer an account's largest provable f into a chosen range.
 */
final class RandomMarkets {
    static final BigInteger PPM = BigInteger.valueOf(1_000_000);
    static final BigInteger BPS = BigInteger.valueOf(10_000);

    private final Random rnd;
    /** Quantities (per leaf) that land a notional or value exactly on a tier edge (+-1). */
    private final Map<Integer, long[]> edges = new HashMap<>();
    MarketTable table;
    int cashLeaf;

    RandomMarkets(long seed) {
        rnd = new Random(seed);
    }

    /** A fresh table: 5..9 instruments (about half options) and 3 collateral assets, one of them cash. */
    MarketTable newTable() {
        edges.clear();
        Set<Integer> used = new HashSet<>();
        int nIns = 5 + rnd.nextInt(5);
        List<Instrument> ins = new ArrayList<>();
        for (int i = 0; i < nIns; i++) {
            int leaf = freshLeaf(used);
            boolean option = rnd.nextBoolean();
            long mark = option ? 1 + rnd.nextInt(5_000) : magnitude(36);
            long[] n = multipliers();
            TierSchedule mm = option && rnd.nextBoolean() ? TierSchedule.none() : tiers(mark, n, 1_000, 200_000);
            edges.put(leaf, n);
            long[] ra = new long[MarginCircuit.SCENARIOS];
            long som = 0;
            if (option) {
                for (int s = 0; s < ra.length; s++) ra[s] = rnd.nextInt((int) (6 * mark + 1)) - 3 * mark;
                som = rnd.nextInt((int) (mark / 4 + 1));
            }
            ins.add(Instrument.of("I" + leaf, leaf, mark, mm, ra, som));
        }
        List<CollateralAsset> cols = new ArrayList<>();
        cashLeaf = freshLeaf(used);
        cols.add(CollateralAsset.of("CASH", cashLeaf, 1, TierSchedule.flat(1_000_000)));
        for (int j = 0; j < 2; j++) {
            int leaf = freshLeaf(used);
            long price = magnitude(30);
            long[] n = multipliers();
            edges.put(leaf, n);
            cols.add(CollateralAsset.of("C" + leaf, leaf, price, tiers(price, n, 500_000, 1_000_000)));
        }
        table = MarketTable.of(ins, cols);
        return table;
    }

    private int freshLeaf(Set<Integer> used) {
        while (true) {
            int r = rnd.nextInt(10);
            int leaf = r == 0 ? 0 : r == 1 ? 4095 : rnd.nextInt(4096); // the extreme indices now and then
            if (used.add(leaf)) return leaf;
        }
    }

    /** A positive long of up to maxBits bits, log-uniform. */
    private long magnitude(int maxBits) {
        int bits = 1 + rnd.nextInt(maxBits);
        return Math.max(1, rnd.nextLong() >>> (64 - bits));
    }

    private long[] multipliers() {
        long[] n = new long[3];
        long acc = 0;
        for (int k = 0; k < 3; k++) {
            acc += 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : rnd.nextInt(1 << 14));
            n[k] = acc;
        }
        return n;
    }

    /** 1..4 tiers with floors unit * n_k + d (d in -1..1), so quantity n_k sits on a floor's edge. */
    private TierSchedule tiers(long unit, long[] n, int lowRate, int highRate) {
        int count = 1 + rnd.nextInt(4);
        List<BigInteger> floors = new ArrayList<>();
        List<Integer> rates = new ArrayList<>();
        floors.add(BigInteger.ZERO);
        rates.add(lowRate + rnd.nextInt(highRate - lowRate + 1));
        for (int k = 1; k < count; k++) {
            BigInteger f = BigInteger.valueOf(unit).multiply(BigInteger.valueOf(n[k - 1]))
                    .add(BigInteger.valueOf(rnd.nextInt(3) - 1));
            if (f.compareTo(floors.get(k - 1)) <= 0) break;
            floors.add(f);
            rates.add(lowRate + rnd.nextInt(highRate - lowRate + 1));
        }
        return TierSchedule.of(floors, rates);
    }

    /**
     * A random account on the current table for size class sc. With probability steer, the cash balance is set so
     * that the largest provable f lands in 0..40,000 (otherwise it is whatever the positions give).
     */
    AccountState account(long id, SizeClass sc, double steer) {
        List<Instrument> ins = new ArrayList<>(table.instruments());
        java.util.Collections.shuffle(ins, rnd);
        Map<Integer, Long> positions = new HashMap<>();
        int np = rnd.nextInt(sc.positionSlots() + 1);
        for (int i = 0; i < np && i < ins.size(); i++) {
            int leaf = ins.get(i).leafIndex();
            long q = rnd.nextInt(3) == 0 ? edges.get(leaf)[rnd.nextInt(3)] : magnitude(rnd.nextInt(5) == 0 ? 40 : 16);
            positions.put(leaf, rnd.nextBoolean() ? q : -q);
        }
        Map<Integer, Long> balances = new HashMap<>();
        List<CollateralAsset> cols = new ArrayList<>(table.collaterals());
        cols.removeIf(c -> c.leafIndex() == cashLeaf);
        if (sc.collateralSlots() > 1 && rnd.nextBoolean()) {
            CollateralAsset c = cols.get(rnd.nextInt(cols.size()));
            long b = rnd.nextInt(3) == 0 ? edges.get(c.leafIndex())[rnd.nextInt(3)] : magnitude(20);
            balances.put(c.leafIndex(), rnd.nextInt(4) == 0 ? -b : b);
        }
        long cash = rnd.nextInt(3) == 0 ? 0 : (rnd.nextBoolean() ? 1 : -1) * magnitude(40);
        balances.put(cashLeaf, cash);
        AccountState a = AccountState.of(id, rnd.nextInt(1000), positions, balances);
        if (rnd.nextDouble() < steer) {
            MarginResult r = MarginEngine.evaluate(table, a);
            // cash counts 1e6 per unit, so E6 moves by exactly 1e6 per unit of cash
            BigInteger target = BigInteger.valueOf(rnd.nextInt(40_000)).multiply(r.r6()).divide(BPS);
            BigInteger delta = target.subtract(r.e6()).divide(PPM).add(BigInteger.valueOf(rnd.nextInt(3) - 1));
            BigInteger newCash = BigInteger.valueOf(cash).add(delta);
            if (newCash.bitLength() < 63) {
                balances.put(cashLeaf, newCash.longValueExact());
                a = AccountState.of(id, a.sequence(), positions, balances);
            }
        }
        return a;
    }
}
