package io.zkmargin.service;

import static io.zkmargin.service.HealthState.HEALTHY;
import static io.zkmargin.service.HealthState.LIQUIDATION;
import static io.zkmargin.service.HealthState.MARGIN_CALL;
import static io.zkmargin.service.HealthState.PENDING;
import static io.zkmargin.service.HealthState.WARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HealthPolicyTest {
    final HealthPolicy p = new HealthPolicy(12_000, 10_000);

    @Test
    void proofAtOrAboveWarn_isHealthy_fromEveryStateButLiquidation() {
        for (HealthState s : new HealthState[] {PENDING, WARNING, MARGIN_CALL, HEALTHY}) {
            assertEquals(HEALTHY, p.afterProof(s, 12_000));
        }
        assertEquals(LIQUIDATION, p.afterProof(LIQUIDATION, 50_000));
    }

    @Test
    void proofBetweenCallAndWarn_isWarning_butNeverDowngradesHealthy() {
        assertEquals(WARNING, p.afterProof(PENDING, 10_000));
        assertEquals(WARNING, p.afterProof(PENDING, 11_999));
        assertEquals(WARNING, p.afterProof(MARGIN_CALL, 10_000));
        assertEquals(HEALTHY, p.afterProof(HEALTHY, 10_000));
    }

    @Test
    void proofBelowCall_curesNothing() {
        assertEquals(PENDING, p.afterProof(PENDING, 9_999));
        assertEquals(MARGIN_CALL, p.afterProof(MARGIN_CALL, 9_999));
    }

    @Test
    void deadlines_callOnlyAccountsWithoutACountingProof() {
        assertEquals(MARGIN_CALL, p.afterProofWindow(PENDING));
        assertEquals(WARNING, p.afterProofWindow(WARNING));
        assertEquals(HEALTHY, p.afterProofWindow(HEALTHY));
        assertEquals(LIQUIDATION, p.afterGraceWindow(MARGIN_CALL));
        assertEquals(HEALTHY, p.afterGraceWindow(HEALTHY));
    }

    @Test
    void callAboveWarn_throws() {
        assertThrows(IllegalArgumentException.class, () -> new HealthPolicy(9_000, 10_000));
        assertThrows(IllegalArgumentException.class, () -> new HealthPolicy(12_000, 0));
    }
}
