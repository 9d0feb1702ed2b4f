package io.zkmargin.api.risk;

/**
 * Per-underlying scenario parameters.
 *
 * @param underlyingPrice F, in price units (e.g. USD per BTC)
 * @param priceScanRange absolute price move of one scan range, in price units
 * @param volScanRange absolute volatility move (0.10 = 10 volatility points)
 * @param lookaheadDays time that passes in every scenario (ACT/365)
 * @param rate r of Black-76 (continuously compounded), default 0
 */
public record ScanParameters(double underlyingPrice, double priceScanRange, double volScanRange, double lookaheadDays,
        double rate) {
    public ScanParameters {
        if (!(underlyingPrice > 0) || !Double.isFinite(underlyingPrice)) {
            throw new IllegalArgumentException("underlying price must be positive and finite");
        }
        if (!(priceScanRange >= 0) || !Double.isFinite(priceScanRange)) {
            throw new IllegalArgumentException("price scan range must be >= 0 and finite");
        }
        if (!(volScanRange >= 0) || !Double.isFinite(volScanRange)) {
            throw new IllegalArgumentException("volatility scan range must be >= 0 and finite");
        }
        if (!(lookaheadDays >= 0) || !Double.isFinite(lookaheadDays)) {
            throw new IllegalArgumentException("look-ahead must be >= 0 days");
        }
        if (!Double.isFinite(rate)) {
            throw new IllegalArgumentException("rate must be finite");
        }
    }

    /** One-day look-ahead, r = 0. */
    public static ScanParameters of(double underlyingPrice, double priceScanRange, double volScanRange) {
        return new ScanParameters(underlyingPrice, priceScanRange, volScanRange, 1, 0);
    }

    public ScanParameters withPriceScanRange(double range) {
        return new ScanParameters(underlyingPrice, range, volScanRange, lookaheadDays, rate);
    }

    public ScanParameters withRate(double r) {
        return new ScanParameters(underlyingPrice, priceScanRange, volScanRange, lookaheadDays, r);
    }
}
