package io.zkmargin.circuits.gadgets;

import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Var;
import io.zkmargin.circuits.Witness;
import io.zkmargin.crypto.field.Fr;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static io.zkmargin.circuits.testing.CircuitTester.*;
import static org.junit.jupiter.api.Assertions.*;

class ConditionalsTest {
    private static final CompiledCircuit SELECT = compile(api -> {
        Var out = api.publicInput("out");
        Var c = Booleans.asBoolean(api, api.secretInput("c"));
        api.assertEqual(Conditionals.select(api, c, api.secretInput("a"), api.secretInput("b")), out);
    });

    @Test
    void select_matchesNative() {
        assertEquals(3, SELECT.r1cs().nConstraints());
        for (int c = 0; c <= 1; c++) {
            BigInteger r = Native.select(c, BigInteger.valueOf(11), BigInteger.valueOf(22));
            Witness w = assertSolves(SELECT, Assignment.builder().set("c", c).set("a", 11).set("b", 22).set("out", r).build());
            assertNoFreeInternalWires(SELECT, w); // the unselected input is free, as it should be
            assertRejected(SELECT, Assignment.builder().set("c", c).set("a", 11).set("b", 22)
                    .set("out", r.intValue() == 11 ? 22 : 11).build());
        }
        // a non-boolean condition interpolates (5 * 11 + (1 - 5) * 22); asBoolean rejects it
        assertRejected(SELECT, Assignment.builder().set("c", 5).set("a", 11).set("b", 22).set("out", 55 - 88).build());
    }

    private static CompiledCircuit muxCircuit(int n) {
        return compile(api -> {
            Var out = api.publicInput("out");
            Var idx = api.secretInput("i");
            api.assertEqual(Conditionals.mux(api, idx, api.secretInputs("v", n)), out);
        });
    }

    @Test
    void mux_matchesNativeForEveryIndex() {
        int n = 5;
        CompiledCircuit c = muxCircuit(n);
        assertEquals(2 * n + 2 + 1, c.r1cs().nConstraints());
        long[] vals = {10, 20, 30, 40, 50};
        BigInteger[] bv = new BigInteger[n];
        for (int i = 0; i < n; i++) bv[i] = BigInteger.valueOf(vals[i]);
        for (int i = 0; i < n; i++) {
            Witness w = assertSolves(c, Assignment.builder().set("i", i).set("v", vals).set("out", Native.mux(i, bv)).build());
            assertNoFreeInternalWires(c, w);
            assertRejected(c, Assignment.builder().set("i", i).set("v", vals).set("out", vals[(i + 1) % n]).build());
        }
    }

    @Test
    void mux_indexOutOfRangeHasNoWitness() {
        CompiledCircuit c = muxCircuit(4);
        long[] vals = {1, 2, 3, 4};
        assertTrue(assertRejected(c, Assignment.builder().set("i", 4).set("v", vals).set("out", 0).build()).startsWith("mux4"));
        assertRejected(c, Assignment.builder().set("i", -1).set("v", vals).set("out", 0).build());
        // a cheating prover who picks two hot entries (0 and 3) to claim index 3 and value 1 + 4
        assertAdversaryRejected(c, Assignment.builder().set("i", 3).set("v", vals).set("out", 5).build(),
                (h, l, in, honest) -> new Fr[] {Fr.ONE, Fr.ZERO, Fr.ZERO, Fr.ONE});
        // or half of two entries: not boolean
        Fr half = Fr.of(2).inverse();
        assertAdversaryRejected(c, Assignment.builder().set("i", 2).set("v", vals).set("out", 3).build(),
                (h, l, in, honest) -> new Fr[] {Fr.ZERO, half, Fr.ZERO, half});
    }

    @Test
    void mux_constantValuesCostNoProducts() {
        CompiledCircuit c = compile(api -> {
            Var idx = api.secretInput("i");
            api.assertEqual(Conditionals.mux(api, idx, api.constant(7), api.constant(8), api.constant(9)), api.publicInput("out"));
        });
        assertEquals(3 + 2 + 1, c.r1cs().nConstraints());
        assertSolves(c, Assignment.builder().set("i", 2).set("out", 9).build());
    }

    @Test
    void assertEqualIf_bindsOnlyWhenConditionIsOne() {
        CompiledCircuit c = compile(api -> {
            Var cond = Booleans.asBoolean(api, api.secretInput("c"));
            Conditionals.assertEqualIf(api, cond, api.secretInput("a"), api.secretInput("b"));
        });
        assertEquals(2, c.r1cs().nConstraints());
        assertSolves(c, Assignment.builder().set("c", 1).set("a", 4).set("b", 4).build());
        assertSolves(c, Assignment.builder().set("c", 0).set("a", 4).set("b", 5).build());
        assertRejected(c, Assignment.builder().set("c", 1).set("a", 4).set("b", 5).build());
    }
}
