/**
 * Market leaves (layout v1, docs/MARKET-LEAF.md), the depth-12 Poseidon market tree, epoch digests, signed epochs
 * and account registrations, and account commitments with their secret openings.
 */
package io.zkmargin.api.market;
