package io.zkmargin.service.store;

/** A storage failure (I/O, driver, constraint the code did not expect). Maps to HTTP 500. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
