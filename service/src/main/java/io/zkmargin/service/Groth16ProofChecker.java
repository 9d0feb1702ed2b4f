package io.zkmargin.service;

import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.groth16.VerifyingKey;
import io.zkmargin.verifier.BatchVerifier;
import io.zkmargin.verifier.Groth16Verifier;
import io.zkmargin.verifier.PreparedVerifyingKey;
import io.zkmargin.verifier.ProofEncoding;
import io.zkmargin.verifier.VerifyingKeyEncoding;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link ProofChecker} over the verifier module: keys in the ZKVK binary encoding, proofs as 128 bytes
 * (verifier ProofEncoding: A, B, C gnark compressed, 32 + 64 + 32), single and batch verification (the batch names the
 * bad proofs by bisection, so each submitter keeps its own verdict).
 */
public final class Groth16ProofChecker implements ProofChecker {
    private final SecureRandom rnd = new SecureRandom();

    /** A prepared key: the pairing work per key is done once at registration. */
    private record Prepared(PreparedVerifyingKey pvk, int publicInputs) implements CheckedKey { }

    @Override
    public CheckedKey parseKey(byte[] verifyingKey) {
        VerifyingKey vk = VerifyingKeyEncoding.decode(verifyingKey);
        return new Prepared(PreparedVerifyingKey.of(vk), vk.publicInputCount());
    }

    /** Decodes the 128-byte proof; every point is checked on the curve (and G2 in the subgroup). */
    public static Proof decodeProof(byte[] proof) {
        if (proof == null || proof.length != ProofSubmission.PROOF_BYTES) {
            throw new IllegalArgumentException("proof must be exactly 128 bytes");
        }
        return ProofEncoding.decode(proof);
    }

    /** The 128-byte form of a proof (inverse of {@link #decodeProof}). */
    public static byte[] encodeProof(Proof p) {
        return ProofEncoding.compressed(p);
    }

    @Override
    public void checkProofEncoding(byte[] proof) {
        decodeProof(proof);
    }

    @Override
    public boolean verify(CheckedKey key, byte[] proof, BigInteger[] publicInputs) {
        return Groth16Verifier.verify(((Prepared) key).pvk(), decodeProof(proof), toFr(publicInputs));
    }

    @Override
    public boolean[] verifyBatch(CheckedKey key, List<byte[]> proofs, List<BigInteger[]> publicInputs) {
        List<Proof> decoded = new ArrayList<>(proofs.size());
        List<Fr[]> pubs = new ArrayList<>(proofs.size());
        for (int i = 0; i < proofs.size(); i++) {
            decoded.add(decodeProof(proofs.get(i)));
            pubs.add(toFr(publicInputs.get(i)));
        }
        BatchVerifier.Result r = BatchVerifier.verify(((Prepared) key).pvk(), decoded, pubs, rnd);
        boolean[] ok = new boolean[proofs.size()];
        Arrays.fill(ok, true);
        for (int bad : r.invalidIndexes()) {
            ok[bad] = false;
        }
        return ok;
    }

    private static Fr[] toFr(BigInteger[] publics) {
        return Groth16Verifier.toFr(Arrays.asList(publics));
    }
}
