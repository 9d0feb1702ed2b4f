package io.zkmargin.prover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.UnsatisfiedConstraintException;
import io.zkmargin.circuits.Witness;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.verifier.BatchVerifier;
import io.zkmargin.verifier.Groth16Verifier;
import io.zkmargin.verifier.PreparedVerifyingKey;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class Groth16ProverTest {
    private static final R1cs SMALL = TestCircuits.small();
    private static final ProvingKey SMALL_PK = Groth16Setup.generateInsecureDeterministicForTests(SMALL, 42);

    private static Fr[] publics(Witness w) {
        return w.publicValues().toArray(new Fr[0]);
    }

    @Test
    void smallCircuit_proveAndVerify() {
        Witness w = TestCircuits.smallWitness(3, 11, 7);
        assertEquals(Fr.of(109), w.get(1));
        Proof p = Groth16Prover.of(SMALL_PK, SMALL).prove(w);
        PreparedVerifyingKey pvk = PreparedVerifyingKey.of(SMALL_PK.verifyingKey());
        assertTrue(Groth16Verifier.verify(pvk, p, publics(w)));
        // wrong public input
        assertFalse(Groth16Verifier.verify(pvk, p, new Fr[] {Fr.of(110), Fr.of(11), Fr.of(7)}));
        // tampered proof
        assertFalse(Groth16Verifier.verify(pvk, Proof.of(p.a(), p.b(), p.c().neg()), publics(w)));
    }

    @Test
    void proofsAreRandomized() {
        Witness w = TestCircuits.smallWitness(5, 2, 9);
        Groth16Prover prover = Groth16Prover.of(SMALL_PK, SMALL);
        Proof p1 = prover.prove(w);
        Proof p2 = prover.prove(w);
        assertNotEquals(p1, p2);
        PreparedVerifyingKey pvk = PreparedVerifyingKey.of(SMALL_PK.verifyingKey());
        assertTrue(Groth16Verifier.verify(pvk, p1, publics(w)));
        assertTrue(Groth16Verifier.verify(pvk, p2, publics(w)));
    }

    @Test
    void chainCircuit_largerDomain_batchWithOneBadProofNamed() {
        int k = 300;   // 301 constraints + 2 public rows -> domain 512
        R1cs r1cs = TestCircuits.chain(k);
        List<String> phases = new CopyOnWriteArrayList<>();
        ProvingKey pk = Groth16Setup.generate(r1cs, new SecureRandom(), 2, (phase, done, total) -> phases.add(phase));
        assertEquals(9, pk.domainLog());
        assertTrue(phases.contains("G1") && phases.contains("G2"), phases.toString());
        Groth16Prover prover = Groth16Prover.of(pk, r1cs);
        PreparedVerifyingKey pvk = PreparedVerifyingKey.of(pk.verifyingKey());
        List<Proof> proofs = new ArrayList<>();
        List<Fr[]> pubs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Witness w = TestCircuits.chainWitness(k, 1000 + i);
            Proof p = prover.prove(w);
            assertTrue(Groth16Verifier.verify(pvk, p, publics(w)), "proof " + i);
            proofs.add(p);
            pubs.add(publics(w));
        }
        assertTrue(BatchVerifier.verify(pvk, proofs, pubs).allValid());
        pubs.set(4, pubs.get(3));
        assertEquals(List.of(4), BatchVerifier.verify(pvk, proofs, pubs).invalidIndexes());
    }

    @Test
    void unsatisfiedWitness_throwsWithoutValues() {
        Witness w = TestCircuits.smallWitness(3, 11, 7).with(5, Fr.of(123456789));
        UnsatisfiedConstraintException e = assertThrows(UnsatisfiedConstraintException.class,
                () -> Groth16Prover.of(SMALL_PK, SMALL).prove(w));
        assertFalse(e.getMessage().contains("123456789"), e.getMessage());
    }

    @Test
    void wrongSizes_throw() {
        Groth16Prover prover = Groth16Prover.of(SMALL_PK, SMALL);
        Witness chain = TestCircuits.chainWitness(3, 2);
        assertThrows(IllegalArgumentException.class, () -> prover.prove(chain));
        assertThrows(IllegalArgumentException.class, () -> Groth16Prover.of(SMALL_PK, TestCircuits.chain(3)));
    }

    @Test
    void deterministicSetup_isReproducible_andSeedsDiffer() {
        assertEquals(SMALL_PK, Groth16Setup.generateInsecureDeterministicForTests(SMALL, 42));
        assertNotEquals(SMALL_PK.verifyingKey(), Groth16Setup.generateInsecureDeterministicForTests(SMALL, 43).verifyingKey());
    }
}
