package io.zkmargin.circuits;

/**
 * A circuit: declares its public inputs (in order; they become wires 1..n of the R1CS) and secret inputs, and
 * states its constraints, all inside {@link #define}. Size parameters belong in the constructor, so one
 * instance always compiles to the same constraint system.
 */
@FunctionalInterface
public interface Circuit {
    /** Declares inputs and states constraints through {@code api}; called once per compilation. */
    void define(Api api);
}
