package io.zkmargin.service.store;

import io.zkmargin.api.model.SizeClass;
import io.zkmargin.service.HealthState;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * {@link Repository} over JDBC for SQLite (one connection, WAL, synchronous=FULL so a committed request
 * survives kill -9) and PostgreSQL (a few connections; several instances may share the database because
 * every timer and delivery transition is a conditional update that only one instance can win).
 */
public final class JdbcRepository implements Repository {
    private static final HexFormat HEX = HexFormat.of();

    private final String url;
    private final boolean postgres;
    private final BlockingQueue<Connection> pool;
    private final int poolSize;
    private int opened;

    private JdbcRepository(String url, boolean postgres, int poolSize) {
        this.url = url;
        this.postgres = postgres;
        this.poolSize = poolSize;
        this.pool = new ArrayBlockingQueue<>(poolSize);
    }

    /** Opens (creating if needed) the store at a JDBC URL: jdbc:sqlite:... or jdbc:postgresql:... */
    public static JdbcRepository open(String jdbcUrl) {
        boolean pg;
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            pg = false;
            String file = jdbcUrl.substring("jdbc:sqlite:".length());
            int q = file.indexOf('?');
            Path parent = Path.of(q < 0 ? file : file.substring(0, q)).toAbsolutePath().getParent();
            try {
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (java.io.IOException e) {
                throw new StoreException("cannot create data directory " + parent, e);
            }
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            pg = true;
        } else {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:sqlite: or jdbc:postgresql:");
        }
        JdbcRepository r = new JdbcRepository(jdbcUrl, pg, pg ? 4 : 1);
        r.createSchema();
        return r;
    }

    @Override
    public String kind() {
        return postgres ? "postgresql" : "sqlite";
    }

    private Connection connect() throws SQLException {
        if (postgres) {
            return DriverManager.getConnection(url);
        }
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "FULL");
        p.setProperty("busy_timeout", "5000");
        p.setProperty("foreign_keys", "true");
        p.setProperty("transaction_mode", "IMMEDIATE");
        Connection c = DriverManager.getConnection(url, p);
        try (Statement s = c.createStatement()) {
            // set again explicitly: the pragmas must hold whatever the driver defaults are
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
        }
        return c;
    }

    private Connection take() throws SQLException {
        Connection c = pool.poll();
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (opened < poolSize) {
                opened++;
                try {
                    return connect();
                } catch (SQLException e) {
                    opened--;
                    throw e;
                }
            }
        }
        try {
            return pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection");
        }
    }

    private void giveBack(Connection c, boolean broken) {
        if (broken) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken
            }
            synchronized (this) {
                opened--;
            }
            return;
        }
        pool.offer(c);
    }

    @Override
    public <T> T transaction(Function<StoreTx, T> work) {
        Connection c;
        try {
            c = take();
        } catch (SQLException e) {
            throw new StoreException("cannot open database connection", e);
        }
        boolean broken = false;
        try {
            c.setAutoCommit(false);
            T result = work.apply(new Tx(c));
            c.commit();
            return result;
        } catch (SQLException e) {
            broken = rollback(c);
            throw new StoreException("database error", e);
        } catch (RuntimeException e) {
            broken = rollback(c);
            throw e;
        } finally {
            giveBack(c, broken);
        }
    }

    private static boolean rollback(Connection c) {
        try {
            c.rollback();
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public synchronized void close() {
        Connection c;
        while ((c = pool.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        opened = 0;
    }

    private void createSchema() {
        String auto = postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
        String[] ddl = {
            "CREATE TABLE IF NOT EXISTS epochs(epoch_id BIGINT PRIMARY KEY, ts BIGINT NOT NULL,"
                + " market_root TEXT NOT NULL, digest TEXT NOT NULL, encoded TEXT NOT NULL,"
                + " signature TEXT NOT NULL, published_at BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS vkeys(size_class TEXT PRIMARY KEY, vk TEXT NOT NULL,"
                + " sha256 TEXT NOT NULL, registered_at BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS registrations(account_id BIGINT PRIMARY KEY, seq BIGINT NOT NULL,"
                + " commitment TEXT NOT NULL, signature TEXT NOT NULL, registered_at BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS registration_log(account_id BIGINT NOT NULL, seq BIGINT NOT NULL,"
                + " commitment TEXT NOT NULL, signature TEXT NOT NULL, registered_at BIGINT NOT NULL,"
                + " PRIMARY KEY(account_id, seq))",
            "CREATE TABLE IF NOT EXISTS health(account_id BIGINT PRIMARY KEY, epoch_id BIGINT NOT NULL,"
                + " state TEXT NOT NULL, best_f BIGINT NOT NULL, deadline BIGINT NOT NULL,"
                + " liq_deadline BIGINT NOT NULL, last_proof_epoch BIGINT NOT NULL, version BIGINT NOT NULL,"
                + " updated_at BIGINT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS health_due ON health(state, deadline)",
            "CREATE TABLE IF NOT EXISTS proofs(id " + auto + ", account_id BIGINT NOT NULL,"
                + " epoch_id BIGINT NOT NULL, counted_epoch BIGINT NOT NULL, size_class TEXT NOT NULL,"
                + " key_sha256 TEXT NOT NULL, threshold BIGINT NOT NULL, commitment TEXT NOT NULL,"
                + " digest TEXT NOT NULL, proof TEXT NOT NULL, verdict TEXT NOT NULL,"
                + " received_at BIGINT NOT NULL, UNIQUE(account_id, counted_epoch, proof))",
            "CREATE TABLE IF NOT EXISTS events(id " + auto + ", type TEXT NOT NULL,"
                + " account_id BIGINT NOT NULL, epoch_id BIGINT NOT NULL, from_state TEXT NOT NULL,"
                + " to_state TEXT NOT NULL, reason TEXT NOT NULL, best_f BIGINT NOT NULL, at BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS deliveries(event_id BIGINT NOT NULL, url TEXT NOT NULL,"
                + " attempts INTEGER NOT NULL, next_at BIGINT NOT NULL, lease_until BIGINT NOT NULL,"
                + " delivered_at BIGINT, last_error TEXT, PRIMARY KEY(event_id, url))",
            "CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries(delivered_at, next_at)",
        };
        transaction(tx -> {
            Connection c = ((Tx) tx).c;
            try (Statement s = c.createStatement()) {
                if (postgres) {
                    // several instances may start at once: serialize schema creation
                    s.execute("SELECT pg_advisory_xact_lock(7316001)");
                }
                for (String d : ddl) {
                    s.execute(d);
                }
            } catch (SQLException e) {
                throw new StoreException("cannot create schema", e);
            }
            return null;
        });
    }

    private static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    private static byte[] unhex(String s) {
        return HEX.parseHex(s);
    }

    private static String num(BigInteger v) {
        return v.toString(16);
    }

    private static BigInteger big(String s) {
        return new BigInteger(s, 16);
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** One transaction's operations on one connection. */
    private final class Tx implements StoreTx {
        private final Connection c;

        Tx(Connection c) {
            this.c = c;
        }

        private PreparedStatement prep(String sql, Object... args) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql);
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a == null) {
                    ps.setNull(i + 1, java.sql.Types.VARCHAR);
                } else if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else if (a instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else {
                    ps.setString(i + 1, a.toString());
                }
            }
            return ps;
        }

        private <T> List<T> query(RowMapper<T> m, String sql, Object... args) {
            try (PreparedStatement ps = prep(sql, args); ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(m.map(rs));
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException("query failed", e);
            }
        }

        private int update(String sql, Object... args) {
            try (PreparedStatement ps = prep(sql, args)) {
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("update failed", e);
            }
        }

        private void lock(long key) {
            if (postgres) {
                query(rs -> null, "SELECT pg_advisory_xact_lock(?)", key);
            }
        }

        private EpochRecord epochRow(ResultSet rs) throws SQLException {
            return new EpochRecord(rs.getLong("epoch_id"), rs.getLong("ts"), big(rs.getString("market_root")),
                    big(rs.getString("digest")), unhex(rs.getString("encoded")),
                    unhex(rs.getString("signature")), rs.getLong("published_at"));
        }

        @Override
        public Optional<EpochRecord> latestEpoch() {
            return query(this::epochRow, "SELECT * FROM epochs ORDER BY epoch_id DESC LIMIT 1").stream().findFirst();
        }

        @Override
        public Optional<EpochRecord> epoch(long epochId) {
            return query(this::epochRow, "SELECT * FROM epochs WHERE epoch_id = ?", epochId).stream().findFirst();
        }

        @Override
        public List<EpochRecord> epochsFrom(long fromId) {
            return query(this::epochRow, "SELECT * FROM epochs WHERE epoch_id >= ? ORDER BY epoch_id", fromId);
        }

        @Override
        public boolean insertEpochIfNewest(EpochRecord e) {
            lock(7316002); // epoch publication is serialized across instances
            Long max = query(rs -> rs.getObject(1) == null ? null : rs.getLong(1),
                    "SELECT MAX(epoch_id) FROM epochs").get(0);
            if (max != null && max >= e.epochId()) {
                return false;
            }
            update("INSERT INTO epochs(epoch_id, ts, market_root, digest, encoded, signature, published_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", e.epochId(), e.timestampMillis(), num(e.marketRoot()),
                    num(e.digest()), hex(e.encoded()), hex(e.signature()), e.publishedAt());
            return true;
        }

        private KeyRecord keyRow(ResultSet rs) throws SQLException {
            return new KeyRecord(SizeClass.valueOf(rs.getString("size_class")), unhex(rs.getString("vk")), rs.getString("sha256"),
                    rs.getLong("registered_at"));
        }

        @Override
        public Optional<KeyRecord> key(SizeClass sizeClass) {
            return query(this::keyRow, "SELECT * FROM vkeys WHERE size_class = ?", sizeClass.name()).stream().findFirst();
        }

        @Override
        public List<KeyRecord> keys() {
            return query(this::keyRow, "SELECT * FROM vkeys ORDER BY size_class");
        }

        @Override
        public boolean insertKey(KeyRecord k) {
            String conflict = " ON CONFLICT(size_class) DO NOTHING";
            return update("INSERT INTO vkeys(size_class, vk, sha256, registered_at) VALUES (?, ?, ?, ?)" + conflict,
                    k.sizeClass().name(), hex(k.verifyingKey()), k.sha256(), k.registeredAt()) == 1;
        }

        private RegistrationRecord regRow(ResultSet rs) throws SQLException {
            return new RegistrationRecord(rs.getLong("account_id"), rs.getLong("seq"),
                    big(rs.getString("commitment")), unhex(rs.getString("signature")), rs.getLong("registered_at"));
        }

        @Override
        public Optional<RegistrationRecord> registration(long accountId) {
            return query(this::regRow, "SELECT * FROM registrations WHERE account_id = ?", accountId)
                    .stream().findFirst();
        }

        @Override
        public List<RegistrationRecord> registrations() {
            return query(this::regRow, "SELECT * FROM registrations ORDER BY account_id");
        }

        @Override
        public List<RegistrationRecord> registrationLog() {
            return query(this::regRow, "SELECT * FROM registration_log ORDER BY account_id, seq");
        }

        @Override
        public boolean upsertRegistration(RegistrationRecord r) {
            int n = update("INSERT INTO registrations(account_id, seq, commitment, signature, registered_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT(account_id) DO UPDATE SET seq = excluded.seq,"
                    + " commitment = excluded.commitment, signature = excluded.signature,"
                    + " registered_at = excluded.registered_at WHERE registrations.seq < excluded.seq",
                    r.accountId(), r.sequence(), num(r.commitment()), hex(r.signature()), r.registeredAt());
            if (n != 1) {
                return false;
            }
            update("INSERT INTO registration_log(account_id, seq, commitment, signature, registered_at)"
                    + " VALUES (?, ?, ?, ?, ?)", r.accountId(), r.sequence(), num(r.commitment()),
                    hex(r.signature()), r.registeredAt());
            return true;
        }

        private HealthRecord healthRow(ResultSet rs) throws SQLException {
            return new HealthRecord(rs.getLong("account_id"), rs.getLong("epoch_id"),
                    HealthState.valueOf(rs.getString("state")), rs.getLong("best_f"), rs.getLong("deadline"),
                    rs.getLong("liq_deadline"), rs.getLong("last_proof_epoch"), rs.getLong("version"),
                    rs.getLong("updated_at"));
        }

        @Override
        public Optional<HealthRecord> health(long accountId) {
            return query(this::healthRow, "SELECT * FROM health WHERE account_id = ?", accountId).stream().findFirst();
        }

        @Override
        public List<HealthRecord> allHealth() {
            return query(this::healthRow, "SELECT * FROM health ORDER BY account_id");
        }

        @Override
        public List<HealthRecord> dueHealth(long now, int limit) {
            return query(this::healthRow, "SELECT * FROM health WHERE (state = 'PENDING' AND deadline <= ?)"
                    + " OR (state = 'MARGIN_CALL' AND liq_deadline <= ?) ORDER BY deadline LIMIT ?",
                    now, now, limit);
        }

        @Override
        public void insertHealth(HealthRecord h) {
            update("INSERT INTO health(account_id, epoch_id, state, best_f, deadline, liq_deadline,"
                    + " last_proof_epoch, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    h.accountId(), h.epochId(), h.state().name(), h.bestF(), h.deadline(), h.liquidationDeadline(),
                    h.lastProofEpoch(), h.version(), h.updatedAt());
        }

        @Override
        public boolean updateHealthIf(HealthRecord h) {
            return update("UPDATE health SET epoch_id = ?, state = ?, best_f = ?, deadline = ?, liq_deadline = ?,"
                    + " last_proof_epoch = ?, version = version + 1, updated_at = ?"
                    + " WHERE account_id = ? AND version = ?", h.epochId(), h.state().name(), h.bestF(),
                    h.deadline(), h.liquidationDeadline(), h.lastProofEpoch(), h.updatedAt(), h.accountId(),
                    h.version()) == 1;
        }

        @Override
        public boolean proofExists(long accountId, long countedEpoch, byte[] proof) {
            return !query(rs -> 1, "SELECT 1 FROM proofs WHERE account_id = ? AND counted_epoch = ? AND proof = ?",
                    accountId, countedEpoch, hex(proof)).isEmpty();
        }

        @Override
        public long insertProof(ProofRecord p) {
            return query(rs -> rs.getLong(1), "INSERT INTO proofs(account_id, epoch_id, counted_epoch, size_class,"
                    + " key_sha256, threshold, commitment, digest, proof, verdict, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", p.accountId(), p.epochId(),
                    p.countedEpoch(), p.sizeClass().name(), p.keySha256(), p.thresholdBps(), num(p.commitment()),
                    num(p.digest()), hex(p.proof()), p.verdict(), p.receivedAt()).get(0);
        }

        @Override
        public List<ProofRecord> proofs() {
            return query(rs -> new ProofRecord(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("epoch_id"),
                    rs.getLong("counted_epoch"), SizeClass.valueOf(rs.getString("size_class")), rs.getString("key_sha256"),
                    rs.getLong("threshold"), big(rs.getString("commitment")), big(rs.getString("digest")),
                    unhex(rs.getString("proof")), rs.getString("verdict"), rs.getLong("received_at")),
                    "SELECT * FROM proofs ORDER BY id");
        }

        private EventRecord eventRow(ResultSet rs) throws SQLException {
            return new EventRecord(rs.getLong("id"), rs.getString("type"), rs.getLong("account_id"),
                    rs.getLong("epoch_id"), HealthState.valueOf(rs.getString("from_state")),
                    HealthState.valueOf(rs.getString("to_state")), rs.getString("reason"), rs.getLong("best_f"),
                    rs.getLong("at"));
        }

        @Override
        public EventRecord insertEvent(String type, long accountId, long epochId, HealthState from, HealthState to,
                                       String reason, long bestF, long at, List<String> webhookUrls) {
            long id = query(rs -> rs.getLong(1), "INSERT INTO events(type, account_id, epoch_id, from_state,"
                    + " to_state, reason, best_f, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", type, accountId,
                    epochId, from.name(), to.name(), reason, bestF, at).get(0);
            for (String u : webhookUrls) {
                update("INSERT INTO deliveries(event_id, url, attempts, next_at, lease_until) VALUES (?, ?, 0, ?, 0)",
                        id, u, at);
            }
            return new EventRecord(id, type, accountId, epochId, from, to, reason, bestF, at);
        }

        @Override
        public List<EventRecord> eventsAfter(long afterId, int limit) {
            return query(this::eventRow, "SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?", afterId, limit);
        }

        @Override
        public long latestEventId() {
            return query(rs -> rs.getLong(1), "SELECT COALESCE(MAX(id), 0) FROM events").get(0);
        }

        @Override
        public List<DeliveryRecord> claimDeliveries(long now, long leaseUntil, int limit) {
            String lockClause = postgres ? " FOR UPDATE SKIP LOCKED" : "";
            List<DeliveryRecord> due = query(rs -> new DeliveryRecord(rs.getLong(1), rs.getString(2), rs.getInt(3)),
                    "SELECT event_id, url, attempts FROM deliveries WHERE delivered_at IS NULL AND next_at <= ?"
                    + " AND lease_until <= ? ORDER BY event_id LIMIT ?" + lockClause, now, now, limit);
            List<DeliveryRecord> claimed = new ArrayList<>();
            for (DeliveryRecord d : due) {
                // conditional: another instance that read the same row first makes this a no-op
                if (update("UPDATE deliveries SET lease_until = ? WHERE event_id = ? AND url = ?"
                        + " AND delivered_at IS NULL AND lease_until <= ?", leaseUntil, d.eventId(), d.url(), now) == 1) {
                    claimed.add(d);
                }
            }
            return claimed;
        }

        @Override
        public void markDelivered(long eventId, String url, long now) {
            update("UPDATE deliveries SET delivered_at = ?, attempts = attempts + 1, lease_until = 0"
                    + " WHERE event_id = ? AND url = ?", now, eventId, url);
        }

        @Override
        public void markFailed(long eventId, String url, int attempts, long nextAttemptAt, String error) {
            update("UPDATE deliveries SET attempts = ?, next_at = ?, lease_until = 0, last_error = ?"
                    + " WHERE event_id = ? AND url = ?", attempts, nextAttemptAt,
                    error.length() > 200 ? error.substring(0, 200) : error, eventId, url);
        }

        @Override
        public long pendingDeliveries() {
            return query(rs -> rs.getLong(1), "SELECT COUNT(*) FROM deliveries WHERE delivered_at IS NULL").get(0);
        }
    }
}
