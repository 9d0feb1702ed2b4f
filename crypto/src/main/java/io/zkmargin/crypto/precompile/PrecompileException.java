package io.zkmargin.crypto.precompile;

/** Invalid precompile input: the call fails (on Ethereum it consumes all gas). */
public final class PrecompileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PrecompileException(String message, Throwable cause) {
        super(message, cause);
    }

    public PrecompileException(String message) {
        super(message);
    }
}
