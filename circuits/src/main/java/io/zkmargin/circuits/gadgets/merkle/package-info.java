/**
 * In-circuit membership in a {@link io.zkmargin.crypto.hash.PoseidonMerkleTree}: the path from a leaf
 * at a private index (boolean index bits) up to the root.
 */
package io.zkmargin.circuits.gadgets.merkle;
