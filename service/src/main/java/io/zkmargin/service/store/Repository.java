package io.zkmargin.service.store;

import java.util.function.Function;

/**
 * The one storage interface of the service. All reads and writes go through {@link #transaction}: the
 * work runs in one database transaction that commits when it returns and rolls back when it throws.
 */
public interface Repository extends AutoCloseable {

    <T> T transaction(Function<StoreTx, T> work);

    /** A short name for logs and /health ("sqlite" or "postgresql"). */
    String kind();

    @Override
    void close();
}
