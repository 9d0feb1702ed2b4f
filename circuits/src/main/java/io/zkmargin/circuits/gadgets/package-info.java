/**
 * Non-hash gadgets grouped as in gnark: {@link io.zkmargin.circuits.gadgets.Bits}, {@link io.zkmargin.circuits.gadgets.Booleans},
 * {@link io.zkmargin.circuits.gadgets.Ranges}, {@link io.zkmargin.circuits.gadgets.Comparisons},
 * {@link io.zkmargin.circuits.gadgets.Conditionals} and {@link io.zkmargin.circuits.gadgets.Tiers}; each has a plain-Java
 * twin in {@link io.zkmargin.circuits.gadgets.Native} that tests compare it with.
 */
package io.zkmargin.circuits.gadgets;
