package io.zkmargin.service.store;

import java.math.BigInteger;

/** An account's current registered commitment. */
public record RegistrationRecord(long accountId, long sequence, BigInteger commitment, byte[] signature,
                                 long registeredAt) {
    public RegistrationRecord {
        signature = signature.clone();
    }
    @Override public byte[] signature() { return signature.clone(); }
}
