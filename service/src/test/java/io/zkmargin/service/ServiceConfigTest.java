package io.zkmargin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {
    final String venueHex = HexFormat.of().formatHex(new TestVenue().publicKey());

    private Map<String, String> base() {
        Map<String, String> m = new HashMap<>();
        m.put(ServiceConfig.KEY_DATA_DIR, "/tmp/zk");
        m.put(ServiceConfig.KEY_VENUE_PUBLIC_KEY, venueHex);
        return m;
    }

    @Test
    void defaults_matchTheStatement() {
        ServiceConfig c = ServiceConfig.fromMap(base());
        assertEquals(12_000, c.fWarn());
        assertEquals(10_000, c.fCall());
        assertEquals("127.0.0.1", c.host());
        assertEquals("jdbc:sqlite:" + Path.of("/tmp/zk").resolve("zkmargin.db"), c.jdbcUrl());
        assertFalse(c.hasBearerToken());
    }

    @Test
    void allKeys_parse_andSecretsStayOutOfToString() {
        Map<String, String> m = base();
        m.put(ServiceConfig.KEY_BEARER_TOKEN, "super-secret-token-123");
        m.put(ServiceConfig.KEY_WEBHOOK_URLS, "http://127.0.0.1:9/a, https://example.org/b");
        m.put(ServiceConfig.KEY_WEBHOOK_SECRET, "00112233445566778899aabbccddeeff");
        m.put(ServiceConfig.KEY_PROOF_WINDOW_MS, "1500");
        m.put(ServiceConfig.KEY_STALENESS, "2");
        m.put(ServiceConfig.KEY_JDBC_URL, "jdbc:postgresql://db/zk?user=u&password=hunter2hunter2");
        ServiceConfig c = ServiceConfig.fromMap(m);
        assertEquals(List.of(URI.create("http://127.0.0.1:9/a"), URI.create("https://example.org/b")), c.webhookUrls());
        assertEquals(1500, c.proofWindowMillis());
        assertEquals(2, c.stalenessEpochs());
        assertTrue(c.bearerTokenMatches("super-secret-token-123"));
        assertFalse(c.bearerTokenMatches("super-secret-token-124"));
        String s = c.toString();
        assertFalse(s.contains("super-secret"), s);
        assertFalse(s.contains("hunter2"), s);
        assertFalse(s.contains("00112233"), s);
    }

    @Test
    void badValues_areRejectedWithoutEchoingThem() {
        Map<String, String> m = base();
        m.put("bearerTokn", "x");
        assertThrows(IllegalArgumentException.class, () -> ServiceConfig.fromMap(m));
        Map<String, String> n = base();
        n.put(ServiceConfig.KEY_PORT, "secret-ish");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServiceConfig.fromMap(n));
        assertFalse(e.getMessage().contains("secret-ish"));
        Map<String, String> w = base();
        w.put(ServiceConfig.KEY_F_WARN, "9000");
        assertThrows(IllegalArgumentException.class, () -> ServiceConfig.fromMap(w));
        Map<String, String> h = base();
        h.put(ServiceConfig.KEY_WEBHOOK_URLS, "http://x/y");
        assertThrows(IllegalArgumentException.class, () -> ServiceConfig.fromMap(h), "webhooks need a secret");
        Map<String, String> t = base();
        t.put(ServiceConfig.KEY_BEARER_TOKEN, "short");
        assertThrows(IllegalArgumentException.class, () -> ServiceConfig.fromMap(t));
        Map<String, String> k = base();
        k.put(ServiceConfig.KEY_VENUE_PUBLIC_KEY, "00");
        assertThrows(IllegalArgumentException.class, () -> ServiceConfig.fromMap(k));
    }
}
