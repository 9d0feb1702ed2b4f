package io.zkmargin.service;

import java.util.Objects;

/**
 * A request the service refuses. Thrown before any state is written (or inside a transaction that is
 * rolled back), so a rejection never changes state. Messages never contain secrets.
 */
public final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public Rejection(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code);
    }

    public ErrorCode code() {
        return code;
    }
}
