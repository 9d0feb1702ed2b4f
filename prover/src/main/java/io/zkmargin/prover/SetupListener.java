package io.zkmargin.prover;

/** Receives setup progress; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface SetupListener {
    /** {@code done} of {@code total} units of {@code phase} are finished. */
    void progress(String phase, long done, long total);

    SetupListener NONE = (phase, done, total) -> { };
}
