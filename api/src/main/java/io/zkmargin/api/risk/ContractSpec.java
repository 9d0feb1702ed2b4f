package io.zkmargin.api.risk;

import io.zkmargin.api.model.TierSchedule;

/**
 * One instrument to price.
 *
 * @param id instrument id
 * @param leafIndex market-tree leaf
 * @param type future (also perp, spot), call or put
 * @param strike K in price units (options only)
 * @param daysToExpiry T in days, ACT/365 (options only)
 * @param volatility implied volatility, annualized (0.6 = 60%)
 * @param multiplier quote atoms per lot per price unit (linear) or underlying atoms per lot per coin (inverse)
 * @param inverse coin-margined option (Deribit style): values in the underlying currency, V / F
 * @param somFraction short option minimum as a fraction of the underlying value per lot (options only)
 * @param maintenance maintenance tier schedule on notional (usually none for options)
 */
public record ContractSpec(String id, int leafIndex, ContractType type, double strike, double daysToExpiry,
        double volatility, double multiplier, boolean inverse, double somFraction, TierSchedule maintenance) {
    public ContractSpec {
        String what = "instrument " + id;
        if (type == null) {
            throw new IllegalArgumentException(what + ": contract type is missing");
        }
        if (!(multiplier > 0) || !Double.isFinite(multiplier)) {
            throw new IllegalArgumentException(what + ": multiplier must be positive and finite");
        }
        if (maintenance == null) {
            throw new IllegalArgumentException(what + ": maintenance schedule is missing (use TierSchedule.none())");
        }
        if (!(somFraction >= 0) || !(somFraction <= 1)) {
            throw new IllegalArgumentException(what + ": short option minimum fraction must be in 0..1");
        }
        if (type == ContractType.FUTURE) {
            if (inverse) {
                throw new IllegalArgumentException(what + ": inverse pricing is for options only");
            }
        } else {
            if (!(strike > 0) || !Double.isFinite(strike)) {
                throw new IllegalArgumentException(what + ": strike must be positive");
            }
            if (!(daysToExpiry >= 0) || !Double.isFinite(daysToExpiry)) {
                throw new IllegalArgumentException(what + ": days to expiry must be >= 0");
            }
            if (!(volatility >= 0) || !Double.isFinite(volatility)) {
                throw new IllegalArgumentException(what + ": volatility must be >= 0");
            }
        }
    }

    public static ContractSpec future(String id, int leafIndex, double multiplier, TierSchedule maintenance) {
        return new ContractSpec(id, leafIndex, ContractType.FUTURE, 0, 0, 0, multiplier, false, 0, maintenance);
    }

    public static ContractSpec option(String id, int leafIndex, ContractType type, double strike, double daysToExpiry,
            double volatility, double multiplier) {
        return new ContractSpec(id, leafIndex, type, strike, daysToExpiry, volatility, multiplier, false, 0,
                TierSchedule.none());
    }

    public ContractSpec withSomFraction(double f) {
        return new ContractSpec(id, leafIndex, type, strike, daysToExpiry, volatility, multiplier, inverse, f,
                maintenance);
    }

    public ContractSpec asInverse() {
        return new ContractSpec(id, leafIndex, type, strike, daysToExpiry, volatility, multiplier, true, somFraction,
                maintenance);
    }
}
