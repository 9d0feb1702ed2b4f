/**
 * Ed25519 venue signatures (bouncycastle): keys and their encodings, and the canonical byte encodings of market
 * epochs and account registrations that the venue signs (documented in {@link io.zkmargin.api.sig.CanonicalEncoding}).
 */
package io.zkmargin.api.sig;
