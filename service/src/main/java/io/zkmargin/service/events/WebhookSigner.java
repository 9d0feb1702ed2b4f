package io.zkmargin.service.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 webhook signatures. Header {@code X-Zkmargin-Signature: t=<millis>,v1=<hex>} where the MAC
 * covers {@code <millis> + "." + body}; receivers recompute it and should reject old timestamps.
 */
public final class WebhookSigner {
    public static final String HEADER = "X-Zkmargin-Signature";
    private final SecretKeySpec key;

    public WebhookSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String sign(long timestampMillis, String body) {
        return "t=" + timestampMillis + ",v1=" + HexFormat.of().formatHex(mac(timestampMillis, body));
    }

    /** Receiver-side check (used by tests and offered to integrators). */
    public boolean verify(String header, String body) {
        if (header == null) {
            return false;
        }
        String[] parts = header.split(",");
        if (parts.length != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("v1=")) {
            return false;
        }
        try {
            long t = Long.parseLong(parts[0].substring(2));
            byte[] got = HexFormat.of().parseHex(parts[1].substring(3));
            return MessageDigest.isEqual(got, mac(t, body));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] mac(long t, String body) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner{HmacSHA256}";
    }
}
