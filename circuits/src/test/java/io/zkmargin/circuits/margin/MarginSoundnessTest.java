package io.zkmargin.circuits.margin;

import io.zkmargin.api.engine.MarginEngine;
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
import io.zkmargin.circuits.testing.CircuitTester;
import io.zkmargin.crypto.field.Fr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cheating prover against the S circuit: each attack changes the inputs (recomputing the commitment natively
 * where the attack needs a consistent opening) or the hint outputs, and the circuit must reject it at the gadget
 * that is supposed to catch it.
 */
class MarginSoundnessTest {
    private static final Salt SALT = Salt.random(new SecureRandom());
    /** Instruments at 10 (perp, tiers 1% then 10% above 100,000), 20 (perp, flat 5%), 30 (short put with risk). */
    private static MarketTable table;
    private static MarginWitnessBuilder builder;
    private static CompiledCircuit c;

    @BeforeAll
    static void setUp() {
        TierSchedule steep = TierSchedule.of(new long[] {0, 100_000}, new int[] {10_000, 100_000});
        long[] put = {-338, 342, -68, 482, -687, 128, 136, 570, -1133, -191, 290, 623, -1695, -648, 225, -1295};
        table = MarketTable.of(
                List.of(Instrument.linear("BTC", 10, 1_000, steep), Instrument.linear("ETH", 20, 100, TierSchedule.flat(50_000)),
                        Instrument.of("PUT", 30, 698, TierSchedule.none(), put, 50)),
                List.of(CollateralAsset.of("USD", 3, 1, TierSchedule.flat(1_000_000)),
                        CollateralAsset.of("BTCC", 40, 1_000, TierSchedule.of(new long[] {0, 1_000_000}, new int[] {1_000_000, 500_000}))));
        builder = MarginWitnessBuilder.forTable(9, table);
        c = MarginCircuit.compiled(SizeClass.S);
    }

    /** Long 200 BTC (notional 200,000, T6 = (1,000 + 10,000) * 1e6), long 50 ETH, short 2 puts, cash. */
    private static AccountState account(long cash) {
        return AccountState.builder(5).sequence(2).position(10, 200).position(20, 50).position(30, -2)
                .balance(3, cash).build();
    }

    private static MarginInputs inputs(AccountState a, long f) {
        return builder.inputsUnchecked(CommitmentOpening.of(a, SizeClass.S, SALT), f);
    }

    private static String rejected(MarginInputs in) {
        return CircuitTester.assertRejected(c, in.toAssignment());
    }

    private static void assertRejectedBy(MarginInputs in, String labelPrefix) {
        String label = rejected(in);
        assertTrue(label.startsWith(labelPrefix), "rejected by " + label + ", expected " + labelPrefix);
    }

    /** Equity needed: 10^4 E6 >= f R6; at f = 10,000 the account with this much cash is exactly healthy. */
    private static long edgeCash() {
        AccountState zero = account(1);
        var r = MarginEngine.evaluate(table, zero);
        // E6 = 1e6 * cash + rest; healthy at 10,000 iff E6 >= R6
        BigInteger rest = r.e6().subtract(BigInteger.valueOf(1_000_000));
        BigInteger[] qr = r.r6().subtract(rest).divideAndRemainder(BigInteger.valueOf(1_000_000));
        return qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact(); // ceiling
    }

    @Test
    void honestEdge_solves_andOneLessCashIsRejected() {
        long cash = edgeCash();
        CircuitTester.assertSolves(c, inputs(account(cash), 10_000).toAssignment());
        assertFalse(MarginEngine.evaluate(table, account(cash - 1)).isHealthy(10_000));
        assertRejectedBy(inputs(account(cash - 1), 10_000), "health/");
    }

    @Test
    void quantityChangedAfterCommitment_rejected() {
        MarginInputs in = inputs(account(edgeCash() - 1), 10_000); // unhealthy: the change would rescue it
        in.pos[0].amount = Fr.of(210); // more of the long perp: healthy, if the commitment allowed it
        assertRejectedBy(in, "commitment");
    }

    @Test
    void leafValueChanged_rejected() {
        MarginInputs in = inputs(account(edgeCash() - 1), 10_000);
        in.pos[0].value = Fr.of(1_001); // a higher mark for the long perp
        assertRejectedBy(in, "pos[0]");
        in = inputs(account(edgeCash() - 1), 10_000);
        in.pos[2].risk[12] = Fr.of(0); // the put's worst scenario
        assertRejectedBy(in, "pos[2]");
        in = inputs(account(edgeCash() - 1), 10_000);
        in.pos[0].rates[1] = Fr.of(10_000); // the steep tier
        assertRejectedBy(in, "pos[0]");
        in = inputs(account(edgeCash() - 1), 10_000);
        in.pos[0].floors[1] = Fr.of(200_000); // move the tier edge past the notional
        assertRejectedBy(in, "pos[0]");
    }

    @Test
    void wrongMerkleSibling_rejected() {
        MarginInputs in = inputs(account(edgeCash()), 10_000);
        in.col[0].siblings[7] = in.col[0].siblings[7].add(Fr.ONE);
        assertRejectedBy(in, "col[0]");
    }

    @Test
    void wrongEpochDigest_rejected() {
        MarginInputs in = inputs(account(edgeCash()), 10_000);
        in.digest = MarketTree.epochDigest(8, in.marketRoot); // the previous epoch's digest
        assertRejectedBy(in, "epochDigest");
        // the prover's own market, consistent all through (leaves, paths, root) but for the real epoch's digest:
        // a higher BTC mark makes the account healthy there
        List<Instrument> ins = new ArrayList<>(table.instruments());
        ins.set(0, Instrument.linear("BTC", 10, 1_100, table.instrumentAt(10).orElseThrow().maintenance()));
        MarginWitnessBuilder fake = MarginWitnessBuilder.forTable(9, MarketTable.of(ins, table.collaterals()));
        in = fake.inputsUnchecked(CommitmentOpening.of(account(edgeCash() - 1), SizeClass.S, SALT), 10_000);
        assertFalse(MarginEngine.evaluate(table, account(edgeCash() - 1)).isHealthy(10_000));
        in.digest = inputs(account(edgeCash() - 1), 10_000).digest;
        assertRejectedBy(in, "epochDigest");
    }

    /**
     * Splitting 200 BTC into 2 x 100 keeps both notionals under the 10% tier, so T6 drops from 11,000e6 to
     * 2,250e6 and the (committed, consistent) split opening would be healthy: only the canonical check stops it.
     */
    @Test
    void splitPosition_sameInstrumentTwice_rejected() {
        MarginInputs in = inputs(account(edgeCash() - 1), 10_000);
        MarginInputs.Slot half = new MarginInputs.Slot();
        copyLeaf(in.pos[0], half);
        in.pos[0].amount = Fr.of(100);
        half.amount = Fr.of(100);
        in.pos[3] = in.pos[2];
        in.pos[2] = in.pos[1];
        in.pos[1] = half;
        in.commitment = in.nativeCommitment();
        assertRejectedBy(in, "canonical");
    }

    @Test
    void nonCanonicalOrder_rejected() {
        MarginInputs in = inputs(account(edgeCash()), 10_000);
        MarginInputs.Slot t = in.pos[0];
        in.pos[0] = in.pos[1];
        in.pos[1] = t;
        in.commitment = in.nativeCommitment();
        assertRejectedBy(in, "canonical");
    }

    @Test
    void nonEmptySlotAfterEmptyOne_rejected() {
        MarginInputs in = inputs(account(edgeCash()), 10_000);
        MarginInputs.Slot t = in.pos[3]; // empty
        in.pos[3] = in.pos[2];
        in.pos[2] = t;
        in.commitment = in.nativeCommitment();
        assertRejectedBy(in, "canonical");
    }

    @Test
    void emptySlotWithLeafIndex_rejected() {
        MarginInputs in = inputs(account(edgeCash()), 10_000);
        in.pos[3].leafIndex = Fr.of(4000);
        in.commitment = in.nativeCommitment();
        assertRejectedBy(in, "pos[3]");
    }

    /**
     * An empty collateral slot with a "negative" floor (r - x) and rates 0 then 1e6 would make tiered(0) = 1e6 * x:
     * free equity. The non-empty gate removes it; likewise an empty position slot trying to lower T6.
     */
    @Test
    void emptySlotLeafValues_cannotAddEquity() {
        long shortfall = 1_000_000;
        MarginInputs in = inputs(account(edgeCash() - shortfall), 10_000);
        MarginInputs.Slot empty = in.col[1];
        empty.floors[1] = Fr.of(-shortfall);
        empty.rates[0] = Fr.ZERO;
        empty.rates[1] = Fr.of(1_000_000);
        empty.floors[2] = empty.floors[3] = Fr.of(BigInteger.ONE.shiftLeft(128));
        empty.value = Fr.of(12345);
        assertRejectedBy(in, "health/");

        in = inputs(account(edgeCash() - 1), 10_000);
        MarginInputs.Slot emptyPos = in.pos[3];
        emptyPos.floors[1] = Fr.of(-1_000_000_000L);
        emptyPos.rates[0] = Fr.of(1_000_000);
        emptyPos.rates[1] = Fr.ZERO;
        emptyPos.floors[2] = emptyPos.floors[3] = Fr.of(BigInteger.ONE.shiftLeft(128));
        for (int s = 0; s < MarginCircuit.SCENARIOS; s++) emptyPos.risk[s] = Fr.of(-1_000_000);
        emptyPos.som = Fr.of(-5);
        emptyPos.value = Fr.of(-7);
        assertRejectedBy(in, "health/");
    }

    /** Garbage in empty slots neither helps nor hurts: the honest account still proves. */
    @Test
    void emptySlotGarbage_doesNotChangeAnHonestProof() {
        MarginInputs in = inputs(account(edgeCash()), 10_000);
        MarginInputs.Slot e = in.pos[3];
        e.value = Fr.of(77);
        e.som = Fr.of(5);
        e.risk[0] = Fr.of(-9);
        e.rates[2] = Fr.of(3);
        e.siblings[0] = Fr.of(1);
        in.col[1].value = Fr.of(4);
        CircuitTester.assertSolves(c, in.toAssignment());
    }

    @Test
    void negativeThreshold_rejected() {
        MarginInputs in = inputs(account(edgeCash()), 10_000);
        in.threshold = Fr.of(-1);
        assertRejectedBy(in, "threshold");
        in.threshold = Fr.of(1 << MarginCircuit.THRESHOLD_BITS);
        assertRejectedBy(in, "threshold");
    }

    @Test
    void quantityOutOfRange_rejected() {
        for (BigInteger q : new BigInteger[] {BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(63).negate()}) {
            MarginInputs in = inputs(account(edgeCash()), 10_000);
            in.pos[1].amount = Fr.of(q.signum() < 0 ? Fr.MODULUS.add(q) : q);
            in.commitment = in.nativeCommitment();
            assertRejectedBy(in, "pos[1]/signed64");
        }
        MarginInputs in = inputs(account(edgeCash()), 10_000);
        in.col[0].amount = Fr.of(BigInteger.ONE.shiftLeft(63));
        in.commitment = in.nativeCommitment();
        assertRejectedBy(in, "col[0]/signed64");
    }

    /** q = X / mark mod r makes q * mark = X, a huge "PnL" from a committed (but absurd) quantity. */
    @Test
    void quantityThatWrapsTheField_rejected() {
        MarginInputs in = inputs(account(edgeCash() - 1), 10_000);
        Fr pnl = Fr.of(BigInteger.ONE.shiftLeft(100));
        in.pos[1].amount = pnl.mul(Fr.of(100).inverse()); // ETH mark 100
        in.commitment = in.nativeCommitment();
        assertRejectedBy(in, "pos[1]/signed64");
        in = inputs(account(edgeCash() - 1), 10_000);
        in.col[0].amount = Fr.of(BigInteger.ONE.shiftLeft(200));
        in.commitment = in.nativeCommitment();
        assertRejectedBy(in, "col[0]/signed64");
    }

    @Test
    void collateralLeafInPositionSlot_rejected() {
        MarginInputs in = inputs(account(edgeCash()), 10_000);
        MarginInputs.Slot p = in.pos[3];
        CollateralAsset btcc = table.collateralAt(40).orElseThrow();
        p.leafIndex = Fr.of(40);
        p.amount = Fr.of(1000); // value 1e6 at price 1,000 in full, tiered at 100%: leaves the account at its edge
        p.setLeaf(btcc);
        p.setPath(builder.tree().proof(40));
        in.commitment = in.nativeCommitment();
        assertRejectedBy(in, "pos[3]");
        // and an instrument leaf in a collateral slot
        in = inputs(account(edgeCash()), 10_000);
        MarginInputs.Slot s = in.col[1];
        s.leafIndex = Fr.of(20);
        s.amount = Fr.of(1000);
        s.setLeaf(table.instrumentAt(20).orElseThrow());
        s.setPath(builder.tree().proof(20));
        in.commitment = in.nativeCommitment();
        assertRejectedBy(in, "col[1]");
    }

    /** A prover who claims a losing position's slot is empty through the isZero hint. */
    @Test
    void nonEmptySlotClaimedEmpty_rejectedForEveryHintChoice() {
        MarginInputs in = inputs(account(edgeCash() - 1), 10_000);
        String label = CircuitTester.assertAdversaryRejected(c, in.toAssignment(),
                (name, l, inputs, honest) -> l.startsWith("pos[0]/isZero") ? new Fr[] {Fr.ZERO} : honest);
        assertTrue(label.startsWith("pos[0]") || label.startsWith("health"), label);
        label = CircuitTester.assertAdversaryRejected(c, in.toAssignment(),
                (name, l, inputs, honest) -> l.startsWith("health") ? bitsOf(inputs[0], honest.length) : honest);
        assertTrue(label.startsWith("health"), label);
    }

    /** Low bits of a wrapped (negative) difference: the cheapest lie for the 201-bit check. */
    private static Fr[] bitsOf(Fr x, int n) {
        BigInteger v = x.toBigInteger();
        Fr[] out = new Fr[n];
        for (int i = 0; i < n; i++) out[i] = v.testBit(i) ? Fr.ONE : Fr.ZERO;
        return out;
    }

    /** With every slot in use, no single wire (input or internal) can change alone: each one is bound. */
    @Test
    void fullAccount_noWireIsFree() {
        // a 4th instrument so that all K = 4 slots are used
        List<Instrument> ins = new ArrayList<>(table.instruments());
        ins.add(Instrument.linear("SOL", 50, 20, TierSchedule.flat(20_000)));
        MarketTable t = MarketTable.of(ins, table.collaterals());
        MarginWitnessBuilder b = MarginWitnessBuilder.forTable(9, t);
        AccountState full = AccountState.builder(5).position(10, 200).position(20, 50).position(30, -2)
                .position(50, 7).balance(3, 10_000_000).balance(40, 3).build();
        assertTrue(full.fitsIn(SizeClass.S));
        Witness w = CircuitTester.assertSolves(c, b.assignment(SizeClass.S, full, SALT, Threshold.CALL));
        R1cs r = c.r1cs();
        int inputs = 1 + r.nPublic() + r.nPrvIn();
        for (int wire = 1; wire < inputs; wire++) {
            CircuitTester.assertTamperRejected(c, w, wire, w.get(wire).add(Fr.ONE));
        }
        assertEquals(3 + c.secretInputs().size(), inputs - 1);
        // and no internal wire either (bits, products, hash states): nothing is left to the prover
        CircuitTester.assertNoFreeWires(c, w);
    }

    private static void copyLeaf(MarginInputs.Slot from, MarginInputs.Slot to) {
        to.leafIndex = from.leafIndex;
        to.value = from.value;
        to.som = from.som;
        System.arraycopy(from.floors, 0, to.floors, 0, from.floors.length);
        System.arraycopy(from.rates, 0, to.rates, 0, from.rates.length);
        System.arraycopy(from.risk, 0, to.risk, 0, from.risk.length);
        System.arraycopy(from.siblings, 0, to.siblings, 0, from.siblings.length);
    }
}
