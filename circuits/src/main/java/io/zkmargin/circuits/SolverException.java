package io.zkmargin.circuits;

/** The solver cannot compute a wire (division by zero, a failing hint, a missing input); no values inside. */
public final class SolverException extends RuntimeException {
    private final String label;

    SolverException(String label, String message, Throwable cause) {
        super(message + (label.isEmpty() ? "" : " (in " + label + ")"), cause);
        this.label = label;
    }

    /** Scope label of the gadget whose step failed ("" for the top level). */
    public String label() {
        return label;
    }
}
