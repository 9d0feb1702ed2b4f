package io.zkmargin.api.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.TierSchedule;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicScanTest {
    @Test
    void ewma_handComputed() {
        // r1 = ln 1.1, r2 = ln 0.9: var = 0.94 r1^2 + 0.06 r2^2
        double r1 = 0.09531017980432493;
        double r2 = -0.10536051565782628;
        double expected = Math.sqrt(0.94 * r1 * r1 + 0.06 * r2 * r2);
        assertEquals(expected, EwmaVolatility.daily(new double[] {100, 110, 99}, 0.94), 1e-15);
        assertEquals(0.09594, EwmaVolatility.daily(new double[] {100, 110, 99}, 0.94), 5e-5);
        assertThrows(IllegalArgumentException.class, () -> EwmaVolatility.daily(new double[] {1}, 0.94));
        assertThrows(IllegalArgumentException.class, () -> EwmaVolatility.daily(new double[] {1, 0}, 0.94));
        assertThrows(IllegalArgumentException.class, () -> EwmaVolatility.daily(new double[] {1, 2}, 1));
    }

    static double[] calm() {
        double[] p = new double[60];
        for (int i = 0; i < p.length; i++) {
            p[i] = 60_000 * (1 + 0.001 * ((i % 2) * 2 - 1)); // +-0.1% wiggle
        }
        return p;
    }

    static double[] spiked() {
        double[] p = calm();
        p[p.length - 3] = 54_000;
        p[p.length - 2] = 61_000;
        p[p.length - 1] = 57_000;
        return p;
    }

    @Test
    void calmMarket_usesFloor_spikeRaisesRange() {
        double calmRange = ScanRanges.dynamic(60_000, calm(), 0.94, 3, 0.05, 1);
        assertEquals(3_000, calmRange, 1e-9); // 5% floor of 60,000
        double spikeRange = ScanRanges.dynamic(60_000, spiked(), 0.94, 3, 0.05, 1);
        assertTrue(spikeRange > calmRange * 1.5, "spike range " + spikeRange);
    }

    @Test
    void spike_raisesShortOptionRequirement() {
        ContractSpec call = ContractSpec.option("C70000", 0, ContractType.CALL, 70_000, 30, 0.6, 1);
        BigInteger calm = requirement(call, ScanRanges.dynamic(60_000, calm(), 0.94, 3, 0.05, 1));
        BigInteger spike = requirement(call, ScanRanges.dynamic(60_000, spiked(), 0.94, 3, 0.05, 1));
        assertTrue(spike.compareTo(calm) > 0, calm + " -> " + spike);
    }

    private static BigInteger requirement(ContractSpec c, double range) {
        MarketTable t = MarketTable.of(List.of(RiskArrays.instrument(c, ScanParameters.of(60_000, range, 0.1))),
                List.of(CollateralAsset.of("USD", 1, 1, TierSchedule.flat(1_000_000))));
        return MarginEngine.evaluate(t, AccountState.builder(1).position(0, -10).balance(1, 100_000).build()).r6();
    }
}
