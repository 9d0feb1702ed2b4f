package io.zkmargin.prover.ceremony;

/** A .ptau file that is malformed, corrupted or fails the phase-1 consistency check. */
public final class PtauFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PtauFormatException(String message) {
        super(message);
    }
}
