package io.zkmargin.prover;

/** Receives the wall time of each prover phase (for bench commands and diagnostics). */
@FunctionalInterface
public interface PhaseListener {
    void phase(String name, long nanos);

    PhaseListener NONE = (name, nanos) -> { };
}
