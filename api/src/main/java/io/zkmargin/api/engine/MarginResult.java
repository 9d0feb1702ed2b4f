package io.zkmargin.api.engine;

import io.zkmargin.api.model.Bounds;
import io.zkmargin.api.model.Threshold;
import java.math.BigInteger;

/**
 * The exact margin figures of one account in one epoch. They are derived from private state, so toString
 * prints none of them; callers must not log the accessors' values either.
 */
public final class MarginResult {
    private final BigInteger e6;
    private final BigInteger t6;
    private final BigInteger[] scenarioLoss;
    private final BigInteger scan;
    private final int scanScenario;
    private final BigInteger som;
    private final BigInteger r6;

    MarginResult(BigInteger e6, BigInteger t6, BigInteger[] scenarioLoss, BigInteger som) {
        this.e6 = e6;
        this.t6 = t6;
        this.scenarioLoss = scenarioLoss.clone();
        int best = 0;
        for (int s = 1; s < scenarioLoss.length; s++) {
            if (scenarioLoss[s].compareTo(scenarioLoss[best]) > 0) {
                best = s;
            }
        }
        this.scanScenario = best;
        this.scan = scenarioLoss[best];
        this.som = som;
        BigInteger c = BigInteger.ZERO.max(scan).max(som);
        this.r6 = t6.add(c.multiply(Bounds.PPM_BIG));
    }

    /** Equity scaled by 1e6. */
    public BigInteger e6() {
        return e6;
    }

    /** Tiered maintenance requirement scaled by 1e6. */
    public BigInteger t6() {
        return t6;
    }

    /** Portfolio loss sum_i q_i * RA_i[s] in scenario s (0-based). */
    public BigInteger scenarioLoss(int s) {
        return scenarioLoss[s];
    }

    /** max_s of the scenario losses (may be negative). */
    public BigInteger scan() {
        return scan;
    }

    /** 0-based index of the first scenario reaching the scan risk. */
    public int scanScenario() {
        return scanScenario;
    }

    /** Short option minimum. */
    public BigInteger som() {
        return som;
    }

    /** Requirement scaled by 1e6: T6 + 1e6 * max(0, scan, SOM). */
    public BigInteger r6() {
        return r6;
    }

    /** healthy_f: 10^4 * E6 >= f * R6. */
    public boolean isHealthy(Threshold f) {
        return isHealthy(f.bps());
    }

    /** healthy_f for any f >= 0 in basis points. */
    public boolean isHealthy(long fBps) {
        if (fBps < 0) {
            throw new IllegalArgumentException("threshold must be >= 0");
        }
        return Bounds.BPS_ONE.multiply(e6).compareTo(BigInteger.valueOf(fBps).multiply(r6)) >= 0;
    }

    /**
     * The circuit's form of healthy_f: for each candidate c in {0, scan_1..scan_16, SOM} (18 entries, in that
     * order) the slack 10^4 * E6 - f * T6 - f * 1e6 * c. healthy_f holds exactly when every slack is >= 0; the
     * margin circuit range-checks these same values, so its tests can compare against them.
     */
    public BigInteger[] slacks(long fBps) {
        if (fBps < 0) {
            throw new IllegalArgumentException("threshold must be >= 0");
        }
        BigInteger f = BigInteger.valueOf(fBps);
        BigInteger base = Bounds.BPS_ONE.multiply(e6).subtract(f.multiply(t6));
        BigInteger f6 = f.multiply(Bounds.PPM_BIG);
        BigInteger[] out = new BigInteger[Bounds.SCENARIOS + 2];
        out[0] = base;
        for (int s = 0; s < Bounds.SCENARIOS; s++) {
            out[s + 1] = base.subtract(f6.multiply(scenarioLoss[s]));
        }
        out[Bounds.SCENARIOS + 1] = base.subtract(f6.multiply(som));
        return out;
    }

    /** True when R6 = 0: then the account is healthy at every f if E6 >= 0, at none otherwise. */
    public boolean isRequirementZero() {
        return r6.signum() == 0;
    }

    /**
     * floor(10^4 * E6 / R6), the largest f the account can prove; negative means no f >= 0 holds.
     *
     * @throws IllegalStateException when R6 = 0 (unbounded or, with E6 < 0, nothing provable)
     */
    public BigInteger largestProvableF() {
        if (r6.signum() == 0) {
            throw new IllegalStateException("requirement is zero: the largest provable threshold is unbounded");
        }
        // floorDiv semantics: BigInteger.divide truncates toward zero, so adjust for negative equity
        BigInteger[] qr = Bounds.BPS_ONE.multiply(e6).divideAndRemainder(r6);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /**
     * The largest threshold the account can prove, capped at {@link Threshold#MAX_BPS} (also when R6 = 0 and
     * E6 >= 0); empty when no f >= 0 holds.
     */
    public java.util.Optional<Threshold> bestThreshold() {
        if (r6.signum() == 0) {
            return e6.signum() >= 0 ? java.util.Optional.of(Threshold.ofBps(Threshold.MAX_BPS)) : java.util.Optional.empty();
        }
        BigInteger f = largestProvableF();
        if (f.signum() < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Threshold.ofBps(f.min(BigInteger.valueOf(Threshold.MAX_BPS)).longValueExact()));
    }

    @Override
    public String toString() {
        return "MarginResult[redacted]";
    }
}
