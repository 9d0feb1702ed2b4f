package io.zkmargin.circuits.margin;

import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.Salt;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.Threshold;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Compiler;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.testing.CircuitTester;
import io.zkmargin.crypto.field.Fr;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked examples of MARGIN-MODEL.md through the circuit, public-input order, and the constraint counts. */
class MarginCircuitTest {
    private static final Salt SALT = Salt.random(new SecureRandom());

    /** Example 1 (dYdX v4 cross margin, flat 3%): largest provable f = 20,933. */
    static MarketTable example1Table() {
        TierSchedule mm = TierSchedule.flat(30_000);
        return MarketTable.of(
                List.of(Instrument.linear("BTC-USD", 5, 58_000, mm), Instrument.linear("ETH-USD", 9, 3_100, mm)),
                List.of(CollateralAsset.of("USDC", 2, 1, TierSchedule.flat(1_000_000))));
    }

    static AccountState example1Account() {
        return AccountState.builder(7).sequence(3).position(5, 5).position(9, -40).balance(2, -140_000).build();
    }

    @Test
    void example1_satisfiableAt20933_notAt20934() {
        MarginWitnessBuilder b = MarginWitnessBuilder.forTable(11, example1Table());
        CompiledCircuit c = MarginCircuit.compiled(SizeClass.S);
        for (int f : new int[] {12_000, 20_900, 20_933}) {
            Assignment a = b.assignment(SizeClass.S, example1Account(), SALT, Threshold.ofBps(f));
            Witness w = CircuitTester.assertSolves(c, a);
            assertEquals(Fr.of(f), w.get(3));
        }
        CommitmentOpening o = CommitmentOpening.of(example1Account(), SizeClass.S, SALT);
        for (int f : new int[] {20_934, 21_000}) {
            String label = CircuitTester.assertRejected(c, b.inputsUnchecked(o, f).toAssignment());
            assertTrue(label.startsWith("health"), label);
        }
    }

    /** Example 4 (SPAN): short one put and one call, marks 698 and 1,125: healthy at 10,000 iff cash >= 3,987. */
    @Test
    void example4_scanRisk_cashEdge() {
        long[] put = {-338, 342, -68, 482, -687, 128, 136, 570, -1133, -191, 290, 623, -1695, -648, 225, -1295};
        long[] call = {-459, 491, -1009, 126, -16, 746, -1672, -373, 330, 912, -2454, -1023, 592, 1014, -1654, 378};
        MarketTable t = MarketTable.of(
                List.of(Instrument.of("P50000", 100, 698, TierSchedule.none(), put, 0),
                        Instrument.of("C70000", 101, 1_125, TierSchedule.none(), call, 0)),
                List.of(CollateralAsset.of("USD", 1, 1, TierSchedule.flat(1_000_000))));
        MarginWitnessBuilder b = MarginWitnessBuilder.forTable(4, t);
        CompiledCircuit c = MarginCircuit.compiled(SizeClass.S);
        AccountState ok = AccountState.builder(1).position(100, -1).position(101, -1).balance(1, 3_987).build();
        CircuitTester.assertSolves(c, b.assignment(SizeClass.S, ok, SALT, Threshold.CALL));
        AccountState short1 = AccountState.builder(1).position(100, -1).position(101, -1).balance(1, 3_986).build();
        CommitmentOpening o = CommitmentOpening.of(short1, SizeClass.S, SALT);
        String label = CircuitTester.assertRejected(c, b.inputsUnchecked(o, 10_000).toAssignment());
        assertTrue(label.startsWith("health"), label);
    }

    @Test
    void publicInputs_inStatementOrder() {
        CompiledCircuit c = MarginCircuit.compiled(SizeClass.S);
        assertEquals(List.of("accountCommitment", "epochDigest", "thresholdBps"), c.publicInputs());
        assertEquals(3, c.r1cs().nPublic());
    }

    /** Input layout per slot (independent of the compiler): 39 inputs per position slot, 22 per collateral slot. */
    @Test
    void counts_allSizeClasses() {
        int previous = 0;
        for (SizeClass sc : SizeClass.values()) {
            // L is compiled but not cached: its R1CS alone holds millions of terms
            CompiledCircuit c = sc == SizeClass.L ? Compiler.compile(MarginCircuit.of(sc)) : MarginCircuit.compiled(sc);
            int k = sc.positionSlots(), j = sc.collateralSlots();
            int position = 4 + (MarginCircuit.TIERS - 1) + MarginCircuit.TIERS + MarginCircuit.SCENARIOS + MarginCircuit.DEPTH;
            int collateral = 3 + (MarginCircuit.TIERS - 1) + MarginCircuit.TIERS + MarginCircuit.DEPTH;
            assertEquals(5 + k * position + j * collateral, c.secretInputs().size(), sc.name());
            assertEquals(3, c.r1cs().nPublic());
            // every slot costs at least its Merkle path (12 Poseidon(2) of 240 constraints)
            int n = c.r1cs().nConstraints();
            assertTrue(n > (k + j) * 12 * 240 && n > previous, sc.name());
            previous = n;
            System.out.println("margin " + sc + ": " + n + " constraints, " + c.r1cs().nWires() + " wires");
        }
    }
}
