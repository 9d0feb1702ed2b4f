package io.zkmargin.circuits;

import io.zkmargin.crypto.field.Fr;

/**
 * Computes values of new wires from the values of its inputs at solve time (bit decompositions, quotients,
 * inverses, comparison results). A hint's outputs are unconstrained: the caller must constrain them.
 * A hint throws {@link IllegalArgumentException} (without secret values in the message) if it has no answer.
 */
@FunctionalInterface
public interface Hint {
    /** Returns exactly the requested number of outputs for the given input values. */
    Fr[] compute(Fr[] inputs);
}
