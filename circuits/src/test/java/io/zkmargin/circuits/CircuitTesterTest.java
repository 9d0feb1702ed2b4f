package io.zkmargin.circuits;

import io.zkmargin.circuits.testing.CircuitTester;
import io.zkmargin.crypto.field.Fr;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The harness itself must be able to fail: each check is shown catching a broken circuit. */
class CircuitTesterTest {
    /** Claims out = x * y but forgets to constrain the product: out is free. */
    private static final CompiledCircuit MISSING_CONSTRAINT = Compiler.compile(api -> {
        Var out = api.publicInput("out");
        Var x = api.secretInput("x");
        Var y = api.secretInput("y");
        Var[] p = api.hint("product", 1, in -> new Fr[] {in[0].mul(in[1])}, x, y);
        api.assertEqual(p[0], out);
    });

    private static final CompiledCircuit SOUND = Compiler.compile(api -> {
        Var out = api.publicInput("out");
        api.assertEqual(api.mul(api.secretInput("x"), api.secretInput("y")), out);
    });

    private static Assignment assign(long out, long x, long y) {
        return Assignment.builder().set("out", out).set("x", x).set("y", y).build();
    }

    @Test
    void freeWires_findsTheUnconstrainedHintOutput() {
        Witness w = CircuitTester.assertSolves(MISSING_CONSTRAINT, assign(12, 3, 4));
        // nothing ties x and y to the product, so each can change alone
        assertEquals(List.of("x", "y"), CircuitTester.freeWires(MISSING_CONSTRAINT, w));
        assertThrows(AssertionError.class, () -> CircuitTester.assertNoFreeWires(MISSING_CONSTRAINT, w));
        Witness ok = CircuitTester.assertSolves(SOUND, assign(12, 3, 4));
        CircuitTester.assertNoFreeWires(SOUND, ok);
    }

    @Test
    void adversary_passesAFalseStatementThroughTheBrokenCircuit() {
        // x * y = 12 but the cheat claims 13 by choosing the hint output
        assertThrows(AssertionError.class, () -> CircuitTester.assertAdversaryRejected(MISSING_CONSTRAINT, assign(13, 3, 4),
                (h, l, in, honest) -> new Fr[] {Fr.of(13)}));
        CircuitTester.assertRejected(SOUND, assign(13, 3, 4));
    }

    @Test
    void assertSolves_failsOnAnUnsatisfiedAssignment() {
        AssertionError e = assertThrows(AssertionError.class, () -> CircuitTester.assertSolves(SOUND, assign(13, 3, 4)));
        assertTrue(e.getMessage().contains("constraint #1"), e.getMessage());
    }

    @Test
    void tamper_thatStillSatisfiesIsReported() {
        Witness w = CircuitTester.assertSolves(MISSING_CONSTRAINT, assign(12, 3, 4));
        assertThrows(AssertionError.class, () -> CircuitTester.assertTamperRejected(MISSING_CONSTRAINT, w, "x", Fr.of(5)));
        Witness ok = CircuitTester.assertSolves(SOUND, assign(12, 3, 4));
        CircuitTester.assertTamperRejected(SOUND, ok, "x", Fr.of(5));
    }

    @Test
    void misspeltInput_isNotCountedAsARejection() {
        Assignment typo = Assignment.builder().set("out", 13).set("x", 3).set("yy", 4).build();
        AssertionError e = assertThrows(AssertionError.class, () -> CircuitTester.assertRejected(SOUND, typo));
        assertTrue(e.getMessage().contains("yy"));
    }
}
