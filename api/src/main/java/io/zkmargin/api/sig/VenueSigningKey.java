package io.zkmargin.api.sig;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A venue's Ed25519 signing key (the 32-byte RFC 8032 seed). Secret: toString is redacted, and the seed is only
 * readable through the explicitly named {@link #exportSeed()} and {@link #exportPkcs8()}.
 */
public final class VenueSigningKey {
    static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final Ed25519PrivateKeyParameters key;
    private final VenuePublicKey publicKey;

    private VenueSigningKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
        this.publicKey = VenuePublicKey.fromRaw(key.generatePublicKey().getEncoded());
    }

    public static VenueSigningKey generate(SecureRandom rnd) {
        if (rnd == null) {
            throw new IllegalArgumentException("a SecureRandom is required");
        }
        return new VenueSigningKey(new Ed25519PrivateKeyParameters(rnd));
    }

    public static VenueSigningKey fromSeed(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes");
        }
        return new VenueSigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** Decodes PKCS#8 PrivateKeyInfo DER (the 48-byte RFC 8410 Ed25519 form). */
    public static VenueSigningKey fromPkcs8(byte[] der) {
        if (der == null || der.length != PKCS8_PREFIX.length + 32
                || !Arrays.equals(der, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key");
        }
        return fromSeed(Arrays.copyOfRange(der, PKCS8_PREFIX.length, der.length));
    }

    /** Decodes a "PRIVATE KEY" PEM block (as written by openssl genpkey -algorithm ed25519). */
    public static VenueSigningKey fromPem(String pem) {
        return fromPkcs8(Pem.decode("PRIVATE KEY", pem));
    }

    public VenuePublicKey publicKey() {
        return publicKey;
    }

    public byte[] sign(byte[] message) {
        if (message == null) {
            throw new IllegalArgumentException("message is required");
        }
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, key);
        s.update(message, 0, message.length);
        return s.generateSignature();
    }

    /** The secret seed; for key files only. */
    public byte[] exportSeed() {
        return key.getEncoded();
    }

    /** The secret key as PKCS#8 DER; for key files only. */
    public byte[] exportPkcs8() {
        byte[] out = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
        System.arraycopy(key.getEncoded(), 0, out, PKCS8_PREFIX.length, 32);
        return out;
    }

    /** The secret key as a PKCS#8 PEM block; for key files only. */
    public String exportPem() {
        return Pem.encode("PRIVATE KEY", exportPkcs8());
    }

    @Override
    public String toString() {
        return "VenueSigningKey[public=" + publicKey.hex() + ", secret redacted]";
    }
}
