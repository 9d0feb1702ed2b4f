package io.zkmargin.api.model;

import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The secret blinding value of an account commitment: a uniformly random element of the BN254 scalar field.
 * Its value never appears in toString; read it only through {@link #expose()} when building a commitment or witness.
 */
public final class Salt {
    private final Fr value;

    private Salt(Fr value) {
        this.value = value;
    }

    /** A fresh uniform salt in [0, r) by rejection sampling 254-bit strings. */
    public static Salt random(SecureRandom rnd) {
        byte[] b = new byte[32];
        while (true) {
            rnd.nextBytes(b);
            b[0] &= 0x3f;
            BigInteger v = new BigInteger(1, b);
            if (v.compareTo(Fr.MODULUS) < 0) {
                return new Salt(Fr.of(v));
            }
        }
    }

    public static Salt of(Fr value) {
        if (value == null) {
            throw new IllegalArgumentException("salt is missing");
        }
        return new Salt(value);
    }

    /** Decodes 32 big-endian bytes; rejects values >= r. */
    public static Salt fromBytes(byte[] b) {
        if (b == null || b.length != 32) {
            throw new IllegalArgumentException("salt must be 32 bytes");
        }
        BigInteger v = new BigInteger(1, b);
        if (v.compareTo(Fr.MODULUS) >= 0) {
            throw new IllegalArgumentException("salt is not below the field modulus");
        }
        return new Salt(Fr.of(v));
    }

    /** The secret value; callers must not log it. */
    public Fr expose() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Salt s && MessageDigest.isEqual(value.toBytesBE(), s.value.toBytesBE());
    }

    @Override
    public int hashCode() {
        return 0x5a17; // constant: a hash of the value would leak bits of it into hash tables and logs
    }

    @Override
    public String toString() {
        return "Salt[redacted]";
    }
}
