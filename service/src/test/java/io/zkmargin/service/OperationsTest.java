package io.zkmargin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.zkmargin.api.proto.HealthState;
import io.zkmargin.api.proto.HealthStatus;
import io.zkmargin.api.wire.WireMapping;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits (413, 429), protobuf bodies, /health, /metrics, OpenAPI coverage and the access log. */
class OperationsTest extends ServiceTestBase {

    @Test
    void oversizedBody_is413_andChangesNothing() {
        start(b -> b.maxBodyBytes(2048));
        String big = "{\"accountId\":\"1\",\"pad\":\"" + "x".repeat(5000) + "\"}";
        Http.Resp r = http.post("/v1/proofs", big);
        assertEquals(413, r.status(), r.body());
        assertEquals("BODY_TOO_LARGE", r.code());
    }

    @Test
    void tooManyRequestsFromOneClient_are429() {
        start(b -> b.ratePerSecond(0.01).rateBurst(3));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.get("/health").status());
        }
        Http.Resp r = http.get("/health");
        assertEquals(429, r.status());
        assertEquals("RATE_LIMITED", r.code());
    }

    @Test
    void protobufBodies_areAcceptedAndAnswered() throws Exception {
        start(b -> b);
        registerKey();
        byte[] epoch = WireMapping.toProto(venue.epoch(1)).toByteArray();
        HttpRequest req = HttpRequest.newBuilder(URI.create(svc.url() + "/v1/epochs"))
                .header("Content-Type", "application/x-protobuf").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(epoch)).build();
        assertEquals(201, http.client().send(req, HttpResponse.BodyHandlers.ofString()).statusCode());
        byte[] reg = WireMapping.toProto(venue.registration(9, 1, scalar(9))).toByteArray();
        req = HttpRequest.newBuilder(URI.create(svc.url() + "/v1/accounts"))
                .header("Content-Type", "application/x-protobuf").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(reg)).build();
        assertEquals(200, http.client().send(req, HttpResponse.BodyHandlers.ofString()).statusCode());
        byte[] proof = TestVenue.proofMessage(9, 1, io.zkmargin.api.model.SizeClass.S, 12_000,
                FakeProofChecker.proofFor(scalar(9), digest(1), java.math.BigInteger.valueOf(12_000))).toByteArray();
        req = HttpRequest.newBuilder(URI.create(svc.url() + "/v1/proofs"))
                .header("Content-Type", "application/x-protobuf").header("Accept", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(proof)).build();
        HttpResponse<byte[]> resp = http.client().send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, resp.statusCode());
        assertEquals("application/x-protobuf", resp.headers().firstValue("content-type").orElse(""));
        HealthStatus status = HealthStatus.parseFrom(resp.body());
        assertEquals(HealthState.HEALTH_STATE_HEALTHY, status.getState());
        assertEquals(9, status.getAccountId());
        assertEquals(12_000, status.getBestThresholdBps());
        // the epoch read back as protobuf is the venue's message
        req = HttpRequest.newBuilder(URI.create(svc.url() + "/v1/epochs/current"))
                .header("Accept", "application/x-protobuf").build();
        byte[] back = http.client().send(req, HttpResponse.BodyHandlers.ofByteArray()).body();
        assertEquals(io.zkmargin.api.proto.MarketEpoch.parseFrom(epoch), io.zkmargin.api.proto.MarketEpoch.parseFrom(back));
    }

    @Test
    void healthMetricsOpenApiAndAccessLog() {
        start(b -> b);
        registerKey();
        Http.Resp h = http.get("/health");
        assertEquals("ok", h.json().getString("status"));
        assertEquals("sqlite", h.json().getString("store"));
        http.post("/v1/proofs", "{bad");
        String metrics = http.get("/metrics").body();
        assertTrue(metrics.contains("# TYPE zk_http_requests_total counter"), metrics);
        assertTrue(metrics.contains("zk_rejections_total{code=\"MALFORMED_REQUEST\"} 1"), metrics);
        assertTrue(metrics.contains("zk_proof_queue_depth 0"), metrics);

        JsonObject paths = http.get("/openapi.json").json().getJsonObject("paths");
        for (String route : List.of("/health", "/metrics", "/openapi.json", "/v1/keys", "/v1/epochs",
                "/v1/epochs/current", "/v1/accounts", "/v1/accounts/{accountId}", "/v1/proofs", "/v1/events",
                "/v1/events/stream")) {
            assertTrue(paths.containsKey(route), "OpenAPI misses " + route);
        }
        assertTrue(paths.getJsonObject("/v1/keys").containsKey("post"));
        assertTrue(paths.getJsonObject("/v1/accounts").containsKey("post"));

        assertFalse(accessLines.isEmpty());
        for (String line : accessLines) {
            JsonObject j = new JsonObject(line); // one JSON object per line
            assertTrue(j.containsKey("status") && j.containsKey("path") && j.containsKey("ms"));
            assertFalse(line.contains(TOKEN), "the bearer token must never be logged");
        }
        assertTrue(accessLines.stream().anyMatch(l -> l.contains("\"error\":\"MALFORMED_REQUEST\"")));
        assertFalse(svc.config().toString().contains(TOKEN));
    }

    @Test
    void withoutBearerToken_signedVenueRequestsWork_butKeyRegistrationIsRefused() {
        start(b -> b.bearerToken(null));
        Http.Resp r = http.venue("POST", "/v1/keys", TestVenue.keyJson(io.zkmargin.api.model.SizeClass.S,
                FakeProofChecker.KEY));
        assertEquals(401, r.status());
        assertEquals("[]", http.get("/v1/keys").json().getJsonArray("keys").encode());
        publish(1); // signature alone authenticates the epoch
        register(1, 1, scalar(1));
        assertEquals("PENDING", state(1));
    }
}
