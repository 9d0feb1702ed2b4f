package io.zkmargin.circuits.gadgets;

import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Var;
import io.zkmargin.circuits.Witness;
import io.zkmargin.crypto.field.Fr;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static io.zkmargin.circuits.testing.CircuitTester.*;
import static org.junit.jupiter.api.Assertions.*;

class RangesTest {
    private static final Random RND = new Random(11);
    private static final BigInteger R = Fr.MODULUS;

    private static BigInteger pow2(int n) {
        return BigInteger.ONE.shiftLeft(n);
    }

    private static CompiledCircuit rangeCircuit(int n) {
        return compile(api -> Ranges.rangeCheck(api, api.secretInput("x"), n));
    }

    private static Assignment x(BigInteger v) {
        return Assignment.builder().set("x", v).build();
    }

    @Test
    void rangeCheck_acceptsExactlyNBitValues() {
        for (int n : new int[] {1, 63, 64, 128, 201}) {
            CompiledCircuit c = rangeCircuit(n);
            assertEquals(n + 1, c.r1cs().nConstraints());
            for (BigInteger v : new BigInteger[] {BigInteger.ZERO, pow2(n).subtract(BigInteger.ONE), new BigInteger(n, RND)}) {
                assertTrue(Native.inRange(v, n));
                Witness w = assertSolves(c, x(v));
                assertNoFreeWires(c, w);
            }
        }
    }

    @Test
    void rangeCheck_rejectsTwoToTheNAndRMinusOne() {
        for (int n : new int[] {8, 64, 128}) {
            CompiledCircuit c = rangeCircuit(n);
            assertFalse(Native.inRange(pow2(n), n));
            assertEquals("range" + n + "/toBits" + n, assertRejected(c, x(pow2(n))));
            assertEquals("range" + n + "/toBits" + n, assertRejected(c, x(R.subtract(BigInteger.ONE))));
            // the cheating prover's best try for r - 1: low bits that agree with r - 1 modulo 2^n
            assertAdversaryRejected(c, x(R.subtract(BigInteger.ONE)), (h, l, in, honest) -> honest);
        }
    }

    @Test
    void rangeCheck_tamperOverflowOfTheSolvedWitness_isRejected() {
        CompiledCircuit c = rangeCircuit(64);
        Witness w = assertSolves(c, x(BigInteger.valueOf(5)));
        int xw = wire(c, "x");
        assertTamperRejected(c, w, xw, Fr.of(pow2(64).add(BigInteger.valueOf(5))));
        assertTamperRejected(c, w, xw, Fr.of(5).add(Fr.of(R.subtract(pow2(64))))); // 5 - 2^64 wrapped into the field
    }

    // ------------------------------------------------------------------ signed

    private static CompiledCircuit signedCircuit(int n) {
        return compile(api -> {
            Var sign = api.publicInput("sign");
            Var abs = api.publicInput("abs");
            Ranges.Signed s = Ranges.signed(api, api.secretInput("x"), n);
            api.assertEqual(s.sign(), sign);
            api.assertEqual(s.abs(), abs);
        });
    }

    private static Assignment signed(BigInteger x) {
        return Assignment.builder().set("x", x).set("sign", Native.sign(x)).set("abs", x.abs()).build();
    }

    @Test
    void signed_matchesNative() {
        int n = 64;
        CompiledCircuit c = signedCircuit(n);
        assertEquals(n + 3 + 2, c.r1cs().nConstraints());
        BigInteger max = pow2(n - 1).subtract(BigInteger.ONE);
        for (BigInteger v : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), max, max.negate(),
                BigInteger.valueOf(-140_000), new BigInteger(n - 1, RND), new BigInteger(n - 1, RND).negate()}) {
            assertTrue(Native.inSignedRange(v, n));
            Witness w = assertSolves(c, signed(v));
            assertNoFreeWires(c, w);
            assertEquals(v, Native.signedValue(w.get(wire(c, "x"))));
        }
    }

    @Test
    void signed_zeroHasSignZeroOnly() {
        CompiledCircuit c = signedCircuit(16);
        assertRejected(c, Assignment.builder().set("x", 0).set("sign", 1).set("abs", 0).build());
    }

    @Test
    void signed_rejectsPlusAndMinusTwoToTheNMinusOne() {
        int n = 64;
        CompiledCircuit c = signedCircuit(n);
        BigInteger edge = pow2(n - 1);
        assertFalse(Native.inSignedRange(edge, n));
        assertFalse(Native.inSignedRange(edge.negate(), n));
        assertTrue(assertRejected(c, signed(edge)).startsWith("signed64"));
        assertTrue(assertRejected(c, signed(edge.negate())).startsWith("signed64"));
        assertRejected(c, signed(pow2(100)));
    }

    @Test
    void signed_wrongSignOrAbs_isRejected() {
        CompiledCircuit c = signedCircuit(64);
        assertRejected(c, Assignment.builder().set("x", -5).set("sign", 0).set("abs", 5).build());
        assertRejected(c, Assignment.builder().set("x", -5).set("sign", 1).set("abs", -5).build());
        Witness w = assertSolves(c, signed(BigInteger.valueOf(-5)));
        for (int bit : wiresStartingWith(c, "signed64/toBits64/bit#")) assertTamperRejected(c, w, bit, w.get(bit).add(Fr.ONE));
    }

    // ------------------------------------------------------------------ non-negative 201

    private static final CompiledCircuit NON_NEG = compile(api -> {
        Var a = api.secretInput("a");
        Var b = api.secretInput("b");
        Ranges.assertNonNegative201(api, api.sub(a, b));
    });

    private static Assignment diff(BigInteger a, BigInteger b) {
        return Assignment.builder().set("a", a).set("b", b).build();
    }

    @Test
    void nonNegative201_acceptsZeroAndLargeHonestDifferences() {
        assertEquals(202, NON_NEG.r1cs().nConstraints());
        BigInteger big = pow2(200).add(BigInteger.valueOf(12345));
        for (BigInteger[] ab : new BigInteger[][] {{BigInteger.TEN, BigInteger.TEN}, {big, BigInteger.ONE},
                {pow2(201).subtract(BigInteger.ONE), BigInteger.ZERO}}) {
            assertTrue(Native.nonNegative201(ab[0].subtract(ab[1])));
            Witness w = assertSolves(NON_NEG, diff(ab[0], ab[1]));
            assertNoFreeWires(NON_NEG, w);
        }
    }

    @Test
    void nonNegative201_rejectsMinusOneThatWrapsToRMinusOne() {
        assertFalse(Native.nonNegative201(BigInteger.valueOf(-1)));
        assertEquals("nonNegative201/toBits201", assertRejected(NON_NEG, diff(BigInteger.TEN, BigInteger.valueOf(11))));
        assertRejected(NON_NEG, diff(BigInteger.ZERO, pow2(199)));
        // tamper a valid witness so the difference becomes -1
        Witness w = assertSolves(NON_NEG, diff(BigInteger.TEN, BigInteger.TEN));
        assertTamperRejected(NON_NEG, w, "b", Fr.of(11));
    }
}
