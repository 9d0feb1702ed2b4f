package io.zkmargin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole story over HTTP: epochs, registrations, proofs, health states, deadlines, events, restart. */
class ServiceFlowTest extends ServiceTestBase {
    static final long ALICE = 1;
    static final long BOB = 2;
    static final long CAROL = 3;

    private List<JsonObject> events() {
        JsonArray a = http.get("/v1/events?after=0").json().getJsonArray("events");
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(a.getJsonObject(i));
        }
        return out;
    }

    private List<String> eventsOf(long account) {
        return events().stream().filter(e -> e.getLong("accountId") == account)
                .map(e -> e.getString("type") + ":" + e.getString("to") + ":" + e.getString("reason")).toList();
    }

    @Test
    void healthyWarningAndMissingProof_reachHealthyWarningMarginCallThenLiquidation() {
        start(b -> b.proofWindowMillis(5_000).graceWindowMillis(500));
        registerKey();
        publish(1);
        BigInteger ca = scalar(1);
        BigInteger cb = scalar(2);
        BigInteger cc = scalar(3);
        register(ALICE, 1, ca);
        register(BOB, 1, cb);
        register(CAROL, 1, cc);
        assertEquals("PENDING", state(ALICE));

        Http.Resp r = prove(ALICE, ca, 1, 15_000);
        assertEquals(200, r.status(), r.body());
        assertEquals("HEALTHY", r.json().getString("state"));
        assertTrue(r.json().getBoolean("accepted"));
        r = prove(BOB, cb, 1, 10_000);
        assertEquals(200, r.status(), r.body());
        assertEquals("WARNING", r.json().getString("state"));
        // a weaker proof never downgrades: alice proves 10,000 too and stays HEALTHY
        assertEquals("HEALTHY", prove(ALICE, ca, 1, 10_000).json().getString("state"));
        assertEquals(15_000, http.get("/v1/accounts/1").json().getLong("bestThresholdBps"));

        awaitState(CAROL, "MARGIN_CALL", 15_000);
        awaitState(CAROL, "LIQUIDATION", 10_000);
        assertEquals("HEALTHY", state(ALICE));
        assertEquals("WARNING", state(BOB));

        assertEquals(List.of("health_change:PENDING:REGISTRATION", "margin_call:MARGIN_CALL:PROOF_WINDOW_EXPIRED",
                "margin_call:LIQUIDATION:GRACE_WINDOW_EXPIRED"), eventsOf(CAROL));
        assertEquals(List.of("health_change:PENDING:REGISTRATION", "margin_call:WARNING:PROOF"), eventsOf(BOB));
        assertEquals(List.of("health_change:PENDING:REGISTRATION", "health_change:HEALTHY:PROOF"), eventsOf(ALICE));
    }

    @Test
    void marginCallIsCuredByALateHealthyProof_andNewEpochResets() {
        start(b -> b.proofWindowMillis(300).graceWindowMillis(60_000));
        registerKey();
        publish(1);
        BigInteger c = scalar(7);
        register(4, 1, c);
        awaitState(4, "MARGIN_CALL", 5_000);
        Http.Resp r = prove(4, c, 1, 12_000);
        assertEquals("HEALTHY", r.json().getString("state"), r.body());
        publish(2);
        JsonObject s = http.get("/v1/accounts/4").json();
        assertEquals("PENDING", s.getString("state"));
        assertEquals(2, s.getLong("epochId"));
        assertEquals(0, s.getLong("bestThresholdBps"));
        assertEquals(List.of("health_change:PENDING:REGISTRATION", "margin_call:MARGIN_CALL:PROOF_WINDOW_EXPIRED",
                "health_change:HEALTHY:PROOF", "health_change:PENDING:NEW_EPOCH"), eventsOf(4));
        assertEquals("2", http.get("/v1/epochs/current").json().getString("epochId"));
    }

    @Test
    void stateSurvivesRestart_andDeadlinesFireFromPersistedTimes() {
        start(b -> b.proofWindowMillis(3_000).graceWindowMillis(60_000));
        registerKey();
        publish(1);
        BigInteger ce = scalar(11);
        BigInteger cf = scalar(12);
        register(5, 1, ce);
        register(6, 1, cf);
        assertEquals("HEALTHY", prove(5, ce, 1, 20_000).json().getString("state"));
        svc.stop();
        started.clear();
        sleep(3_200); // account 6's proof window closes while no service runs
        start(b -> b.proofWindowMillis(3_000).graceWindowMillis(60_000));
        assertEquals("HEALTHY", state(5));
        awaitState(6, "MARGIN_CALL", 10_000);
        assertEquals("1", http.get("/v1/epochs/current").json().getString("epochId"));
        // the epoch sequence, the registration sequence and the accepted proofs survived
        assertEquals("EPOCH_NOT_INCREASING",
                http.venue("POST", "/v1/epochs", TestVenue.json(venue.epoch(1))).code());
        assertEquals("SEQUENCE_NOT_INCREASING",
                http.venue("POST", "/v1/accounts", TestVenue.json(venue.registration(5, 1, ce))).code());
        assertEquals("DUPLICATE_PROOF", prove(5, ce, 1, 20_000).code());
        assertEquals(1, http.get("/v1/keys").json().getJsonArray("keys").size());
    }

    @Test
    void reregistrationResetsTheAccount_andProofsForTheOldCommitmentFail() {
        start(b -> b);
        registerKey();
        publish(1);
        BigInteger c1 = scalar(21);
        BigInteger c2 = scalar(22);
        register(7, 1, c1);
        assertEquals("HEALTHY", prove(7, c1, 1, 13_000).json().getString("state"));
        register(7, 2, c2);
        assertEquals("PENDING", state(7));
        Http.Resp old = prove(7, c1, 1, 14_000);
        assertEquals(422, old.status());
        assertEquals("INVALID_PROOF", old.code());
        assertEquals("PENDING", state(7));
        assertEquals("HEALTHY", prove(7, c2, 1, 14_000).json().getString("state"));
    }
}
