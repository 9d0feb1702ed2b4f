package io.zkmargin.service;

/** Every rejection the service gives, with its HTTP status. Codes are stable API (docs/SERVICE.md). */
public enum ErrorCode {
    MALFORMED_REQUEST(400),
    UNSUPPORTED_MEDIA_TYPE(415),
    UNAUTHENTICATED(401),
    NOT_FOUND(404),
    BODY_TOO_LARGE(413),
    RATE_LIMITED(429),
    TIMEOUT(503),
    BAD_SIGNATURE(422),
    MARKET_BOUNDS(422),
    EPOCH_NOT_INCREASING(409),
    SEQUENCE_NOT_INCREASING(409),
    KEY_EXISTS(409),
    MALFORMED_KEY(400),
    MALFORMED_PROOF(400),
    UNKNOWN_KEY(422),
    UNKNOWN_ACCOUNT(404),
    UNKNOWN_EPOCH(422),
    NO_EPOCH(409),
    STALE_EPOCH(422),
    REPLAY(409),
    DUPLICATE_PROOF(409),
    THRESHOLD_OUT_OF_RANGE(400),
    INVALID_PROOF(422),
    STATE_CHANGED(409),
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
