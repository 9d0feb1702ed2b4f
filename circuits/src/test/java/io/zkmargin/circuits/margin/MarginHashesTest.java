package io.zkmargin.circuits.margin;

import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.market.MarketLeaf;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.Salt;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.circuits.Api;
import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Var;
import io.zkmargin.circuits.testing.CircuitTester;
import io.zkmargin.crypto.field.Fr;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The in-circuit leaf hash and account commitment equal the api module's native ones. */
class MarginHashesTest {
    private static Var[] inputs(Api api, String name, int n) {
        return api.secretInputs(name, n);
    }

    /** A circuit that exposes the in-circuit leaf hash as its public output-like input "h". */
    private static CompiledCircuit leafCircuit(boolean instrument) {
        return CircuitTester.compile(api -> {
            Var h = api.publicInput("h");
            Var value = api.secretInput("value");
            Var som = instrument ? api.secretInput("som") : api.zero();
            Var[] floors = new Var[MarginCircuit.TIERS];
            floors[0] = api.zero();
            for (int t = 1; t < floors.length; t++) floors[t] = api.secretInput("floor[" + t + "]");
            Var[] rates = inputs(api, "rate", MarginCircuit.TIERS);
            Var[] risk = instrument ? inputs(api, "risk", MarginCircuit.SCENARIOS) : null;
            api.assertEqual(MarginCircuit.leafHash(api, instrument, value, som, floors, rates, risk), h);
        });
    }

    private static Assignment leafAssignment(Fr hash, MarginInputs.Slot s, boolean instrument) {
        Assignment.Builder a = Assignment.builder().set("h", hash).set("value", s.value);
        if (instrument) a.set("som", s.som).set("risk", s.risk);
        for (int t = 1; t < MarginCircuit.TIERS; t++) a.set("floor[" + t + "]", s.floors[t]);
        return a.set("rate", s.rates).build();
    }

    @Test
    void instrumentLeaf_nativeEqualsInCircuit() {
        long[] ra = {-338, 342, -68, 482, -687, 128, 136, 570, -1133, -191, 290, 623, -1695, -648, 225, Long.MAX_VALUE};
        Instrument ins = Instrument.of("X", 7, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
                TierSchedule.of(List.of(BigInteger.ZERO, BigInteger.TEN, BigInteger.ONE.shiftLeft(127)), List.of(1, 2, 1_000_000)),
                java.util.Arrays.stream(ra).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new), BigInteger.valueOf(99));
        MarginInputs.Slot s = new MarginInputs.Slot();
        s.setLeaf(ins);
        CompiledCircuit c = leafCircuit(true);
        CircuitTester.assertSolves(c, leafAssignment(MarketLeaf.hash(ins), s, true));
        CircuitTester.assertRejected(c, leafAssignment(MarketLeaf.hash(ins).add(Fr.ONE), s, true));
    }

    @Test
    void collateralLeaf_nativeEqualsInCircuit() {
        CollateralAsset col = CollateralAsset.of("C", 3, 123_456_789,
                TierSchedule.of(new long[] {0, 100_000_000, 120_000_000}, new int[] {1_000_000, 975_000, 950_000}));
        MarginInputs.Slot s = new MarginInputs.Slot();
        s.setLeaf(col);
        CompiledCircuit c = leafCircuit(false);
        CircuitTester.assertSolves(c, leafAssignment(MarketLeaf.hash(col), s, false));
        CircuitTester.assertRejected(c, leafAssignment(MarketLeaf.hash(col).add(Fr.ONE), s, false));
    }

    @Test
    void commitment_nativeEqualsInCircuit_allSizeClasses() {
        Salt salt = Salt.random(new SecureRandom());
        AccountState a = AccountState.builder(Long.MAX_VALUE).sequence(12).position(4095, Long.MAX_VALUE)
                .position(0, -Long.MAX_VALUE).position(17, -3).balance(1, -5).build();
        for (SizeClass sc : SizeClass.values()) {
            CommitmentOpening o = CommitmentOpening.of(a, sc, salt);
            int k = sc.positionSlots(), j = sc.collateralSlots();
            CompiledCircuit c = CircuitTester.compile(api -> {
                Var h = api.publicInput("h");
                Var id = api.secretInput("id"), seq = api.secretInput("seq"), sl = api.secretInput("salt");
                api.assertEqual(MarginCircuit.commitmentHash(api, id, seq, sl, inputs(api, "pl", k), inputs(api, "q", k),
                        inputs(api, "cl", j), inputs(api, "b", j)), h);
            });
            Assignment.Builder as = Assignment.builder().set("h", o.commitment().value()).set("id", a.accountId())
                    .set("seq", a.sequence()).set("salt", salt.expose()).set("q", o.quantities()).set("b", o.balances());
            int[] pl = o.positionLeaves(), cl = o.collateralLeaves();
            for (int i = 0; i < k; i++) as.set("pl[" + i + "]", pl[i]);
            for (int i = 0; i < j; i++) as.set("cl[" + i + "]", cl[i]);
            CircuitTester.assertSolves(c, as.build());
            // and the test helper used by the soundness tests agrees too
            MarginInputs in = MarginWitnessBuilder.forTable(1, MarginCircuitTest.example1Table()).inputsUnchecked(
                    CommitmentOpening.of(MarginCircuitTest.example1Account(), sc, salt), 0);
            assertEquals(CommitmentOpening.of(MarginCircuitTest.example1Account(), sc, salt).commitment().value(),
                    in.nativeCommitment());
        }
    }
}
