package io.zkmargin.service;

/**
 * The pure health rules of STATEMENT.md: what a counting proof at threshold f does to a state, and what
 * the deadlines do. No I/O, so every rule is unit-tested directly.
 */
public final class HealthPolicy {
    private final long fWarn;
    private final long fCall;

    public HealthPolicy(long fWarn, long fCall) {
        if (fCall <= 0 || fWarn < fCall) {
            throw new IllegalArgumentException("need 0 < fCall <= fWarn");
        }
        this.fWarn = fWarn;
        this.fCall = fCall;
    }

    /**
     * State after a valid, counting proof at threshold f. The best proof wins (a weaker later proof never
     * downgrades), a proof below f_call cures nothing, and LIQUIDATION is final for the epoch.
     */
    public HealthState afterProof(HealthState current, long f) {
        if (current == HealthState.LIQUIDATION) {
            return current;
        }
        if (f >= fWarn) {
            return HealthState.HEALTHY;
        }
        if (f >= fCall) {
            return current == HealthState.HEALTHY ? current : HealthState.WARNING;
        }
        return current;
    }

    /** State once the proof window has closed: only an account without a proof at f >= f_call is called. */
    public HealthState afterProofWindow(HealthState current) {
        return current == HealthState.PENDING ? HealthState.MARGIN_CALL : current;
    }

    /** State once the grace window has closed too. */
    public HealthState afterGraceWindow(HealthState current) {
        return current == HealthState.MARGIN_CALL ? HealthState.LIQUIDATION : current;
    }

    public long fWarn() { return fWarn; }
    public long fCall() { return fCall; }
}
