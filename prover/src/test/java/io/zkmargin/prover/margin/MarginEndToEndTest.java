package io.zkmargin.prover.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.engine.MarginResult;
import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.market.MarketTree;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.Salt;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.Threshold;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.margin.MarginCircuit;
import io.zkmargin.circuits.margin.MarginWitnessBuilder;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.prover.Groth16Prover;
import io.zkmargin.prover.Groth16Setup;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.verifier.Groth16Verifier;
import io.zkmargin.verifier.PreparedVerifyingKey;
import io.zkmargin.verifier.ProofEncoding;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 5: the real margin circuit through setup, witness, prove and verify for size classes S and M. Public
 * values are checked against the native commitment and epoch digest (computed without the circuit), and the proof
 * must fail against any other public input. Class L is too heavy for the suite: see bench MarginBench.
 */
class MarginEndToEndTest {
    private static final long EPOCH = 20_261_121L;
    /** One key per class, shared by all test methods: setup dominates the run time. */
    private static final Map<SizeClass, ProvingKey> KEYS = new EnumMap<>(SizeClass.class);
    private static MarketTable table;

    @BeforeAll
    static void setup() {
        table = randomTable(new Random(7));
        for (SizeClass sc : new SizeClass[] {SizeClass.S, SizeClass.M}) {
            R1cs r1cs = MarginCircuit.compiled(sc).r1cs();
            KEYS.put(sc, Groth16Setup.generateInsecureDeterministicForTests(r1cs, 1000 + sc.ordinal()));
        }
    }

    /** Linear instruments with tiered maintenance, options with scenario risk, cash and one haircut asset. */
    static MarketTable randomTable(Random rnd) {
        List<Instrument> ins = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int leaf = 10 + i;
            if (i % 3 == 2) {
                long mark = 1 + rnd.nextInt(5_000);
                long[] ra = new long[io.zkmargin.api.model.Bounds.SCENARIOS];
                for (int s = 0; s < ra.length; s++) ra[s] = rnd.nextInt((int) (6 * mark + 1)) - 3 * mark;
                ins.add(Instrument.of("O" + leaf, leaf, mark, TierSchedule.none(), ra, rnd.nextInt((int) (mark / 4 + 1))));
            } else {
                long mark = 1 + rnd.nextInt(100_000);
                TierSchedule mm = TierSchedule.of(new long[] {0, mark * (1 + rnd.nextInt(100))},
                        new int[] {10_000 + rnd.nextInt(40_000), 60_000 + rnd.nextInt(100_000)});
                ins.add(Instrument.linear("L" + leaf, leaf, mark, mm));
            }
        }
        List<CollateralAsset> cols = new ArrayList<>();
        cols.add(CollateralAsset.of("CASH", 1, 1, TierSchedule.flat(1_000_000)));
        for (int j = 0; j < 4; j++) {
            cols.add(CollateralAsset.of("C" + (2 + j), 2 + j, 1 + rnd.nextInt(50_000), TierSchedule.flat(700_000 + rnd.nextInt(300_000))));
        }
        return MarketTable.of(ins, cols);
    }

    /** A random account filling most of the class's slots, topped up with cash until it is healthy at WARN. */
    static AccountState healthyAccount(Random rnd, MarketTable t, SizeClass sc) {
        Map<Integer, Long> positions = new HashMap<>();
        List<Instrument> ins = new ArrayList<>(t.instruments());
        java.util.Collections.shuffle(ins, rnd);
        for (int i = 0; i < sc.positionSlots() && i < ins.size(); i++) {
            long q = 1 + rnd.nextInt(1_000);
            positions.put(ins.get(i).leafIndex(), rnd.nextBoolean() ? q : -q);
        }
        Map<Integer, Long> balances = new HashMap<>();
        for (int j = 1; j < sc.collateralSlots(); j++) balances.put(1 + j, (long) rnd.nextInt(1_000));
        balances.put(1, 0L);
        long id = 1 + rnd.nextInt(1_000_000);
        AccountState a = AccountState.of(id, rnd.nextInt(100), positions, balances);
        MarginResult r = MarginEngine.evaluate(t, a);
        // cash counts 1e6 per unit in E6: add enough for 1.5x the requirement plus a random margin
        long cash = r.r6().multiply(java.math.BigInteger.valueOf(3)).divide(java.math.BigInteger.valueOf(2))
                .subtract(r.e6()).divide(java.math.BigInteger.valueOf(1_000_000)).longValueExact()
                + 1 + rnd.nextInt(1_000_000);
        balances.put(1, Math.max(cash, 1));
        return AccountState.of(id, a.sequence(), positions, balances);
    }

    @ParameterizedTest
    @EnumSource(value = SizeClass.class, names = {"S", "M"})
    void randomHealthyAccount_provesAndVerifies_onlyForItsOwnPublicInputs(SizeClass sc) {
        Random rnd = new Random(31L * sc.ordinal() + 5);
        AccountState account = healthyAccount(rnd, table, sc);
        assertTrue(account.fitsIn(sc));
        MarginResult r = MarginEngine.evaluate(table, account);
        int f = r.bestThreshold().orElseThrow().bps();
        f = Math.min(f, 900_000);   // keeps f+1 a valid threshold
        assertTrue(f >= Threshold.WARN.bps(), "account should be healthy at WARN, f=" + f);
        Salt salt = Salt.random(new SecureRandom());

        MarginWitnessBuilder builder = MarginWitnessBuilder.forTable(EPOCH, table);
        Witness w = builder.witness(sc, account, salt, Threshold.ofBps(f));
        Fr commitment = CommitmentOpening.of(account, sc, salt).commitment().value();
        Fr digest = MarketTree.epochDigest(EPOCH, MarketTree.of(table).root());
        // public wires in the statement's order, computed natively (not by the circuit)
        assertEquals(List.of(commitment, digest, Fr.of(f)), w.publicValues());

        ProvingKey pk = KEYS.get(sc);
        CompiledCircuit c = MarginCircuit.compiled(sc);
        Proof proof = Groth16Prover.of(pk, c.r1cs()).prove(w);
        byte[] enc = ProofEncoding.compressed(proof);
        assertEquals(128, enc.length);
        Proof decoded = ProofEncoding.decode(enc);

        PreparedVerifyingKey pvk = PreparedVerifyingKey.of(pk.verifyingKey());
        assertTrue(Groth16Verifier.verify(pvk, decoded, new Fr[] {commitment, digest, Fr.of(f)}));

        Fr otherCommitment = CommitmentOpening.of(account, sc, Salt.random(new SecureRandom())).commitment().value();
        Fr otherDigest = MarketTree.epochDigest(EPOCH + 1, MarketTree.of(table).root());
        assertFalse(Groth16Verifier.verify(pvk, decoded, new Fr[] {otherCommitment, digest, Fr.of(f)}), "commitment");
        assertFalse(Groth16Verifier.verify(pvk, decoded, new Fr[] {commitment, otherDigest, Fr.of(f)}), "epoch");
        assertFalse(Groth16Verifier.verify(pvk, decoded, new Fr[] {commitment, digest, Fr.of(f + 1)}), "f+1");
        assertFalse(Groth16Verifier.verify(pvk, decoded, new Fr[] {commitment, digest, Fr.of(f - 1)}), "f-1");
        // the swapped order of the same values is another statement too
        assertFalse(Groth16Verifier.verify(pvk, decoded, new Fr[] {digest, commitment, Fr.of(f)}), "order");
    }

    @Test
    void keyOfOneClass_doesNotVerifyProofOfTheOther() {
        Random rnd = new Random(99);
        AccountState account = healthyAccount(rnd, table, SizeClass.S);
        Salt salt = Salt.random(new SecureRandom());
        Witness w = MarginWitnessBuilder.forTable(EPOCH, table).witness(SizeClass.S, account, salt, Threshold.CALL);
        Proof proof = Groth16Prover.of(KEYS.get(SizeClass.S), MarginCircuit.compiled(SizeClass.S).r1cs()).prove(w);
        Fr[] pub = w.publicValues().toArray(new Fr[0]);
        assertTrue(Groth16Verifier.verify(PreparedVerifyingKey.of(KEYS.get(SizeClass.S).verifyingKey()), proof, pub));
        assertFalse(Groth16Verifier.verify(PreparedVerifyingKey.of(KEYS.get(SizeClass.M).verifyingKey()), proof, pub));
    }
}
