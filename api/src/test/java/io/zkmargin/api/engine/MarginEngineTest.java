package io.zkmargin.api.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.Threshold;
import io.zkmargin.api.model.TierSchedule;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four worked examples of MARGIN-MODEL.md with their published figures, plus edge cases. */
class MarginEngineTest {
    private static final BigInteger M = BigInteger.valueOf(1_000_000);

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    /** Example 1: dYdX v4 cross margin, flat 3%. */
    private static MarginResult example1() {
        TierSchedule mm = TierSchedule.flat(30_000);
        MarketTable t = MarketTable.of(
                List.of(Instrument.linear("BTC-USD", 0, 58_000, mm), Instrument.linear("ETH-USD", 1, 3_100, mm)),
                List.of(CollateralAsset.of("USDC", 2, 1, TierSchedule.flat(1_000_000))));
        AccountState a = AccountState.builder(7).position(0, 5).position(1, -40).balance(2, -140_000).build();
        return MarginEngine.evaluate(t, a);
    }

    @Test
    void example1_crossMargin_figures() {
        MarginResult r = example1();
        assertEquals(big(26_000).multiply(M), r.e6());
        assertEquals(big(12_420).multiply(M), r.t6());
        assertEquals(big(12_420).multiply(M), r.r6());
        assertTrue(r.isHealthy(Threshold.ofBps(12_000)));
        assertTrue(r.isHealthy(Threshold.ofBps(20_900)));
        assertFalse(r.isHealthy(Threshold.ofBps(21_000)));
        assertEquals(big(20_933), r.largestProvableF());
        assertTrue(r.isHealthy(20_933));
        assertFalse(r.isHealthy(20_934));
    }

    @Test
    void example2_binanceBrackets_notional290k() {
        TierSchedule mm = TierSchedule.of(new long[] {0, 50_000, 250_000, 1_000_000},
                new int[] {4_000, 5_000, 10_000, 25_000});
        MarketTable t = MarketTable.of(List.of(Instrument.linear("BTCUSDT", 0, 10_000, mm)),
                List.of(CollateralAsset.of("USDT", 1, 1, TierSchedule.flat(1_000_000))));
        MarginResult r = MarginEngine.evaluate(t, AccountState.builder(1).position(0, -29).build());
        assertEquals(big(1_600).multiply(M), r.t6());
        // equal to the bracket formula notional * 1% - 1,300
        assertEquals(big(290_000).multiply(big(10_000)).subtract(big(1_300).multiply(M)), r.t6());
        assertEquals(r.t6(), r.r6());
    }

    @Test
    void example3_haircutTiers_120MCounts119_5M() {
        TierSchedule hc = TierSchedule.of(new long[] {0, 100_000_000, 120_000_000},
                new int[] {1_000_000, 975_000, 950_000});
        MarketTable t = MarketTable.of(List.of(), List.of(CollateralAsset.of("BTC", 0, 100_000, hc)));
        MarginResult r = MarginEngine.evaluate(t, AccountState.builder(1).balance(0, 1_200).build());
        assertEquals(big(119_500_000).multiply(M), r.e6());
        assertTrue(r.isRequirementZero());
        assertThrows(IllegalStateException.class, r::largestProvableF);
        assertTrue(r.isHealthy(Threshold.ofBps(Threshold.MAX_BPS)));
    }

    // Risk arrays as published in MARGIN-MODEL.md example 4 (an independent vector, not computed here).
    static final long[] PUT_50K = {-338, 342, -68, 482, -687, 128, 136, 570, -1133, -191, 290, 623, -1695, -648, 225,
        -1295};
    static final long[] CALL_70K = {-459, 491, -1009, 126, -16, 746, -1672, -373, 330, 912, -2454, -1023, 592, 1014,
        -1654, 378};
    static final long[] SHORT_BOTH = {797, -833, 1077, -608, 703, -874, 1536, -197, 803, -721, 2164, 400, 1103, -366,
        1429, 917};

    private static MarginResult example4(long cash) {
        MarketTable t = MarketTable.of(
                List.of(Instrument.of("P50000", 0, 698, TierSchedule.none(), PUT_50K, 0),
                        Instrument.of("C70000", 1, 1_125, TierSchedule.none(), CALL_70K, 0)),
                List.of(CollateralAsset.of("USD", 2, 1, TierSchedule.flat(1_000_000))));
        return MarginEngine.evaluate(t, AccountState.builder(1).position(0, -1).position(1, -1).balance(2, cash).build());
    }

    @Test
    void example4_scenarios_scanRisk2164_atScenario11() {
        MarginResult r = example4(3_987);
        for (int s = 0; s < 16; s++) {
            assertEquals(big(SHORT_BOTH[s]), r.scenarioLoss(s), "scenario " + (s + 1));
        }
        assertEquals(big(2_164), r.scan());
        assertEquals(10, r.scanScenario());
        assertEquals(big(2_164).multiply(M), r.r6());
    }

    @Test
    void example4_healthyAt100PercentExactlyFromCash3987() {
        assertTrue(example4(3_987).isHealthy(Threshold.CALL));
        assertFalse(example4(3_986).isHealthy(Threshold.CALL));
        assertEquals(big(10_000), example4(3_987).largestProvableF());
        // E = 3,986 - 698 - 1,125 = 2,163: floor(21,630,000 / 2,164) = 9,995
        assertEquals(big(9_995), example4(3_986).largestProvableF());
    }

    @Test
    void shortOptionMinimum_dominatesWhenLarger() {
        MarketTable t = MarketTable.of(
                List.of(Instrument.of("C1", 0, 10, TierSchedule.none(), new long[16], 50)),
                List.of(CollateralAsset.of("USD", 1, 1, TierSchedule.flat(1_000_000))));
        MarginResult r = MarginEngine.evaluate(t, AccountState.builder(1).position(0, -3).balance(1, 1_000).build());
        assertEquals(big(150), r.som());
        assertEquals(big(150).multiply(M), r.r6());
        // a long position owes no short option minimum
        MarginResult longR = MarginEngine.evaluate(t, AccountState.builder(1).position(0, 3).balance(1, 1_000).build());
        assertEquals(BigInteger.ZERO, longR.som());
        assertTrue(longR.isRequirementZero());
    }

    @Test
    void negativeEquity_floorsTowardMinusInfinity() {
        MarketTable t = MarketTable.of(List.of(Instrument.linear("X", 0, 100, TierSchedule.flat(30_000))),
                List.of(CollateralAsset.of("USD", 1, 1, TierSchedule.flat(1_000_000))));
        // E = -1,000 + 100 = -900 ; R = 3 -> 10^4 * -900 / 3 = -3,000,000 exactly; make it inexact with -901
        MarginResult r = MarginEngine.evaluate(t, AccountState.builder(1).position(0, 1).balance(1, -1_001).build());
        assertEquals(big(-901).multiply(M), r.e6());
        assertEquals(big(3).multiply(M), r.r6());
        assertEquals(big(-3_003_334), r.largestProvableF()); // -3,003,333.33 floored
        assertFalse(r.isHealthy(0));
    }

    @Test
    void positionOnCollateralLeaf_throwsNamingLeaf() {
        MarketTable t = MarketTable.of(List.of(Instrument.linear("X", 0, 100, TierSchedule.none())),
                List.of(CollateralAsset.of("USD", 1, 1, TierSchedule.flat(1_000_000))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MarginEngine.evaluate(t, AccountState.builder(1).position(1, 123_456).build()));
        assertTrue(e.getMessage().contains("leaf 1"));
        assertFalse(e.getMessage().contains("123456"));
        assertThrows(IllegalArgumentException.class,
                () -> MarginEngine.evaluate(t, AccountState.builder(1).balance(0, 5).build()));
    }

    @Test
    void extremeValues_stayExact() {
        // |q| = 2^63 - 1 at mark 2^64 - 1 with a 100% rate: T6 = 1e6 * |q| * mark exactly
        BigInteger mark = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        BigInteger[] ra = new BigInteger[16];
        java.util.Arrays.fill(ra, BigInteger.ZERO);
        MarketTable t = MarketTable.of(
                List.of(Instrument.of("BIG", 0, mark, TierSchedule.flat(1_000_000), ra, BigInteger.ZERO)), List.of());
        MarginResult r = MarginEngine.evaluate(t, AccountState.builder(1).position(0, Long.MAX_VALUE).build());
        BigInteger notional = big(Long.MAX_VALUE).multiply(mark);
        assertEquals(notional.multiply(M), r.t6());
        assertEquals(notional.multiply(M), r.e6());
        assertEquals(big(10_000), r.largestProvableF());
    }

    @Test
    void bestThreshold_capsAndEmpties() {
        assertEquals(Threshold.ofBps(20_933), example1().bestThreshold().orElseThrow());
        assertEquals(Threshold.ofBps(10_000), example4(3_987).bestThreshold().orElseThrow());
        // R6 = 0 with positive equity: capped at the maximum
        MarketTable t = MarketTable.of(List.of(), List.of(CollateralAsset.of("USD", 0, 1, TierSchedule.flat(1_000_000))));
        assertEquals(Threshold.ofBps(Threshold.MAX_BPS),
                MarginEngine.evaluate(t, AccountState.builder(1).balance(0, 5).build()).bestThreshold().orElseThrow());
        assertTrue(MarginEngine.evaluate(t, AccountState.builder(1).balance(0, -5).build()).bestThreshold().isEmpty());
        // tiny requirement: f above the cap is capped
        assertEquals(Threshold.ofBps(Threshold.MAX_BPS), example4(10_000_000).bestThreshold().orElseThrow());
        // negative equity with a requirement: nothing provable
        assertTrue(example4(-1).bestThreshold().isEmpty());
    }

    @Test
    void toString_revealsNothing() {
        assertEquals("MarginResult[redacted]", example1().toString());
    }
}
