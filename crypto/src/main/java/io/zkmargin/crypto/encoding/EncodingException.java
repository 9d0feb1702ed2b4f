package io.zkmargin.crypto.encoding;

/** A malformed or invalid point encoding; the message says what is wrong (never echoes secrets). */
public final class EncodingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public EncodingException(String message) {
        super(message);
    }

    public EncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
