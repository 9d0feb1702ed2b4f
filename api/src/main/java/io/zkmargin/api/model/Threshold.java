package io.zkmargin.api.model;

/**
 * A health threshold f in basis points of the requirement (10,000 = 100%), 0 <= f <= 1,000,000.
 * The cap keeps f * R6 far below the field size and lets the circuit range-check f to 20 bits.
 */
public final class Threshold implements Comparable<Threshold> {
    public static final int MAX_BPS = 1_000_000;
    /** Default margin-call level f_call. */
    public static final Threshold CALL = new Threshold(10_000);
    /** Default warning level f_warn. */
    public static final Threshold WARN = new Threshold(12_000);

    private final int bps;

    private Threshold(int bps) {
        this.bps = bps;
    }

    public static Threshold ofBps(long bps) {
        if (bps < 0 || bps > MAX_BPS) {
            throw new IllegalArgumentException("threshold " + bps + " bps outside 0.." + MAX_BPS);
        }
        return new Threshold((int) bps);
    }

    public int bps() {
        return bps;
    }

    @Override
    public int compareTo(Threshold o) {
        return Integer.compare(bps, o.bps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Threshold t && t.bps == bps;
    }

    @Override
    public int hashCode() {
        return bps;
    }

    @Override
    public String toString() {
        return bps + " bps";
    }
}
