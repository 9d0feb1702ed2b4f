package io.zkmargin.api.model;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A market-table collateral asset: price (quote atoms per balance atom, 0 <= price < 2^64) and a haircut tier
 * schedule on value (rate 1,000,000 counts the slice in full). Debt (negative balance) always counts in full.
 */
public final class CollateralAsset {
    private final String id;
    private final int leafIndex;
    private final BigInteger price;
    private final TierSchedule haircut;

    private CollateralAsset(String id, int leafIndex, BigInteger price, TierSchedule haircut) {
        this.id = id;
        this.leafIndex = leafIndex;
        this.price = price;
        this.haircut = haircut;
    }

    public static CollateralAsset of(String id, int leafIndex, BigInteger price, TierSchedule haircut) {
        Bounds.checkId(id);
        String what = "collateral " + id;
        Bounds.checkLeafIndex(leafIndex, what);
        Bounds.checkUnsigned64(price, what + " price");
        if (haircut == null) {
            throw new IllegalArgumentException(what + ": haircut tier schedule is missing");
        }
        return new CollateralAsset(id, leafIndex, price, haircut);
    }

    public static CollateralAsset of(String id, int leafIndex, long price, TierSchedule haircut) {
        return of(id, leafIndex, BigInteger.valueOf(price), haircut);
    }

    public String id() {
        return id;
    }

    public int leafIndex() {
        return leafIndex;
    }

    public BigInteger price() {
        return price;
    }

    public TierSchedule haircut() {
        return haircut;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CollateralAsset c && id.equals(c.id) && leafIndex == c.leafIndex && price.equals(c.price)
                && haircut.equals(c.haircut);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, leafIndex, price, haircut);
    }

    @Override
    public String toString() {
        return "CollateralAsset[" + id + " @" + leafIndex + ", price=" + price + ", haircut=" + haircut + "]";
    }
}
