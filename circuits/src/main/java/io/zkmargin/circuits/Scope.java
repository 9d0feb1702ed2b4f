package io.zkmargin.circuits;

/** A named scope for labels of constraints and wires; close it (try-with-resources) to leave the scope. */
public interface Scope extends AutoCloseable {
    @Override
    void close();
}
