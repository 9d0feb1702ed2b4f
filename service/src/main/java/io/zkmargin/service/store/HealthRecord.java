package io.zkmargin.service.store;

import io.zkmargin.service.HealthState;

/**
 * An account's health for the epoch it is tracked under. {@code bestF} is 0 without a counting proof,
 * {@code lastProofEpoch} is -1 before any accepted proof; {@code version} drives conditional updates.
 */
public record HealthRecord(long accountId, long epochId, HealthState state, long bestF, long deadline,
                           long liquidationDeadline, long lastProofEpoch, long version, long updatedAt) {
    public HealthRecord with(HealthState newState, long newBestF, long newLastProofEpoch, long now) {
        return new HealthRecord(accountId, epochId, newState, newBestF, deadline, liquidationDeadline,
                newLastProofEpoch, version, now);
    }
}
