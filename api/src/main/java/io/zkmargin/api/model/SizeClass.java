package io.zkmargin.api.model;

/** Circuit size classes: K position slots and J collateral slots; one circuit and key pair each. */
public enum SizeClass {
    S(4, 2),
    M(16, 4),
    L(64, 8);

    private final int k;
    private final int j;

    SizeClass(int k, int j) {
        this.k = k;
        this.j = j;
    }

    /** K: number of position slots. */
    public int positionSlots() {
        return k;
    }

    /** J: number of collateral slots. */
    public int collateralSlots() {
        return j;
    }

    /** The smallest class the state fits in. */
    public static SizeClass smallestFor(AccountState state) {
        for (SizeClass sc : values()) {
            if (state.fitsIn(sc)) {
                return sc;
            }
        }
        throw new IllegalArgumentException("account " + state.accountId() + " has more slots than size class L ("
                + L.k + " positions, " + L.j + " collateral)");
    }
}
