package io.zkmargin.api.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.engine.MarginResult;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.Threshold;
import io.zkmargin.api.model.TierSchedule;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskArraysTest {
    // MARGIN-MODEL.md worked example 4, as published
    static final long[] PUT_50K = {-338, 342, -68, 482, -687, 128, 136, 570, -1133, -191, 290, 623, -1695, -648, 225,
        -1295};
    static final long[] CALL_70K = {-459, 491, -1009, 126, -16, 746, -1672, -373, 330, 912, -2454, -1023, 592, 1014,
        -1654, 378};
    static final ScanParameters EX4 = ScanParameters.of(60_000, 6_000, 0.10);
    static final ContractSpec PUT = ContractSpec.option("P50000", 0, ContractType.PUT, 50_000, 30, 0.60, 1);
    static final ContractSpec CALL = ContractSpec.option("C70000", 1, ContractType.CALL, 70_000, 30, 0.60, 1);

    private static long[] longs(BigInteger[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].longValueExact();
        }
        return out;
    }

    @Test
    void normalCdf_referenceValues() {
        assertEquals(0.5, Black76.normalCdf(0), 1e-16);
        assertEquals(0.8413447460685429, Black76.normalCdf(1), 1e-15);
        assertEquals(0.024997895148220435, Black76.normalCdf(-1.96), 1e-15);
        // absolute accuracy is what pricing needs: errors scale with F, not with the tail probability
        assertEquals(2.866515718791939e-7, Black76.normalCdf(-5), 1e-15);
        assertEquals(0, Black76.normalCdf(-40));
        assertEquals(1, Black76.normalCdf(40));
    }

    @Test
    void workedExample4_marksAndRiskArraysExactly() {
        Instrument put = RiskArrays.instrument(PUT, EX4);
        Instrument call = RiskArrays.instrument(CALL, EX4);
        assertEquals(697.74, RiskArrays.value(PUT, 60_000, 30, 0.6, 0), 0.005);
        assertEquals(1124.96, RiskArrays.value(CALL, 60_000, 30, 0.6, 0), 0.005);
        assertEquals(BigInteger.valueOf(698), put.mark());
        assertEquals(BigInteger.valueOf(1_125), call.mark());
        assertArrayEquals(PUT_50K, longs(put.riskArray()));
        assertArrayEquals(CALL_70K, longs(call.riskArray()));
    }

    @Test
    void workedExample4_shortBothScanRisk2164_healthyFromCash3987() {
        MarketTable t = MarketTable.of(List.of(RiskArrays.instrument(PUT, EX4), RiskArrays.instrument(CALL, EX4)),
                List.of(CollateralAsset.of("USD", 2, 1, TierSchedule.flat(1_000_000))));
        MarginResult ok = MarginEngine.evaluate(t,
                AccountState.builder(1).position(0, -1).position(1, -1).balance(2, 3_987).build());
        assertEquals(BigInteger.valueOf(2_164), ok.scan());
        assertEquals(10, ok.scanScenario());
        assertTrue(ok.isHealthy(Threshold.CALL));
        MarginResult short1 = MarginEngine.evaluate(t,
                AccountState.builder(1).position(0, -1).position(1, -1).balance(2, 3_986).build());
        assertTrue(!short1.isHealthy(Threshold.CALL));
    }

    @Test
    void putCallParity_pricesAndRiskArrays() {
        for (double r : new double[] {0, 0.05, -0.01}) {
            for (double k : new double[] {40_000, 60_000, 90_000}) {
                double t = 45 / 365.0;
                double c = Black76.call(60_000, k, t, 0.7, r);
                double p = Black76.put(60_000, k, t, 0.7, r);
                assertEquals(Math.exp(-r * t) * (60_000 - k), c - p, 1e-7, "r=" + r + " K=" + k);
            }
        }
        // r = 0: a long call and a short put make a future, so RA_call - RA_put = RA_future within rounding
        ContractSpec fut = ContractSpec.future("F", 2, 1, TierSchedule.none());
        BigInteger[] ra = RiskArrays.instrument(fut, EX4).riskArray();
        BigInteger[] rc = RiskArrays.instrument(CALL, EX4).riskArray();
        ContractSpec put70 = ContractSpec.option("P70000", 3, ContractType.PUT, 70_000, 30, 0.6, 1);
        BigInteger[] rp = RiskArrays.instrument(put70, EX4).riskArray();
        for (int s = 0; s < 16; s++) {
            long diff = rc[s].subtract(rp[s]).subtract(ra[s]).longValueExact();
            assertTrue(Math.abs(diff) <= 1, "scenario " + (s + 1) + " off by " + diff);
        }
        // the future's own array: -move * range, 35% on the extremes
        assertArrayEquals(new long[] {0, 0, -2000, -2000, 2000, 2000, -4000, -4000, 4000, 4000, -6000, -6000, 6000,
            6000, -4200, 4200}, longs(ra));
    }

    @Test
    void monotonicity_callLossFallsAndPutLossRisesWithPrice() {
        // same volatility move, price moves -1, -2/3, -1/3, 0, +1/3, +2/3, +1 (0-based scenario indices, vol up)
        int[] volUpByPrice = {12, 8, 4, 0, 2, 6, 10};
        double[] call = RiskArrays.scenarioLosses(CALL, EX4);
        double[] put = RiskArrays.scenarioLosses(PUT, EX4);
        for (int i = 1; i < volUpByPrice.length; i++) {
            assertTrue(call[volUpByPrice[i]] < call[volUpByPrice[i - 1]], "call at step " + i);
            assertTrue(put[volUpByPrice[i]] > put[volUpByPrice[i - 1]], "put at step " + i);
            assertTrue(call[volUpByPrice[i] + 1] < call[volUpByPrice[i - 1] + 1], "call vol down at step " + i);
            assertTrue(put[volUpByPrice[i] + 1] > put[volUpByPrice[i - 1] + 1], "put vol down at step " + i);
        }
        // volatility up always hurts a long option holder less than volatility down (loss is lower)
        for (int s = 0; s < 14; s += 2) {
            assertTrue(call[s] < call[s + 1] && put[s] < put[s + 1], "scenario pair " + s);
        }
    }

    @Test
    void inverseOption_valuedInUnderlyingAtoms() {
        ContractSpec inv = ContractSpec.option("BTC-C70000", 4, ContractType.CALL, 70_000, 30, 0.6, 1e8).asInverse();
        Instrument i = RiskArrays.instrument(inv, EX4);
        double coins = Black76.call(60_000, 70_000, 30 / 365.0, 0.6, 0) / 60_000;
        assertEquals(RiskArrays.roundToAtom(coins * 1e8), i.mark());
        // scenario 11 (+1 range, vol up): value at 66,000, 29 days, 70% divided by 66,000
        double v1 = Black76.call(66_000, 70_000, 29 / 365.0, 0.7, 0) / 66_000;
        assertEquals(RiskArrays.roundToAtom((coins - v1) * 1e8), i.risk(10));
        assertThrows(IllegalArgumentException.class,
                () -> ContractSpec.future("X", 0, 1, TierSchedule.none()).asInverse());
    }

    @Test
    void shortOptionMinimum_isCeilOfFractionOfUnderlying() {
        Instrument i = RiskArrays.instrument(CALL.withSomFraction(0.001), ScanParameters.of(60_000.5, 6_000, 0.1));
        assertEquals(BigInteger.valueOf(61), i.som()); // 60.0005 rounded up
        Instrument inv = RiskArrays.instrument(CALL.withSomFraction(0.001).asInverse(), EX4);
        assertEquals(BigInteger.ONE, inv.som()); // 0.001 coin per lot at multiplier 1, rounded up
        assertEquals(BigInteger.ZERO, RiskArrays.instrument(CALL, EX4).som());
    }

    @Test
    void roundingRule_nearestTiesAwayFromZero() {
        assertEquals(BigInteger.valueOf(3), RiskArrays.roundToAtom(2.5));
        assertEquals(BigInteger.valueOf(-3), RiskArrays.roundToAtom(-2.5));
        assertEquals(BigInteger.valueOf(-2), RiskArrays.roundToAtom(-2.4999));
        assertThrows(IllegalArgumentException.class, () -> RiskArrays.roundToAtom(Double.NaN));
    }

    @Test
    void boundsBreak_failsNamingInstrument() {
        ContractSpec huge = ContractSpec.option("HUGE-C", 5, ContractType.CALL, 70_000, 30, 0.6, 1e18);
        String m = assertThrows(IllegalArgumentException.class, () -> RiskArrays.instrument(huge, EX4)).getMessage();
        assertTrue(m.contains("HUGE-C") && m.contains("bounds"), m);
        ContractSpec fut = ContractSpec.future("BIG-PERP", 6, 1e15, TierSchedule.none());
        m = assertThrows(IllegalArgumentException.class, () -> RiskArrays.instrument(fut, EX4)).getMessage();
        assertTrue(m.contains("BIG-PERP") && m.contains("mark"), m);
    }
}
