package io.zkmargin.circuits;

/** A witness fails a constraint; the message names the constraint, its gadget label and wires, never values. */
public final class UnsatisfiedConstraintException extends RuntimeException {
    private final int constraint;
    private final String label;

    UnsatisfiedConstraintException(int constraint, String label, String wires) {
        super("constraint #" + constraint + " (" + (label.isEmpty() ? "top level" : label) + ") is not satisfied; "
                + wires);
        this.constraint = constraint;
        this.label = label;
    }

    public int constraint() {
        return constraint;
    }

    /** Scope label of the gadget that made the constraint ("" for the top level). */
    public String label() {
        return label;
    }
}
