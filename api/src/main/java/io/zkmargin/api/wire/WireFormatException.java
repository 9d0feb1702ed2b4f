package io.zkmargin.api.wire;

/** A wire message that cannot be decoded into a valid domain value; the message names the field. */
public final class WireFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
