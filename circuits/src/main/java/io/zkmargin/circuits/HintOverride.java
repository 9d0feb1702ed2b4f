package io.zkmargin.circuits;

import io.zkmargin.crypto.field.Fr;

/**
 * Lets a soundness test play a cheating prover: hint outputs are prover choices that only the constraints
 * bind, so an override may replace them with anything and the checker must still catch a false statement.
 */
@FunctionalInterface
public interface HintOverride {
    /**
     * Returns the outputs to use for one hint call (or {@code honest} to keep them).
     *
     * @param hintName the hint's name
     * @param label    the scope label of the gadget that called it
     * @param inputs   the hint's input values
     * @param honest   what the honest hint computed (null if it failed)
     */
    Fr[] outputs(String hintName, String label, Fr[] inputs, Fr[] honest);
}
