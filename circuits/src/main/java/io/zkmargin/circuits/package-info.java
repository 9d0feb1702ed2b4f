/**
 * Constraint-system frontend: a {@link io.zkmargin.circuits.Circuit} states constraints through the narrow
 * {@link io.zkmargin.circuits.Api}; {@link io.zkmargin.circuits.Compiler} turns it into an {@link io.zkmargin.circuits.R1cs}
 * plus a solver program, and {@link io.zkmargin.circuits.CompiledCircuit} solves and checks witnesses.
 */
package io.zkmargin.circuits;
