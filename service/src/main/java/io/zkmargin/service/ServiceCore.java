package io.zkmargin.service;

import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.sig.VenuePublicKey;
import io.zkmargin.api.sig.VenueSignatures;
import io.zkmargin.api.wire.WireMapping;
import io.zkmargin.service.store.EpochRecord;
import io.zkmargin.service.store.EventRecord;
import io.zkmargin.service.store.HealthRecord;
import io.zkmargin.service.store.KeyRecord;
import io.zkmargin.service.store.ProofRecord;
import io.zkmargin.service.store.RegistrationRecord;
import io.zkmargin.service.store.Repository;
import io.zkmargin.service.store.StoreTx;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The service's state machine, independent of HTTP: checks each request against STATEMENT.md, writes the
 * accepted ones in one transaction with the transitions and outbox events they cause, and fires the
 * proof-window and grace-window deadlines. Every check happens before any write, and a failed check
 * throws {@link Rejection}, so a rejected request changes nothing.
 */
public final class ServiceCore {
    /** Health rows of accounts registered before any epoch: no deadline runs yet. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private final ServiceConfig config;
    private final Repository repo;
    private final ProofChecker checker;
    private final VenuePublicKey venue;
    private final HealthPolicy policy;
    private final LongSupplier clock;
    private final List<String> webhookUrls;
    private final Consumer<List<EventRecord>> eventSink;
    private final Map<SizeClass, ProofChecker.CheckedKey> keyCache = new ConcurrentHashMap<>();

    public ServiceCore(ServiceConfig config, Repository repo, ProofChecker checker,
                       LongSupplier clock, Consumer<List<EventRecord>> eventSink) {
        this.config = config;
        this.repo = repo;
        this.checker = checker;
        this.venue = VenuePublicKey.fromRaw(config.venuePublicKey());
        this.policy = new HealthPolicy(config.fWarn(), config.fCall());
        this.clock = clock;
        this.webhookUrls = config.webhookUrls().stream().map(URI::toString).toList();
        this.eventSink = eventSink;
    }

    public Repository repository() {
        return repo;
    }

    // ---------------------------------------------------------------- verifying keys

    /**
     * Registers the verifying key of a size class (the caller authenticated the venue). When
     * {@code expectedKeyId} is given it must be the hex SHA-256 of the key bytes.
     */
    public KeyRecord registerKey(SizeClass sizeClass, byte[] verifyingKey, String expectedKeyId) {
        String sha = Hashes.sha256Hex(verifyingKey);
        if (expectedKeyId != null && !expectedKeyId.equalsIgnoreCase(sha)) {
            throw new Rejection(ErrorCode.MALFORMED_KEY, "keyId is not the SHA-256 of the key bytes");
        }
        ProofChecker.CheckedKey parsed;
        try {
            parsed = checker.parseKey(verifyingKey);
        } catch (IllegalArgumentException e) {
            throw new Rejection(ErrorCode.MALFORMED_KEY, "verifying key rejected: " + e.getMessage());
        }
        if (parsed.publicInputs() != 3) {
            throw new Rejection(ErrorCode.MALFORMED_KEY, "verifying key must have 3 public inputs, has "
                    + parsed.publicInputs());
        }
        KeyRecord rec = new KeyRecord(sizeClass, verifyingKey, sha, clock.getAsLong());
        synchronized (this) {
            repo.transaction(tx -> {
                Optional<KeyRecord> existing = tx.key(sizeClass);
                if (existing.isPresent()) {
                    throw new Rejection(ErrorCode.KEY_EXISTS, existing.get().sha256().equals(sha)
                            ? "this key is already registered for class " + sizeClass
                            : "class " + sizeClass + " already has a different key (rotation is not supported)");
                }
                if (!tx.insertKey(rec)) {
                    throw new Rejection(ErrorCode.KEY_EXISTS, "class " + sizeClass + " already has a key");
                }
                return null;
            });
        }
        keyCache.put(sizeClass, parsed);
        return rec;
    }

    private ProofChecker.CheckedKey checkedKey(KeyRecord k) {
        return keyCache.computeIfAbsent(k.sizeClass(), c -> checker.parseKey(k.verifyingKey()));
    }

    // ---------------------------------------------------------------- epochs

    /** Publishes an epoch whose table was already decoded and bound-checked (api MarketEpoch.of). */
    public EpochRecord publishEpoch(MarketEpoch e) {
        if (!VenueSignatures.verifyEpoch(venue, e)) {
            throw new Rejection(ErrorCode.BAD_SIGNATURE, "epoch signature does not verify under the venue key");
        }
        BigInteger digest = e.epochDigest().toBigInteger();
        byte[] encoded = WireMapping.toProto(e).toByteArray();
        List<EventRecord> events = new ArrayList<>();
        EpochRecord rec;
        synchronized (this) {
            long now = clock.getAsLong();
            rec = new EpochRecord(e.epochId(), e.timestampMillis(), e.marketRoot().toBigInteger(), digest, encoded,
                    e.signature(), now);
            repo.transaction(tx -> {
                events.clear();
                if (!tx.insertEpochIfNewest(rec)) {
                    long latest = tx.latestEpoch().map(EpochRecord::epochId).orElse(-1L);
                    throw new Rejection(ErrorCode.EPOCH_NOT_INCREASING,
                            "epochId " + e.epochId() + " does not increase (latest is " + latest + ")");
                }
                long deadline = now + config.proofWindowMillis();
                for (HealthRecord h : tx.allHealth()) {
                    HealthRecord reset = new HealthRecord(h.accountId(), e.epochId(), HealthState.PENDING, 0,
                            deadline, deadline + config.graceWindowMillis(), h.lastProofEpoch(), h.version(), now);
                    if (!tx.updateHealthIf(reset)) {
                        throw new Rejection(ErrorCode.STATE_CHANGED, "concurrent update, retry");
                    }
                    events.add(event(tx, reset.accountId(), e.epochId(), h.state(), HealthState.PENDING,
                            "NEW_EPOCH", 0, now));
                }
                return null;
            });
        }
        eventSink.accept(events);
        return rec;
    }

    public Optional<EpochRecord> currentEpoch() {
        return repo.transaction(StoreTx::latestEpoch);
    }

    // ---------------------------------------------------------------- registrations

    public RegistrationRecord register(AccountRegistration r) {
        if (!VenueSignatures.verifyRegistration(venue, r)) {
            throw new Rejection(ErrorCode.BAD_SIGNATURE, "registration is not signed by the venue");
        }
        List<EventRecord> events = new ArrayList<>();
        RegistrationRecord rec;
        synchronized (this) {
            long now = clock.getAsLong();
            rec = new RegistrationRecord(r.accountId(), r.sequence(), r.commitment().value().toBigInteger(),
                    r.signature(), now);
            repo.transaction(tx -> {
                events.clear();
                Optional<RegistrationRecord> old = tx.registration(r.accountId());
                if (!tx.upsertRegistration(rec)) {
                    throw new Rejection(ErrorCode.SEQUENCE_NOT_INCREASING, "sequence " + r.sequence()
                            + " does not increase (registered is " + old.map(RegistrationRecord::sequence).orElse(-1L) + ")");
                }
                Optional<EpochRecord> epoch = tx.latestEpoch();
                long epochId = epoch.map(EpochRecord::epochId).orElse(-1L);
                // a new commitment describes a new portfolio: earlier proofs no longer speak for it
                long deadline = epoch.isPresent() ? now + config.proofWindowMillis() : NO_DEADLINE;
                long liq = epoch.isPresent() ? deadline + config.graceWindowMillis() : NO_DEADLINE;
                Optional<HealthRecord> h = tx.health(r.accountId());
                HealthState from;
                if (h.isEmpty()) {
                    tx.insertHealth(new HealthRecord(r.accountId(), epochId, HealthState.PENDING, 0, deadline, liq,
                            -1, 0, now));
                    from = HealthState.PENDING;
                } else {
                    from = h.get().state();
                    HealthRecord reset = new HealthRecord(r.accountId(), epochId, HealthState.PENDING, 0, deadline,
                            liq, h.get().lastProofEpoch(), h.get().version(), now);
                    if (!tx.updateHealthIf(reset)) {
                        throw new Rejection(ErrorCode.STATE_CHANGED, "concurrent update, retry");
                    }
                }
                events.add(event(tx, r.accountId(), epochId, from, HealthState.PENDING, "REGISTRATION", 0, now));
                return null;
            });
        }
        eventSink.accept(events);
        return rec;
    }

    // ---------------------------------------------------------------- proofs

    /** A proof that passed every check but verification, with what it must be verified against. */
    public record PendingProof(ProofSubmission submission, ProofChecker.CheckedKey key, String keySha256,
                               BigInteger[] publicInputs, long countedEpoch, long registrationSequence) {
    }

    /** Runs every check of "A proof counts only if" except the pairing check; throws Rejection. */
    public PendingProof prepareProof(ProofSubmission p) {
        PendingProof pending = repo.transaction(tx -> {
            RegistrationRecord reg = tx.registration(p.accountId()).orElseThrow(() ->
                    new Rejection(ErrorCode.UNKNOWN_ACCOUNT, "account " + p.accountId() + " is not registered"));
            KeyRecord key = tx.key(p.sizeClass()).orElseThrow(() ->
                    new Rejection(ErrorCode.UNKNOWN_KEY, "no verifying key is registered for class " + p.sizeClass()));
            EpochRecord current = tx.latestEpoch().orElseThrow(() ->
                    new Rejection(ErrorCode.NO_EPOCH, "no market epoch has been published"));
            if (p.epochId() > current.epochId()) {
                throw new Rejection(ErrorCode.UNKNOWN_EPOCH, "epoch " + p.epochId() + " has not been published");
            }
            if (current.epochId() - p.epochId() > config.stalenessEpochs()) {
                throw new Rejection(ErrorCode.STALE_EPOCH, "epoch " + p.epochId() + " is older than the "
                        + config.stalenessEpochs() + " previous epoch(s) that still count");
            }
            EpochRecord epoch = tx.epoch(p.epochId()).orElseThrow(() ->
                    new Rejection(ErrorCode.UNKNOWN_EPOCH, "epoch " + p.epochId() + " was never published"));
            HealthRecord h = tx.health(p.accountId()).orElseThrow(() ->
                    new IllegalStateException("registered account without health row"));
            if (p.epochId() < h.lastProofEpoch()) {
                throw new Rejection(ErrorCode.REPLAY, "account already has a proof for epoch " + h.lastProofEpoch()
                        + "; a proof for epoch " + p.epochId() + " is a replay");
            }
            if (tx.proofExists(p.accountId(), current.epochId(), p.proof())) {
                throw new Rejection(ErrorCode.DUPLICATE_PROOF, "this proof was already accepted for this epoch");
            }
            BigInteger[] publics = {reg.commitment(), epoch.digest(), BigInteger.valueOf(p.thresholdBps())};
            ProofChecker.CheckedKey ck;
            try {
                ck = checkedKey(key);
            } catch (IllegalArgumentException e) {
                throw new Rejection(ErrorCode.UNKNOWN_KEY, "stored key for class " + p.sizeClass() + " is unusable");
            }
            return new PendingProof(p, ck, key.sha256(), publics, current.epochId(), reg.sequence());
        });
        try {
            checker.checkProofEncoding(p.proof());
        } catch (IllegalArgumentException e) {
            throw new Rejection(ErrorCode.MALFORMED_PROOF, "proof does not decode: " + e.getMessage());
        }
        return pending;
    }

    /**
     * Records a verified proof and its transition. Re-checks that nothing moved between preparation and
     * verification (a new registration or epoch makes the proof stale: STATE_CHANGED, nothing written).
     */
    public HealthRecord acceptProof(PendingProof pp, boolean valid) {
        ProofSubmission p = pp.submission();
        if (!valid) {
            throw new Rejection(ErrorCode.INVALID_PROOF, "proof does not verify for the account's commitment, "
                    + "the epoch digest and threshold " + p.thresholdBps());
        }
        List<EventRecord> events = new ArrayList<>();
        HealthRecord result;
        synchronized (this) {
            long now = clock.getAsLong();
            result = repo.transaction(tx -> {
                events.clear();
                RegistrationRecord reg = tx.registration(p.accountId()).orElseThrow();
                long current = tx.latestEpoch().map(EpochRecord::epochId).orElse(-1L);
                if (reg.sequence() != pp.registrationSequence() || current != pp.countedEpoch()) {
                    throw new Rejection(ErrorCode.STATE_CHANGED,
                            "the account or epoch changed while the proof was verified; prove again");
                }
                HealthRecord h = tx.health(p.accountId()).orElseThrow();
                if (p.epochId() < h.lastProofEpoch()) {
                    throw new Rejection(ErrorCode.REPLAY, "account already has a proof for a later epoch");
                }
                if (tx.proofExists(p.accountId(), current, p.proof())) {
                    throw new Rejection(ErrorCode.DUPLICATE_PROOF, "this proof was already accepted for this epoch");
                }
                HealthState next = policy.afterProof(h.state(), p.thresholdBps());
                long bestF = Math.max(h.bestF(), p.thresholdBps());
                String verdict = "VALID:" + (p.thresholdBps() >= config.fWarn() ? "HEALTHY"
                        : p.thresholdBps() >= config.fCall() ? "WARNING" : "BELOW_CALL");
                tx.insertProof(new ProofRecord(0, p.accountId(), p.epochId(), current, p.sizeClass(), pp.keySha256(),
                        p.thresholdBps(), pp.publicInputs()[0], pp.publicInputs()[1], p.proof(), verdict, now));
                HealthRecord updated = h.with(next, bestF, Math.max(h.lastProofEpoch(), p.epochId()), now);
                if (!tx.updateHealthIf(updated)) {
                    throw new Rejection(ErrorCode.STATE_CHANGED, "concurrent update, retry");
                }
                if (next != h.state()) {
                    events.add(event(tx, p.accountId(), current, h.state(), next, "PROOF", bestF, now));
                }
                return tx.health(p.accountId()).orElseThrow();
            });
        }
        eventSink.accept(events);
        return result;
    }

    // ---------------------------------------------------------------- timers

    /**
     * Applies every deadline that has passed at {@code now}. Safe to call from several instances: each
     * transition is a conditional update that only one caller wins. Returns the number of transitions.
     */
    public int fireDeadlines() {
        int fired = 0;
        while (true) {
            long now = clock.getAsLong();
            List<EventRecord> events = new ArrayList<>();
            synchronized (this) {
                repo.transaction(tx -> {
                    events.clear();
                    for (HealthRecord h : tx.dueHealth(now, 256)) {
                        HealthState next = h.state() == HealthState.PENDING ? policy.afterProofWindow(h.state())
                                : policy.afterGraceWindow(h.state());
                        String reason = next == HealthState.MARGIN_CALL ? "PROOF_WINDOW_EXPIRED" : "GRACE_WINDOW_EXPIRED";
                        if (tx.updateHealthIf(h.with(next, h.bestF(), h.lastProofEpoch(), now))) {
                            events.add(event(tx, h.accountId(), h.epochId(), h.state(), next, reason, h.bestF(), now));
                        }
                    }
                    return null;
                });
            }
            eventSink.accept(events);
            fired += events.size();
            if (events.isEmpty()) {
                return fired;
            }
        }
    }

    // ---------------------------------------------------------------- reads

    public record AccountStatus(RegistrationRecord registration, HealthRecord health) { }

    public AccountStatus status(long accountId) {
        return repo.transaction(tx -> {
            RegistrationRecord reg = tx.registration(accountId).orElseThrow(() ->
                    new Rejection(ErrorCode.UNKNOWN_ACCOUNT, "account " + accountId + " is not registered"));
            return new AccountStatus(reg, tx.health(accountId).orElseThrow());
        });
    }

    private EventRecord event(StoreTx tx, long account, long epochId, HealthState from, HealthState to,
                              String reason, long bestF, long at) {
        String type = to.isMarginCall() ? EventRecord.MARGIN_CALL : EventRecord.HEALTH_CHANGE;
        return tx.insertEvent(type, account, epochId, from, to, reason, bestF, at, webhookUrls);
    }
}
