package io.zkmargin.service.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.api.model.SizeClass;
import io.zkmargin.service.HealthState;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository contract, run on SQLite always and on PostgreSQL when ZK_PG_URL is set (a JDBC URL of a
 * scratch database; the test drops and recreates the service tables there).
 */
class RepositoryContractTest {
    @TempDir
    Path dir;
    JdbcRepository repo;

    @AfterEach
    void close() {
        if (repo != null) {
            repo.close();
        }
    }

    @Test
    void sqlite_contract() throws Exception {
        repo = JdbcRepository.open("jdbc:sqlite:" + dir.resolve("db/zk.db"));
        assertEquals("sqlite", repo.kind());
        contract(repo);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db/zk.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "ZK_PG_URL", matches = "jdbc:postgresql:.*")
    void postgresql_contract() throws Exception {
        String url = System.getenv("ZK_PG_URL");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String t : List.of("epochs", "vkeys", "registrations", "registration_log", "health", "proofs",
                    "events", "deliveries")) {
                s.execute("DROP TABLE IF EXISTS " + t);
            }
        }
        repo = JdbcRepository.open(url);
        assertEquals("postgresql", repo.kind());
        contract(repo);
        // a second instance on the same database: a delivery is claimed by exactly one of them
        try (JdbcRepository other = JdbcRepository.open(url)) {
            repo.transaction(tx -> tx.insertEvent("health_change", 9, 1, HealthState.PENDING, HealthState.PENDING,
                    "REGISTRATION", 0, 5_000, List.of("http://b")));
            int a = repo.transaction(tx -> tx.claimDeliveries(6_000, 60_000, 10)).size();
            int b = other.transaction(tx -> tx.claimDeliveries(6_000, 60_000, 10)).size();
            assertEquals(1, a + b);
        }
    }

    private static boolean bool(Repository repo, java.util.function.Function<StoreTx, Boolean> work) {
        return repo.transaction(work);
    }

    static void contract(Repository repo) {
        // epochs only increase
        EpochRecord e1 = new EpochRecord(1, 10, BigInteger.valueOf(5), BigInteger.valueOf(6), new byte[] {1, 2},
                new byte[64], 100);
        assertTrue(bool(repo, tx -> tx.insertEpochIfNewest(e1)));
        assertFalse(bool(repo, tx -> tx.insertEpochIfNewest(e1)));
        EpochRecord e0 = new EpochRecord(0, 10, BigInteger.ONE, BigInteger.ONE, new byte[0], new byte[64], 100);
        assertFalse(bool(repo, tx -> tx.insertEpochIfNewest(e0)));
        EpochRecord back = repo.transaction(StoreTx::latestEpoch).orElseThrow();
        assertEquals(BigInteger.valueOf(6), back.digest());
        assertEquals(2, back.encoded().length);

        // one key per class
        KeyRecord k = new KeyRecord(SizeClass.S, new byte[] {7}, "ab", 1);
        assertTrue(bool(repo, tx -> tx.insertKey(k)));
        assertFalse(bool(repo, tx -> tx.insertKey(k)));
        assertEquals(SizeClass.S, repo.transaction(tx -> tx.key(SizeClass.S)).orElseThrow().sizeClass());

        // registrations: sequence must increase, history kept
        BigInteger big = BigInteger.TWO.pow(250);
        assertTrue(bool(repo, tx -> tx.upsertRegistration(new RegistrationRecord(3, 1, big, new byte[64], 1))));
        assertFalse(bool(repo, tx -> tx.upsertRegistration(new RegistrationRecord(3, 1, big, new byte[64], 1))));
        assertTrue(bool(repo, tx -> tx.upsertRegistration(new RegistrationRecord(3, 2, BigInteger.TEN,
                new byte[64], 2))));
        assertEquals(BigInteger.TEN, repo.transaction(tx -> tx.registration(3)).orElseThrow().commitment());
        assertEquals(2, repo.transaction(StoreTx::registrationLog).size());

        // conditional health updates: a stale version loses, so a deadline fires once
        HealthRecord h = new HealthRecord(3, 1, HealthState.PENDING, 0, 1_000, 2_000, -1, 0, 0);
        repo.transaction(tx -> {
            tx.insertHealth(h);
            return null;
        });
        assertEquals(1, repo.transaction(tx -> tx.dueHealth(1_000, 10)).size());
        assertEquals(0, repo.transaction(tx -> tx.dueHealth(999, 10)).size());
        HealthRecord called = h.with(HealthState.MARGIN_CALL, 0, -1, 1_000);
        assertTrue(bool(repo, tx -> tx.updateHealthIf(called)));
        assertFalse(bool(repo, tx -> tx.updateHealthIf(called)), "second writer with the old version loses");
        assertEquals(HealthState.MARGIN_CALL, repo.transaction(tx -> tx.health(3)).orElseThrow().state());
        assertEquals(1, repo.transaction(tx -> tx.dueHealth(2_000, 10)).size());

        // a failing transaction writes nothing
        assertThrows(IllegalStateException.class, () -> repo.transaction(tx -> {
            tx.insertEvent("margin_call", 3, 1, HealthState.PENDING, HealthState.MARGIN_CALL, "X", 0, 1, List.of());
            throw new IllegalStateException("rollback");
        }));
        assertEquals(0, repo.transaction(StoreTx::latestEventId));

        // proofs and the outbox
        ProofRecord p = new ProofRecord(0, 3, 1, 1, SizeClass.S, "ab", 12_000, BigInteger.TEN, BigInteger.valueOf(6),
                new byte[128], "VALID:HEALTHY", 5);
        assertTrue(repo.transaction(tx -> tx.insertProof(p)) > 0);
        assertTrue(bool(repo, tx -> tx.proofExists(3, 1, new byte[128])));
        assertFalse(bool(repo, tx -> tx.proofExists(3, 2, new byte[128])));
        EventRecord ev = repo.transaction(tx -> tx.insertEvent("margin_call", 3, 1, HealthState.PENDING,
                HealthState.MARGIN_CALL, "PROOF_WINDOW_EXPIRED", 0, 1_000, List.of("http://a")));
        assertEquals(ev.id(), repo.transaction(StoreTx::latestEventId));
        assertEquals(1, repo.transaction(tx -> tx.claimDeliveries(1_000, 31_000, 10)).size());
        assertEquals(0, repo.transaction(tx -> tx.claimDeliveries(1_000, 31_000, 10)).size(), "leased");
        repo.transaction(tx -> {
            tx.markFailed(ev.id(), "http://a", 1, 1_500, "HTTP 500");
            return null;
        });
        assertEquals(0, repo.transaction(tx -> tx.claimDeliveries(1_400, 31_400, 10)).size(), "backing off");
        List<DeliveryRecord> again = repo.transaction(tx -> tx.claimDeliveries(1_500, 31_500, 10));
        assertEquals(1, again.get(0).attempts());
        repo.transaction(tx -> {
            tx.markDelivered(ev.id(), "http://a", 1_600);
            return null;
        });
        assertEquals(0, repo.transaction(StoreTx::pendingDeliveries));
        Optional<HealthRecord> none = repo.transaction(tx -> tx.health(77));
        assertTrue(none.isEmpty());
    }
}
