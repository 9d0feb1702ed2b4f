package io.zkmargin.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Immutable configuration of a {@link VerifierService}. Build with {@link #builder()}; every value is
 * checked in {@link Builder#build()}. The bearer token and webhook secret never appear in {@link #toString()}.
 */
public final class ServiceConfig {
    /** Configuration key names (used by the CLI and documented in docs/SERVICE.md). */
    public static final String KEY_DATA_DIR = "dataDir";
    public static final String KEY_JDBC_URL = "jdbcUrl";
    public static final String KEY_HOST = "host";
    public static final String KEY_PORT = "port";
    public static final String KEY_BEARER_TOKEN = "bearerToken";
    public static final String KEY_VENUE_PUBLIC_KEY = "venuePublicKey";
    public static final String KEY_F_WARN = "fWarn";
    public static final String KEY_F_CALL = "fCall";
    public static final String KEY_PROOF_WINDOW_MS = "proofWindowMillis";
    public static final String KEY_GRACE_WINDOW_MS = "graceWindowMillis";
    public static final String KEY_STALENESS = "stalenessEpochs";
    public static final String KEY_WEBHOOK_URLS = "webhookUrls";
    public static final String KEY_WEBHOOK_SECRET = "webhookSecret";
    public static final String KEY_MAX_BODY = "maxBodyBytes";
    public static final String KEY_RATE = "ratePerSecond";
    public static final String KEY_BURST = "rateBurst";
    public static final String KEY_TIMEOUT_MS = "requestTimeoutMillis";
    public static final String KEY_TICK_MS = "tickMillis";

    private final Path dataDir;
    private final String jdbcUrl;
    private final String host;
    private final int port;
    private final byte[] bearerToken;
    private final byte[] venuePublicKey;
    private final long fWarn;
    private final long fCall;
    private final long proofWindowMillis;
    private final long graceWindowMillis;
    private final int stalenessEpochs;
    private final List<URI> webhookUrls;
    private final byte[] webhookSecret;
    private final int maxBodyBytes;
    private final double ratePerSecond;
    private final int rateBurst;
    private final long requestTimeoutMillis;
    private final long tickMillis;
    private final long webhookInitialBackoffMillis;
    private final long webhookMaxBackoffMillis;
    private final int maxBatch;

    private ServiceConfig(Builder b) {
        this.dataDir = b.dataDir;
        this.jdbcUrl = b.jdbcUrl;
        this.host = b.host;
        this.port = b.port;
        this.bearerToken = b.bearerToken == null ? null : b.bearerToken.getBytes(StandardCharsets.UTF_8);
        this.venuePublicKey = b.venuePublicKey.clone();
        this.fWarn = b.fWarn;
        this.fCall = b.fCall;
        this.proofWindowMillis = b.proofWindowMillis;
        this.graceWindowMillis = b.graceWindowMillis;
        this.stalenessEpochs = b.stalenessEpochs;
        this.webhookUrls = List.copyOf(b.webhookUrls);
        this.webhookSecret = b.webhookSecret == null ? null : b.webhookSecret.clone();
        this.maxBodyBytes = b.maxBodyBytes;
        this.ratePerSecond = b.ratePerSecond;
        this.rateBurst = b.rateBurst;
        this.requestTimeoutMillis = b.requestTimeoutMillis;
        this.tickMillis = b.tickMillis;
        this.webhookInitialBackoffMillis = b.webhookInitialBackoffMillis;
        this.webhookMaxBackoffMillis = b.webhookMaxBackoffMillis;
        this.maxBatch = b.maxBatch;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a configuration from string values under the KEY_* names (a properties file, environment, CLI
     * options). Durations are milliseconds, keys and secrets hex (venuePublicKey, webhookSecret), webhookUrls
     * comma-separated. Unknown keys are rejected so a typo does not silently keep a default.
     */
    public static ServiceConfig fromMap(java.util.Map<String, String> values) {
        java.util.Set<String> known = java.util.Set.of(KEY_DATA_DIR, KEY_JDBC_URL, KEY_HOST, KEY_PORT, KEY_BEARER_TOKEN,
                KEY_VENUE_PUBLIC_KEY, KEY_F_WARN, KEY_F_CALL, KEY_PROOF_WINDOW_MS, KEY_GRACE_WINDOW_MS, KEY_STALENESS,
                KEY_WEBHOOK_URLS, KEY_WEBHOOK_SECRET, KEY_MAX_BODY, KEY_RATE, KEY_BURST, KEY_TIMEOUT_MS, KEY_TICK_MS);
        for (String k : values.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("unknown configuration key: " + k);
            }
        }
        Builder b = builder();
        java.util.HexFormat hex = java.util.HexFormat.of();
        values.forEach((k, v) -> {
            try {
                switch (k) {
                    case KEY_DATA_DIR -> b.dataDir(Path.of(v));
                    case KEY_JDBC_URL -> b.jdbcUrl(v);
                    case KEY_HOST -> b.host(v);
                    case KEY_PORT -> b.port(Integer.parseInt(v));
                    case KEY_BEARER_TOKEN -> b.bearerToken(v);
                    case KEY_VENUE_PUBLIC_KEY -> b.venuePublicKey(hex.parseHex(v));
                    case KEY_F_WARN -> b.fWarn(Long.parseLong(v));
                    case KEY_F_CALL -> b.fCall(Long.parseLong(v));
                    case KEY_PROOF_WINDOW_MS -> b.proofWindowMillis(Long.parseLong(v));
                    case KEY_GRACE_WINDOW_MS -> b.graceWindowMillis(Long.parseLong(v));
                    case KEY_STALENESS -> b.stalenessEpochs(Integer.parseInt(v));
                    case KEY_WEBHOOK_URLS -> b.webhookUrls(v.isBlank() ? List.of() : java.util.Arrays.stream(v.split(","))
                            .map(String::trim).map(URI::create).toList());
                    case KEY_WEBHOOK_SECRET -> b.webhookSecret(hex.parseHex(v));
                    case KEY_MAX_BODY -> b.maxBodyBytes(Integer.parseInt(v));
                    case KEY_RATE -> b.ratePerSecond(Double.parseDouble(v));
                    case KEY_BURST -> b.rateBurst(Integer.parseInt(v));
                    case KEY_TIMEOUT_MS -> b.requestTimeoutMillis(Long.parseLong(v));
                    case KEY_TICK_MS -> b.tickMillis(Long.parseLong(v));
                    default -> throw new IllegalStateException(k);
                }
            } catch (IllegalArgumentException e) {
                // parser messages quote the value, which may be a secret: name only the key
                throw new IllegalArgumentException("configuration value of " + k + " does not parse");
            }
        });
        return b.build();
    }

    /** A builder preloaded with this configuration (used to restart with a changed value). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataDir = dataDir;
        b.jdbcUrl = jdbcUrl;
        b.host = host;
        b.port = port;
        b.bearerToken = bearerToken == null ? null : new String(bearerToken, StandardCharsets.UTF_8);
        b.venuePublicKey = venuePublicKey.clone();
        b.fWarn = fWarn;
        b.fCall = fCall;
        b.proofWindowMillis = proofWindowMillis;
        b.graceWindowMillis = graceWindowMillis;
        b.stalenessEpochs = stalenessEpochs;
        b.webhookUrls = webhookUrls;
        b.webhookSecret = webhookSecret == null ? null : webhookSecret.clone();
        b.maxBodyBytes = maxBodyBytes;
        b.ratePerSecond = ratePerSecond;
        b.rateBurst = rateBurst;
        b.requestTimeoutMillis = requestTimeoutMillis;
        b.tickMillis = tickMillis;
        b.webhookInitialBackoffMillis = webhookInitialBackoffMillis;
        b.webhookMaxBackoffMillis = webhookMaxBackoffMillis;
        b.maxBatch = maxBatch;
        return b;
    }

    public Path dataDir() { return dataDir; }
    /** JDBC URL of the store; {@code jdbc:sqlite:<dataDir>/zkmargin.db} unless configured. */
    public String jdbcUrl() {
        return jdbcUrl != null ? jdbcUrl : "jdbc:sqlite:" + dataDir.resolve("zkmargin.db");
    }
    public String host() { return host; }
    public int port() { return port; }
    public boolean hasBearerToken() { return bearerToken != null; }
    /** Constant-time comparison so the token cannot be guessed byte by byte from response times. */
    public boolean bearerTokenMatches(String presented) {
        if (bearerToken == null || presented == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(bearerToken, presented.getBytes(StandardCharsets.UTF_8));
    }
    public byte[] venuePublicKey() { return venuePublicKey.clone(); }
    public long fWarn() { return fWarn; }
    public long fCall() { return fCall; }
    public long proofWindowMillis() { return proofWindowMillis; }
    public long graceWindowMillis() { return graceWindowMillis; }
    public int stalenessEpochs() { return stalenessEpochs; }
    public List<URI> webhookUrls() { return webhookUrls; }
    /** HMAC key for webhook signatures, or null when webhooks are unsigned (only allowed without URLs). */
    public byte[] webhookSecret() { return webhookSecret == null ? null : webhookSecret.clone(); }
    public int maxBodyBytes() { return maxBodyBytes; }
    public double ratePerSecond() { return ratePerSecond; }
    public int rateBurst() { return rateBurst; }
    public long requestTimeoutMillis() { return requestTimeoutMillis; }
    public long tickMillis() { return tickMillis; }
    public long webhookInitialBackoffMillis() { return webhookInitialBackoffMillis; }
    public long webhookMaxBackoffMillis() { return webhookMaxBackoffMillis; }
    public int maxBatch() { return maxBatch; }

    @Override
    public String toString() {
        return "ServiceConfig{dataDir=" + dataDir + ", store=" + redactedJdbcUrl() + ", host=" + host
                + ", port=" + port + ", bearerToken=" + (bearerToken == null ? "none" : "set")
                + ", fWarn=" + fWarn + ", fCall=" + fCall + ", proofWindowMillis=" + proofWindowMillis
                + ", graceWindowMillis=" + graceWindowMillis + ", stalenessEpochs=" + stalenessEpochs
                + ", webhooks=" + webhookUrls.size() + ", maxBodyBytes=" + maxBodyBytes
                + ", ratePerSecond=" + ratePerSecond + ", rateBurst=" + rateBurst
                + ", requestTimeoutMillis=" + requestTimeoutMillis + "}";
    }

    /** JDBC URLs may carry a password parameter: keep only the scheme and host part. */
    private String redactedJdbcUrl() {
        String u = jdbcUrl();
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q) + "?...";
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private Path dataDir;
        private String jdbcUrl;
        private String host = "127.0.0.1";
        private int port = 8080;
        private String bearerToken;
        private byte[] venuePublicKey;
        private long fWarn = 12_000;
        private long fCall = 10_000;
        private long proofWindowMillis = 10 * 60_000L;
        private long graceWindowMillis = 30 * 60_000L;
        private int stalenessEpochs = 1;
        private List<URI> webhookUrls = List.of();
        private byte[] webhookSecret;
        private int maxBodyBytes = 256 * 1024;
        private double ratePerSecond = 50;
        private int rateBurst = 100;
        private long requestTimeoutMillis = 10_000;
        private long tickMillis = 1_000;
        private long webhookInitialBackoffMillis = 1_000;
        private long webhookMaxBackoffMillis = 5 * 60_000L;
        private int maxBatch = 64;

        private Builder() { }

        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder jdbcUrl(String v) { jdbcUrl = v; return this; }
        public Builder host(String v) { host = v; return this; }
        /** 0 picks a free port (see {@link VerifierService#port()}). */
        public Builder port(int v) { port = v; return this; }
        public Builder bearerToken(String v) { bearerToken = v; return this; }
        /** The venue's raw 32-byte Ed25519 public key. */
        public Builder venuePublicKey(byte[] v) { venuePublicKey = v == null ? null : v.clone(); return this; }
        public Builder fWarn(long v) { fWarn = v; return this; }
        public Builder fCall(long v) { fCall = v; return this; }
        public Builder proofWindowMillis(long v) { proofWindowMillis = v; return this; }
        public Builder graceWindowMillis(long v) { graceWindowMillis = v; return this; }
        public Builder stalenessEpochs(int v) { stalenessEpochs = v; return this; }
        public Builder webhookUrls(List<URI> v) { webhookUrls = List.copyOf(v); return this; }
        public Builder webhookSecret(byte[] v) { webhookSecret = v == null ? null : v.clone(); return this; }
        public Builder maxBodyBytes(int v) { maxBodyBytes = v; return this; }
        public Builder ratePerSecond(double v) { ratePerSecond = v; return this; }
        public Builder rateBurst(int v) { rateBurst = v; return this; }
        public Builder requestTimeoutMillis(long v) { requestTimeoutMillis = v; return this; }
        public Builder tickMillis(long v) { tickMillis = v; return this; }
        public Builder webhookBackoffMillis(long initial, long max) {
            webhookInitialBackoffMillis = initial;
            webhookMaxBackoffMillis = max;
            return this;
        }
        public Builder maxBatch(int v) { maxBatch = v; return this; }

        public ServiceConfig build() {
            Objects.requireNonNull(dataDir, "dataDir is required");
            Objects.requireNonNull(host, "host is required");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in 0..65535");
            }
            if (venuePublicKey == null) {
                throw new IllegalArgumentException("venuePublicKey is required");
            }
            io.zkmargin.api.sig.VenuePublicKey.fromRaw(venuePublicKey); // throws on a bad key
            if (bearerToken != null && bearerToken.length() < 16) {
                throw new IllegalArgumentException("bearerToken must have at least 16 characters");
            }
            if (fCall <= 0 || fWarn < fCall) {
                throw new IllegalArgumentException("need 0 < fCall <= fWarn");
            }
            if (proofWindowMillis <= 0 || graceWindowMillis <= 0) {
                throw new IllegalArgumentException("proofWindowMillis and graceWindowMillis must be positive");
            }
            if (stalenessEpochs < 0) {
                throw new IllegalArgumentException("stalenessEpochs must be >= 0");
            }
            if (!webhookUrls.isEmpty() && (webhookSecret == null || webhookSecret.length < 16)) {
                throw new IllegalArgumentException("webhooks need a webhookSecret of at least 16 bytes");
            }
            for (URI u : webhookUrls) {
                if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                    throw new IllegalArgumentException("webhook URL must be http or https: " + u);
                }
            }
            if (maxBodyBytes < 1024 || ratePerSecond <= 0 || rateBurst < 1 || requestTimeoutMillis <= 0
                    || tickMillis <= 0 || maxBatch < 1 || webhookInitialBackoffMillis <= 0
                    || webhookMaxBackoffMillis < webhookInitialBackoffMillis) {
                throw new IllegalArgumentException("limits must be positive (maxBodyBytes >= 1024)");
            }
            return new ServiceConfig(this);
        }

        @Override
        public String toString() {
            return "ServiceConfig.Builder";
        }
    }

    // equals/hashCode are deliberately identity: configurations hold secrets and are not compared.
    @Override
    public boolean equals(Object o) { return this == o; }
    @Override
    public int hashCode() { return System.identityHashCode(this); }
}
