package io.zkmargin.api.sig;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A venue's Ed25519 public key. Encodings: raw 32 bytes (RFC 8032), hex of the raw bytes, and X.509
 * SubjectPublicKeyInfo DER (RFC 8410). Decoding rejects points off the curve and points of small order.
 */
public final class VenuePublicKey {
    static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    public static final int BYTES = 32;

    private final byte[] raw;

    private VenuePublicKey(byte[] raw) {
        this.raw = raw;
    }

    public static VenuePublicKey fromRaw(byte[] raw) {
        if (raw == null || raw.length != BYTES) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes");
        }
        if (!Ed25519.validatePublicKeyFull(raw, 0)) {
            throw new IllegalArgumentException("not a valid Ed25519 public key (off the curve or of small order)");
        }
        return new VenuePublicKey(raw.clone());
    }

    public static VenuePublicKey fromHex(String hex) {
        try {
            return fromRaw(HexFormat.of().parseHex(hex == null ? "" : hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad Ed25519 public key hex: " + e.getMessage());
        }
    }

    /** Decodes X.509 SubjectPublicKeyInfo DER (the 44-byte Ed25519 form). */
    public static VenuePublicKey fromX509(byte[] der) {
        if (der == null || der.length != SPKI_PREFIX.length + BYTES
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 SubjectPublicKeyInfo");
        }
        return fromRaw(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
    }

    /** Decodes a "PUBLIC KEY" PEM block (as written by openssl pkey -pubout). */
    public static VenuePublicKey fromPem(String pem) {
        return fromX509(Pem.decode("PUBLIC KEY", pem));
    }

    public String toPem() {
        return Pem.encode("PUBLIC KEY", x509());
    }

    public byte[] raw() {
        return raw.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(raw);
    }

    public byte[] x509() {
        byte[] out = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + BYTES);
        System.arraycopy(raw, 0, out, SPKI_PREFIX.length, BYTES);
        return out;
    }

    /** Short key id: hex of the first 8 bytes of SHA-256(raw key). */
    public String keyId() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(raw);
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Ed25519 verification; a malformed signature gives false. */
    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != 64) {
            return false;
        }
        Ed25519Signer v = new Ed25519Signer();
        v.init(false, new Ed25519PublicKeyParameters(raw, 0));
        v.update(message, 0, message.length);
        return v.verifySignature(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VenuePublicKey k && Arrays.equals(raw, k.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "VenuePublicKey[" + hex() + "]";
    }
}
