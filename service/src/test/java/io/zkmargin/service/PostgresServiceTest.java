package io.zkmargin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two service instances sharing one PostgreSQL database (ZK_PG_URL, a scratch database: its service tables
 * are dropped): both run the deadline timer, and each transition still happens, and is emitted, once.
 */
@EnabledIfEnvironmentVariable(named = "ZK_PG_URL", matches = "jdbc:postgresql:.*")
class PostgresServiceTest extends ServiceTestBase {

    @Test
    void twoInstances_fireEachDeadlineOnce_andShareState() throws Exception {
        String url = System.getenv("ZK_PG_URL");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String t : List.of("epochs", "vkeys", "registrations", "registration_log", "health", "proofs",
                    "events", "deliveries")) {
                s.execute("DROP TABLE IF EXISTS " + t);
            }
        }
        VerifierService one = start(b -> b.jdbcUrl(url).proofWindowMillis(5_000).graceWindowMillis(500).tickMillis(10));
        Http first = http;
        VerifierService two = start(b -> b.jdbcUrl(url).proofWindowMillis(5_000).graceWindowMillis(500).tickMillis(10));
        Http second = http;
        http = first;
        registerKey();
        publish(1);
        BigInteger c1 = scalar(1);
        for (long a = 1; a <= 5; a++) {
            register(a, 1, scalar(a));
        }
        assertEquals(200, prove(1, c1, 1, 15_000).status());
        http = second;
        assertEquals("HEALTHY", state(1));
        for (long a = 2; a <= 5; a++) {
            awaitState(a, "LIQUIDATION", 30_000);
        }
        sleep(300);
        JsonArray events = second.get("/v1/events?after=0").json().getJsonArray("events");
        long calls = events.stream().filter(e -> ((io.vertx.core.json.JsonObject) e).getString("to").equals("MARGIN_CALL"))
                .count();
        long liquidations = events.stream()
                .filter(e -> ((io.vertx.core.json.JsonObject) e).getString("to").equals("LIQUIDATION")).count();
        assertEquals(4, calls, events.encodePrettily());
        assertEquals(4, liquidations);
        assertEquals("postgresql", second.get("/health").json().getString("store"));
        one.stop();
        two.stop();
    }
}
