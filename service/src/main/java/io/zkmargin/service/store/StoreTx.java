package io.zkmargin.service.store;

import io.zkmargin.api.model.SizeClass;
import io.zkmargin.service.HealthState;
import java.util.List;
import java.util.Optional;

/** Operations available inside one repository transaction. */
public interface StoreTx {
    Optional<EpochRecord> latestEpoch();
    Optional<EpochRecord> epoch(long epochId);
    /** Epochs with id >= fromId, ascending. */
    List<EpochRecord> epochsFrom(long fromId);
    /** Inserts an epoch; returns false (and writes nothing) if an epoch with id >= this one exists. */
    boolean insertEpochIfNewest(EpochRecord epoch);

    Optional<KeyRecord> key(SizeClass sizeClass);
    List<KeyRecord> keys();
    /** Inserts a key; false if the class already has one. */
    boolean insertKey(KeyRecord key);

    Optional<RegistrationRecord> registration(long accountId);
    List<RegistrationRecord> registrations();
    /** Inserts or replaces when the sequence is higher; false otherwise. */
    boolean upsertRegistration(RegistrationRecord r);
    /** Every accepted registration, by account then sequence (the audit trail). */
    List<RegistrationRecord> registrationLog();

    Optional<HealthRecord> health(long accountId);
    List<HealthRecord> allHealth();
    /** Rows whose proof or grace deadline has passed while still PENDING or MARGIN_CALL. */
    List<HealthRecord> dueHealth(long now, int limit);
    void insertHealth(HealthRecord h);
    /** Writes h if the stored version still equals h.version(); bumps the version. */
    boolean updateHealthIf(HealthRecord h);

    boolean proofExists(long accountId, long countedEpoch, byte[] proof);
    long insertProof(ProofRecord p);
    List<ProofRecord> proofs();

    /** Inserts the event and one pending delivery per webhook URL (the outbox); returns the event id. */
    EventRecord insertEvent(String type, long accountId, long epochId, HealthState from, HealthState to,
                            String reason, long bestF, long at, List<String> webhookUrls);
    List<EventRecord> eventsAfter(long afterId, int limit);
    /** Id of the newest event, 0 when there is none. */
    long latestEventId();

    /** Claims up to limit due deliveries by setting a lease (so another instance skips them). */
    List<DeliveryRecord> claimDeliveries(long now, long leaseUntil, int limit);
    void markDelivered(long eventId, String url, long now);
    void markFailed(long eventId, String url, int attempts, long nextAttemptAt, String error);
    long pendingDeliveries();
}
