package io.zkmargin.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.groth16.VerifyingKey;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchVerifierTest {
    private static final VerifyingKey VK = SnarkjsJson.readVerifyingKey(Fixtures.text("verification_key.json"));
    private static final Proof PROOF = SnarkjsJson.readProof(Fixtures.text("proof.json"));
    private static final Fr[] PUB = SnarkjsJson.readPublic(Fixtures.text("public.json"));
    private static final PreparedVerifyingKey PVK = PreparedVerifyingKey.of(VK);

    /** Distinct valid proofs of the same statement: (tA, B/t, C) keeps e(A, B) unchanged. */
    private static List<Proof> rerandomized(int n, long seed) {
        Random rnd = new Random(seed);
        List<Proof> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Fr t = Fr.random(rnd);
            out.add(Proof.of(PROOF.a().mul(t), PROOF.b().mul(t.inverse()), PROOF.c()));
        }
        return out;
    }

    private static List<Fr[]> pubs(int n) {
        return new ArrayList<>(Collections.nCopies(n, PUB));
    }

    @Test
    void allValid_accepted() {
        List<Proof> proofs = rerandomized(12, 1);
        assertTrue(Groth16Verifier.verify(PVK, proofs.get(5), PUB), "re-randomized proof must verify alone");
        BatchVerifier.Result r = BatchVerifier.verify(PVK, proofs, pubs(12));
        assertTrue(r.allValid(), r.toString());
    }

    @Test
    void oneBadProof_rejectedAndNamed() {
        List<Proof> proofs = rerandomized(12, 2);
        Proof p = proofs.get(7);
        proofs.set(7, Proof.of(p.a().add(G1Affine.GENERATOR), p.b(), p.c()));
        BatchVerifier.Result r = BatchVerifier.verify(PVK, proofs, pubs(12), new SecureRandom());
        assertEquals(List.of(7), r.invalidIndexes());
    }

    @Test
    void badProofAndBadPublicInput_bothNamed() {
        List<Proof> proofs = rerandomized(11, 3);
        List<Fr[]> pubs = pubs(11);
        Fr[] wrong = PUB.clone();
        wrong[1] = wrong[1].add(Fr.ONE);
        pubs.set(0, wrong);
        Proof p = proofs.get(10);
        proofs.set(10, Proof.of(p.a(), p.b(), p.c().neg()));
        assertEquals(List.of(0, 10), BatchVerifier.verify(PVK, proofs, pubs).invalidIndexes());
    }

    @Test
    void singleAndEmpty() {
        assertTrue(BatchVerifier.verify(PVK, List.of(PROOF), pubs(1)).allValid());
        assertTrue(BatchVerifier.verify(PVK, List.of(), List.of()).allValid());
        Proof bad = Proof.of(PROOF.c(), PROOF.b(), PROOF.a());
        assertEquals(List.of(0), BatchVerifier.verify(PVK, List.of(bad), pubs(1)).invalidIndexes());
    }

    @Test
    void malformedBatch_throws() {
        List<Proof> proofs = rerandomized(3, 4);
        assertThrows(IllegalArgumentException.class, () -> BatchVerifier.verify(PVK, proofs, pubs(2)));
        List<Fr[]> pubs = pubs(3);
        pubs.set(1, new Fr[] {Fr.ONE});
        assertThrows(IllegalArgumentException.class, () -> BatchVerifier.verify(PVK, proofs, pubs));
    }
}
