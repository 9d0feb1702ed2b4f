package io.zkmargin.api.risk;

/**
 * Exponentially weighted volatility of daily log returns (RiskMetrics): var_1 = r_1^2,
 * var_t = lambda var_{t-1} + (1 - lambda) r_t^2; the estimate is sqrt(var_n) per day.
 */
public final class EwmaVolatility {
    private EwmaVolatility() {}

    /** RiskMetrics daily decay. */
    public static final double DEFAULT_LAMBDA = 0.94;

    /**
     * @param dailyPrices at least two positive prices, oldest first
     * @param lambda decay in (0, 1)
     * @return daily volatility (standard deviation of the daily log return)
     */
    public static double daily(double[] dailyPrices, double lambda) {
        if (dailyPrices == null || dailyPrices.length < 2) {
            throw new IllegalArgumentException("EWMA volatility needs at least two prices");
        }
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("EWMA lambda must be in (0, 1)");
        }
        double var = 0;
        for (int i = 1; i < dailyPrices.length; i++) {
            double a = dailyPrices[i - 1];
            double b = dailyPrices[i];
            if (!(a > 0) || !(b > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("EWMA volatility: price " + (a > 0 ? i : i - 1) + " is not positive");
            }
            double r = Math.log(b / a);
            var = i == 1 ? r * r : lambda * var + (1 - lambda) * r * r;
        }
        return Math.sqrt(var);
    }

    /** Annualized with 365 trading days (crypto markets never close). */
    public static double annualized(double[] dailyPrices, double lambda) {
        return daily(dailyPrices, lambda) * Math.sqrt(365);
    }
}
