package io.zkmargin.service.store;

import io.zkmargin.api.model.SizeClass;

/** A registered verifying key for one size class; {@code sha256} is the hex digest of its bytes. */
public record KeyRecord(SizeClass sizeClass, byte[] verifyingKey, String sha256, long registeredAt) {
    public KeyRecord {
        verifyingKey = verifyingKey.clone();
    }
    @Override public byte[] verifyingKey() { return verifyingKey.clone(); }
}
