package io.zkmargin.api.risk;

/**
 * Dynamic price scan ranges: range = F * max(floorFraction, z * sigma_daily * sqrt(lookaheadDays)), with sigma_daily
 * the EWMA estimate. The floor keeps the range from collapsing in calm markets; a volatility spike widens it at once.
 */
public final class ScanRanges {
    private ScanRanges() {}

    /** Default confidence multiple (about 99.7% of a normal move). */
    public static final double DEFAULT_Z = 3;

    public static double dynamic(double underlyingPrice, double[] dailyPrices, double lambda, double z,
            double floorFraction, double lookaheadDays) {
        if (!(underlyingPrice > 0)) {
            throw new IllegalArgumentException("underlying price must be positive");
        }
        if (!(z > 0) || !(floorFraction >= 0) || !(lookaheadDays > 0)) {
            throw new IllegalArgumentException("scan range needs z > 0, floor >= 0 and look-ahead > 0");
        }
        double sigma = EwmaVolatility.daily(dailyPrices, lambda);
        return underlyingPrice * Math.max(floorFraction, z * sigma * Math.sqrt(lookaheadDays));
    }
}
