package io.zkmargin.circuits;

/** Compiles a {@link Circuit} to an R1CS and its solver program. */
public final class Compiler {
    private Compiler() {
    }

    /** Runs {@code circuit.define} once and returns the compiled circuit. */
    public static CompiledCircuit compile(Circuit circuit) {
        Builder b = new Builder();
        circuit.define(b);
        return b.build();
    }
}
