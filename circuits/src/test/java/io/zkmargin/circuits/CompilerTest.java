package io.zkmargin.circuits;

import io.zkmargin.crypto.field.Fr;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CompilerTest {
    /** z = x * y + 3 (public z), with a scope and a division. */
    private static final Circuit PRODUCT = api -> {
        Var z = api.publicInput("z");
        Var x = api.secretInput("x");
        Var y = api.secretInput("y");
        try (Scope s = api.scope("prod")) {
            Var p = api.mul(x, y);
            api.assertEqual(z, api.add(p, api.constant(3)));
        }
    };

    private static Assignment assign(long z, long x, long y) {
        return Assignment.builder().set("z", z).set("x", x).set("y", y).build();
    }

    @Test
    void wiresAreOnePublicSecretInternal() {
        CompiledCircuit c = Compiler.compile(PRODUCT);
        R1cs r = c.r1cs();
        assertEquals(5, r.nWires());
        assertEquals(1, r.nPublic());
        assertEquals(2, r.nPrvIn());
        assertEquals(2, r.nConstraints());
        assertEquals("z", r.wireName(1));
        assertEquals("x", r.wireName(2));
        assertEquals("prod/mul#0", r.wireName(4));
        assertEquals(List.of("z"), c.publicInputs());
        assertEquals("prod", r.constraintLabel(0));
    }

    @Test
    void inputsDeclaredAfterInternalWiresStillComeFirst() {
        CompiledCircuit c = Compiler.compile(api -> {
            Var x = api.secretInput("x");
            Var sq = api.mul(x, x);
            Var pub = api.publicInput("p");
            api.assertEqual(sq, pub);
        });
        assertEquals("p", c.r1cs().wireName(1));
        assertEquals("x", c.r1cs().wireName(2));
        Witness w = c.solve(Assignment.builder().set("x", 7).set("p", 49).build());
        assertEquals(Fr.of(49), w.get(1));
        assertEquals(Fr.of(49), w.get(3));
    }

    @Test
    void validAssignment_solvesAndSatisfies() {
        CompiledCircuit c = Compiler.compile(PRODUCT);
        Witness w = c.solve(assign(6 * 7 + 3, 6, 7));
        assertTrue(c.r1cs().isSatisfied(w));
        assertEquals(List.of(Fr.of(45)), w.publicValues());
        assertEquals(Fr.of(42), w.get(4));
    }

    @Test
    void wrongPublicValue_reportsLabelAndWiresWithoutValues() {
        CompiledCircuit c = Compiler.compile(PRODUCT);
        UnsatisfiedConstraintException e = assertThrows(UnsatisfiedConstraintException.class,
                () -> c.solve(assign(123456789, 6, 7)));
        assertEquals(1, e.constraint());
        assertEquals("prod", e.label());
        assertTrue(e.getMessage().contains("1 z"), e.getMessage());
        assertFalse(e.getMessage().contains("123456789"), e.getMessage());
    }

    @Test
    void tamperedInternalWire_isCaughtByChecker() {
        CompiledCircuit c = Compiler.compile(PRODUCT);
        Witness w = c.solve(assign(45, 6, 7));
        Witness bad = w.with(4, Fr.of(43));
        assertEquals(0, c.r1cs().firstUnsatisfied(bad));
        assertFalse(bad.toString().contains("43"));
    }

    @Test
    void constantsFoldWithoutConstraints() {
        CompiledCircuit c = Compiler.compile(api -> {
            Var x = api.secretInput("x");
            Var y = api.mul(api.mul(x, 5), api.constant(3));
            Var k = api.mul(api.constant(4), api.constant(5));
            api.assertEqual(api.add(y, k), api.publicInput("out"));
            api.assertEqual(k, api.constant(20));
        });
        assertEquals(1, c.r1cs().nConstraints());
        Witness w = c.solve(Assignment.builder().set("x", 2).set("out", 50).build());
        assertEquals(Fr.of(50), w.get(1));
    }

    @Test
    void falseConstantAssertion_throwsAtCompileTime() {
        assertThrows(IllegalStateException.class,
                () -> Compiler.compile(api -> api.assertEqual(api.constant(1), api.constant(2))));
        assertThrows(IllegalStateException.class,
                () -> Compiler.compile(api -> api.assertBoolean(api.constant(2))));
    }

    @Test
    void div_solvesAndRejectsZeroDivisor() {
        CompiledCircuit c = Compiler.compile(api -> {
            Var a = api.secretInput("a");
            Var b = api.secretInput("b");
            api.assertEqual(api.div(a, b), api.publicInput("q"));
        });
        assertEquals(3, c.r1cs().nConstraints());
        Fr third = Fr.of(10).mul(Fr.of(3).inverse());
        Witness w = c.solve(Assignment.builder().set("a", 10).set("b", 3).set("q", third).build());
        assertTrue(c.r1cs().isSatisfied(w));
        SolverException e = assertThrows(SolverException.class,
                () -> c.solve(Assignment.builder().set("a", 0).set("b", 0).set("q", 5).build()));
        assertTrue(e.getMessage().contains("division by zero"));
    }

    @Test
    void divUnchecked_zeroOverZeroLeavesQuotientFree() {
        CompiledCircuit c = Compiler.compile(api -> {
            Var a = api.secretInput("a");
            Var b = api.secretInput("b");
            api.assertEqual(api.divUnchecked(a, b), api.publicInput("q"));
        });
        assertEquals(2, c.r1cs().nConstraints());
        Witness w = c.solve(Assignment.builder().set("a", 0).set("b", 0).set("q", 0).build());
        // the documented weakness: any quotient satisfies b * q = a when a = b = 0
        assertTrue(c.r1cs().isSatisfied(w.with(1, Fr.of(9)).with(4, Fr.of(9))));
    }

    @Test
    void missingOrUnknownInput_throwsClearly() {
        CompiledCircuit c = Compiler.compile(PRODUCT);
        SolverException e1 = assertThrows(SolverException.class,
                () -> c.solve(Assignment.builder().set("z", 1).set("x", 1).build()));
        assertTrue(e1.getMessage().contains("y"));
        SolverException e2 = assertThrows(SolverException.class,
                () -> c.solve(Assignment.builder().set("z", 1).set("x", 1).set("y", 1).set("w", 1).build()));
        assertTrue(e2.getMessage().contains("w"));
    }

    @Test
    void duplicateInputName_throws() {
        assertThrows(IllegalArgumentException.class, () -> Compiler.compile(api -> {
            api.secretInput("x");
            api.publicInput("x");
        }));
    }

    @Test
    void failingHint_isReportedWithItsLabel() {
        CompiledCircuit c = Compiler.compile(api -> {
            Var x = api.secretInput("x");
            try (Scope s = api.scope("g")) {
                Var[] h = api.hint("boom", 1, in -> {
                    throw new IllegalArgumentException("no answer");
                }, x);
                api.assertEqual(h[0], x);
            }
        });
        SolverException e = assertThrows(SolverException.class, () -> c.solve(Assignment.builder().set("x", 1).build()));
        assertEquals("g", e.label());
        assertTrue(e.getMessage().contains("boom"));
    }

    @Test
    void summary_countsPerLabel() {
        CompiledCircuit c = Compiler.compile(api -> {
            Var x = api.secretInput("x");
            try (Scope s = api.scope("outer")) {
                try (Scope t = api.scope("inner")) {
                    api.assertBoolean(x);
                    api.assertBoolean(api.sub(api.one(), x));
                }
                api.assertNonZero(api.add(x, api.one()));
            }
        });
        assertEquals(2, c.r1cs().constraintsPerLabel().get("outer/inner"));
        assertEquals(1, c.r1cs().constraintsPerLabel().get("outer"));
        assertTrue(c.summary().contains("outer/inner"));
        assertTrue(c.summary().startsWith("R1CS: 3 constraints"));
    }

    @Test
    void matrixIsSparseCsrInWireOrder() {
        CompiledCircuit c = Compiler.compile(PRODUCT);
        R1cs.Matrix a = c.r1cs().a();
        // constraint 1: (z - p - 3) * 1 = 0, terms sorted by wire id: one, z, p
        int s = a.rowStart(1), e = a.rowStart(2);
        assertEquals(3, e - s);
        assertArrayEquals(new int[] {0, 1, 4}, java.util.Arrays.copyOfRange(a.wires(), s, e));
        assertEquals(Fr.of(-3), a.coeff(s));
        assertEquals(Fr.ONE, a.coeff(s + 1));
        assertEquals(Fr.of(-1), a.coeff(s + 2));
        assertEquals(Fr.reduce(BigInteger.valueOf(-1)), a.coeff(s + 2));
    }

    @Test
    void compilingTwice_givesTheSameSystem() {
        // keys made at setup must match the system the prover compiles later
        Circuit c = api -> {
            Var[] xs = api.secretInputs("x", 5);
            Var acc = api.one();
            for (Var x : xs) acc = api.mul(acc, api.add(x, api.constant(3)));
            api.assertEqual(acc, api.publicInput("p"));
        };
        R1cs a = Compiler.compile(c).r1cs(), b = Compiler.compile(c).r1cs();
        assertEquals(a, b);
        assertEquals(a.summary(), b.summary());
        assertArrayEquals(a.a().montCoeffs(), b.a().montCoeffs());
    }

    @Test
    void witnessAndAssignmentToStringHideValues() {
        Assignment a = assign(987654321, 6, 7);
        assertFalse(a.toString().contains("987654321"));
        Witness w = Compiler.compile(PRODUCT).solveUnchecked(a);
        assertFalse(w.toString().contains("987654321"));
    }
}
