package io.zkmargin.prover.ceremony;

/** A ceremony transcript that does not verify; the message names the first failed check. */
public final class CeremonyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CeremonyException(String message) {
        super(message);
    }
}
