package io.zkmargin.prover.ceremony;

/** A snarkjs .zkey file that is malformed, truncated, not Groth16 over BN254, or holds an invalid point. */
public final class ZkeyFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ZkeyFormatException(String message) {
        super(message);
    }
}
