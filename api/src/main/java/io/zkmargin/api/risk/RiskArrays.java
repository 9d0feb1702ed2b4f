package io.zkmargin.api.risk;

import io.zkmargin.api.model.Bounds;
import io.zkmargin.api.model.Instrument;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Marks and risk arrays in quote atoms.
 * <ul>
 *   <li>value per lot: future F * m; option Black76(F, K, T, sigma, r) * m; inverse option Black76(...) / F * m
 *       (in underlying atoms), T in years = days / 365.</li>
 *   <li>scenario s: F' = F + move_s * priceScanRange, sigma' = max(0, sigma + vol_s * volScanRange),
 *       days' = max(0, days - lookahead); an option's F' is floored at 1e-12 F so it stays priceable.</li>
 *   <li>loss per long lot = weight_s * (value(F, days, sigma) - value(F', days', sigma')), computed from the unrounded
 *       current value.</li>
 *   <li>rounding rule: the mark and each loss are rounded to the nearest atom, ties away from zero; the short
 *       option minimum is ceil(somFraction * F * m) (ceil(somFraction * m) for inverse options), so it never
 *       understates.</li>
 * </ul>
 */
public final class RiskArrays {
    private RiskArrays() {}

    private static final double DAYS_PER_YEAR = 365;

    /** Value of one lot in atoms (unrounded). */
    public static double value(ContractSpec c, double f, double days, double sigma, double r) {
        if (c.type() == ContractType.FUTURE) {
            return f * c.multiplier();
        }
        double v = Black76.price(c.type() == ContractType.CALL, f, c.strike(), days / DAYS_PER_YEAR, sigma, r);
        return c.inverse() ? v / f * c.multiplier() : v * c.multiplier();
    }

    /** Weighted, unrounded loss per long lot in each of the 16 scenarios. */
    public static double[] scenarioLosses(ContractSpec c, ScanParameters p) {
        double f = p.underlyingPrice();
        double v0 = value(c, f, c.daysToExpiry(), c.volatility(), p.rate());
        double days1 = Math.max(0, c.daysToExpiry() - p.lookaheadDays());
        double[] out = new double[Bounds.SCENARIOS];
        for (int s = 0; s < out.length; s++) {
            SpanScenario sc = SpanScenario.ALL.get(s);
            double f1 = f + sc.priceMove() * p.priceScanRange();
            if (c.type() != ContractType.FUTURE) {
                f1 = Math.max(f1, 1e-12 * f);
            }
            double sigma1 = Math.max(0, c.volatility() + sc.volMove() * p.volScanRange());
            double d = c.type() == ContractType.FUTURE ? c.daysToExpiry() : days1;
            out[s] = sc.weight() * (v0 - value(c, f1, d, sigma1, p.rate()));
        }
        return out;
    }

    /**
     * The market-table instrument for a contract: rounded mark, risk array and short option minimum.
     *
     * @throws IllegalArgumentException naming the instrument if a value is not finite or breaks the table bounds
     */
    public static Instrument instrument(ContractSpec c, ScanParameters p) {
        double f = p.underlyingPrice();
        BigInteger mark = round(c, "mark", value(c, f, c.daysToExpiry(), c.volatility(), p.rate()));
        double[] losses = scenarioLosses(c, p);
        BigInteger[] ra = new BigInteger[losses.length];
        // A future/perp/spot with a maintenance tier schedule is linearly margined: the venue sets whichever of
        // tiers and risk array applies (MARGIN-MODEL.md), so its risk array is zero rather than charged twice.
        boolean linear = c.type() == ContractType.FUTURE && !c.maintenance().isZero();
        for (int s = 0; s < ra.length; s++) {
            ra[s] = linear ? BigInteger.ZERO : round(c, "scenario " + (s + 1) + " loss", losses[s]);
        }
        BigInteger som = BigInteger.ZERO;
        if (c.type() != ContractType.FUTURE && c.somFraction() > 0) {
            double raw = c.inverse() ? c.somFraction() * c.multiplier() : c.somFraction() * f * c.multiplier();
            som = finite(c, "short option minimum", raw).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        }
        try {
            return Instrument.of(c.id(), c.leafIndex(), mark, c.maintenance(), ra, som);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("risk tool: " + e.getMessage() + " (breaks the market-table bounds)", e);
        }
    }

    /** Nearest atom, ties away from zero. */
    public static BigInteger roundToAtom(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("value is not finite");
        }
        return new BigDecimal(v).setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
    }

    private static BigInteger round(ContractSpec c, String what, double v) {
        return finite(c, what, v).setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
    }

    private static BigDecimal finite(ContractSpec c, String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("risk tool: instrument " + c.id() + ": " + what + " is not finite");
        }
        return new BigDecimal(v);
    }
}
