/**
 * Audit bundles: export of epochs, verifying keys and accepted proofs with a hash manifest, and the
 * offline re-verifier the CLI {@code audit} command calls.
 */
package io.zkmargin.service.audit;
