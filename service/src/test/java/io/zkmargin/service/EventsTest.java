package io.zkmargin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import io.zkmargin.service.events.WebhookSigner;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks (signed, retried, at-least-once from the outbox) and the SSE stream. */
class EventsTest extends ServiceTestBase {
    static final byte[] SECRET = "webhook-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    HttpServer receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void webhookReceiverGetsEveryEventOnce_evenWhenTheFirstDeliveryFailed() throws Exception {
        Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        List<String> badSignatures = new CopyOnWriteArrayList<>();
        WebhookSigner verifier = new WebhookSigner(SECRET);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!verifier.verify(ex.getRequestHeaders().getFirst(WebhookSigner.HEADER), body)) {
                badSignatures.add(body);
            }
            long id = Long.parseLong(ex.getRequestHeaders().getFirst("X-Zkmargin-Event-Id"));
            assertEquals(id, new JsonObject(body).getLong("id"));
            int n = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            int status = n == 1 ? 500 : 204; // every first delivery fails
            if (status == 204) {
                acknowledged.add(id);
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
        URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        start(b -> b.webhookUrls(List.of(hook)).webhookSecret(SECRET).webhookBackoffMillis(50, 200)
                .proofWindowMillis(300));
        registerKey();
        publish(1);
        register(1, 1, scalar(1));
        register(2, 1, scalar(2));
        awaitState(1, "MARGIN_CALL", 5_000);
        awaitState(2, "MARGIN_CALL", 5_000);
        long expected = http.get("/v1/events?after=0").json().getJsonArray("events").size();
        assertEquals(4, expected);
        long end = System.currentTimeMillis() + 10_000;
        while (acknowledged.size() < expected && System.currentTimeMillis() < end) {
            sleep(20);
        }
        sleep(300); // give a wrong duplicate delivery time to show up
        assertEquals(expected, acknowledged.size(), "each event acknowledged exactly once: " + acknowledged);
        assertEquals(expected, acknowledged.stream().distinct().count());
        assertTrue(badSignatures.isEmpty());
        attempts.values().forEach(a -> assertEquals(2, a.get()));
        // a forged signature does not verify
        assertEquals(false, verifier.verify("t=1,v1=00", "{}"));
    }

    @Test
    void undeliveredEventsSurviveARestart() throws Exception {
        List<Long> got = new CopyOnWriteArrayList<>();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            got.add(Long.parseLong(ex.getRequestHeaders().getFirst("X-Zkmargin-Event-Id")));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        // the receiver is down while the first service runs
        start(b -> b.webhookUrls(List.of(hook)).webhookSecret(SECRET).webhookBackoffMillis(50, 100));
        registerKey();
        publish(1);
        register(1, 1, scalar(1));
        sleep(200);
        svc.stop();
        started.clear();
        receiver.start();
        start(b -> b.webhookUrls(List.of(hook)).webhookSecret(SECRET).webhookBackoffMillis(50, 100));
        long end = System.currentTimeMillis() + 10_000;
        while (got.isEmpty() && System.currentTimeMillis() < end) {
            sleep(20);
        }
        assertEquals(List.of(1L), got);
    }

    @Test
    void sseStreamDeliversLiveEvents_andResumesAfterLastEventId() throws Exception {
        start(b -> b);
        registerKey();
        publish(1);
        register(1, 1, scalar(1)); // event 1, before the stream opens
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest req = HttpRequest.newBuilder(URI.create(svc.url() + "/v1/events/stream")).build();
        var resp = http.client().sendAsync(req, HttpResponse.BodyHandlers.ofInputStream()).get(5, TimeUnit.SECONDS);
        assertEquals(200, resp.statusCode());
        assertTrue(resp.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // stream closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        sleep(300);
        register(2, 1, scalar(2)); // event 2, live
        List<String> got = new ArrayList<>();
        long end = System.currentTimeMillis() + 5_000;
        while (got.stream().noneMatch(l -> l.startsWith("data:")) && System.currentTimeMillis() < end) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null) {
                got.add(l);
            }
        }
        assertTrue(got.contains("id: 2"), got.toString());
        assertTrue(got.contains("event: health_change"), got.toString());
        assertTrue(got.stream().noneMatch(l -> l.equals("id: 1")), "no history without Last-Event-ID");
        JsonObject data = new JsonObject(got.stream().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow()
                .substring(6));
        assertEquals(2, data.getLong("accountId"));

        // resuming after id 0 replays everything
        HttpRequest again = HttpRequest.newBuilder(URI.create(svc.url() + "/v1/events/stream"))
                .header("Last-Event-ID", "0").build();
        var resp2 = http.client().sendAsync(again, HttpResponse.BodyHandlers.ofInputStream()).get(5, TimeUnit.SECONDS);
        List<String> replay = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resp2.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && replay.stream().filter(x -> x.startsWith("id: ")).count() < 2) {
                replay.add(line);
            }
        }
        assertTrue(replay.contains("id: 1") && replay.contains("id: 2"), replay.toString());
    }
}
