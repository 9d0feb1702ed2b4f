package io.zkmargin.service.events;

import io.zkmargin.service.store.DeliveryRecord;
import io.zkmargin.service.store.EventRecord;
import io.zkmargin.service.store.Repository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Drains the persisted outbox: claims due deliveries under a lease, POSTs each event with an HMAC
 * signature, marks 2xx answers delivered and reschedules the rest with exponential backoff. A crash
 * between POST and mark means a second delivery, never a lost one (receivers dedupe by event id).
 */
public final class WebhookDispatcher {
    static final long LEASE_MILLIS = 30_000;
    private final Repository repo;
    private final WebhookSigner signer;
    private final LongSupplier clock;
    private final long initialBackoff;
    private final long maxBackoff;
    private final HttpClient http;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public WebhookDispatcher(Repository repo, byte[] secret, LongSupplier clock, long initialBackoff, long maxBackoff) {
        this.repo = repo;
        this.signer = new WebhookSigner(secret);
        this.clock = clock;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One pass over the due deliveries; returns how many were attempted. Blocking: call off the event loop. */
    public int runOnce() {
        long now = clock.getAsLong();
        List<DeliveryRecord> due = repo.transaction(tx -> tx.claimDeliveries(now, now + LEASE_MILLIS, 32));
        for (DeliveryRecord d : due) {
            EventRecord e = repo.transaction(tx -> tx.eventsAfter(d.eventId() - 1, 1)).get(0);
            String body = EventJson.toJson(e).encode();
            int attempts = d.attempts() + 1;
            String error;
            try {
                long t = clock.getAsLong();
                HttpRequest req = HttpRequest.newBuilder(URI.create(d.url()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("X-Zkmargin-Event-Id", Long.toString(e.id()))
                        .header(WebhookSigner.HEADER, signer.sign(t, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<Void> resp = http.send(req, HttpResponse.BodyHandlers.discarding());
                if (resp.statusCode() / 100 == 2) {
                    repo.transaction(tx -> {
                        tx.markDelivered(d.eventId(), d.url(), clock.getAsLong());
                        return null;
                    });
                    delivered.incrementAndGet();
                    continue;
                }
                error = "HTTP " + resp.statusCode();
            } catch (java.io.IOException ex) {
                error = ex.getClass().getSimpleName();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return due.size();
            }
            failures.incrementAndGet();
            long backoff = Math.min(maxBackoff, initialBackoff << Math.min(attempts - 1, 30));
            backoff += ThreadLocalRandom.current().nextLong(backoff / 10 + 1); // spread retries of many events
            long next = clock.getAsLong() + backoff;
            String err = error;
            repo.transaction(tx -> {
                tx.markFailed(d.eventId(), d.url(), attempts, next, err);
                return null;
            });
        }
        return due.size();
    }

    public long deliveredCount() { return delivered.get(); }
    public long failureCount() { return failures.get(); }
}
