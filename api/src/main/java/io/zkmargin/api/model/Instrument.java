package io.zkmargin.api.model;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * A market-table instrument: mark (quote atoms per lot), maintenance tier schedule on notional |q| * mark,
 * a 16-scenario risk array (loss per long lot, SPAN sign convention) and the short-option minimum per short lot.
 * Bounds: 0 <= mark < 2^64, |RA[s]| < 2^64, 0 <= som < 2^64. Validation messages name the instrument.
 */
public final class Instrument {
    private final String id;
    private final int leafIndex;
    private final BigInteger mark;
    private final TierSchedule maintenance;
    private final BigInteger[] riskArray;
    private final BigInteger som;

    private Instrument(String id, int leafIndex, BigInteger mark, TierSchedule maintenance, BigInteger[] riskArray,
            BigInteger som) {
        this.id = id;
        this.leafIndex = leafIndex;
        this.mark = mark;
        this.maintenance = maintenance;
        this.riskArray = riskArray;
        this.som = som;
    }

    public static Instrument of(String id, int leafIndex, BigInteger mark, TierSchedule maintenance,
            BigInteger[] riskArray, BigInteger som) {
        Bounds.checkId(id);
        String what = "instrument " + id;
        Bounds.checkLeafIndex(leafIndex, what);
        Bounds.checkUnsigned64(mark, what + " mark");
        if (maintenance == null) {
            throw new IllegalArgumentException(what + ": maintenance tier schedule is missing");
        }
        if (riskArray == null || riskArray.length != Bounds.SCENARIOS) {
            throw new IllegalArgumentException(what + ": risk array must have " + Bounds.SCENARIOS + " entries");
        }
        BigInteger[] ra = riskArray.clone();
        for (int s = 0; s < ra.length; s++) {
            Bounds.checkSigned64(ra[s], what + " risk array[" + s + "]");
        }
        Bounds.checkUnsigned64(som, what + " som");
        return new Instrument(id, leafIndex, mark, maintenance, ra, som);
    }

    /** Convenience factory for values that fit a long. */
    public static Instrument of(String id, int leafIndex, long mark, TierSchedule maintenance, long[] riskArray,
            long som) {
        BigInteger[] ra = null;
        if (riskArray != null) {
            ra = new BigInteger[riskArray.length];
            for (int i = 0; i < ra.length; i++) {
                ra[i] = BigInteger.valueOf(riskArray[i]);
            }
        }
        return of(id, leafIndex, BigInteger.valueOf(mark), maintenance, ra, BigInteger.valueOf(som));
    }

    /** A linearly margined instrument (perp, future, spot) with a zero risk array and no som. */
    public static Instrument linear(String id, int leafIndex, long mark, TierSchedule maintenance) {
        return of(id, leafIndex, mark, maintenance, new long[Bounds.SCENARIOS], 0);
    }

    public String id() {
        return id;
    }

    public int leafIndex() {
        return leafIndex;
    }

    public BigInteger mark() {
        return mark;
    }

    public TierSchedule maintenance() {
        return maintenance;
    }

    /** A copy of the risk array. */
    public BigInteger[] riskArray() {
        return riskArray.clone();
    }

    public BigInteger risk(int scenario) {
        return riskArray[scenario];
    }

    public BigInteger som() {
        return som;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Instrument i && id.equals(i.id) && leafIndex == i.leafIndex && mark.equals(i.mark)
                && maintenance.equals(i.maintenance) && Arrays.equals(riskArray, i.riskArray) && som.equals(i.som);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, leafIndex, mark, maintenance, Arrays.hashCode(riskArray), som);
    }

    @Override
    public String toString() {
        return "Instrument[" + id + " @" + leafIndex + ", mark=" + mark + ", mm=" + maintenance + ", ra="
                + Arrays.toString(riskArray) + ", som=" + som + "]";
    }
}
