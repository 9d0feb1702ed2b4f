package io.zkmargin.service;

/**
 * Per-account health for the current epoch. PENDING is the state between an epoch (or registration) and
 * the first counting proof, before the proof window closes; the other four are those of STATEMENT.md.
 */
public enum HealthState {
    PENDING, HEALTHY, WARNING, MARGIN_CALL, LIQUIDATION;

    /** WARNING, MARGIN_CALL and LIQUIDATION are margin-call events; the rest are health changes. */
    public boolean isMarginCall() {
        return this == WARNING || this == MARGIN_CALL || this == LIQUIDATION;
    }
}
