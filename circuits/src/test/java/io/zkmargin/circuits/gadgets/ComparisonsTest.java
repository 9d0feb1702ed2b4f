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

class ComparisonsTest {
    private static final Random RND = new Random(13);

    private static CompiledCircuit cmp(int n, boolean checked, boolean orEqual) {
        return compile(api -> {
            Var out = api.publicInput("out");
            Var a = api.secretInput("a");
            Var b = api.secretInput("b");
            Var r = checked
                    ? (orEqual ? Comparisons.lessOrEqual(api, a, b, n) : Comparisons.lessThan(api, a, b, n))
                    : (orEqual ? Comparisons.lessOrEqualUnchecked(api, a, b, n) : Comparisons.lessThanUnchecked(api, a, b, n));
            api.assertEqual(r, out);
        });
    }

    private static Assignment ab(BigInteger a, BigInteger b, int out) {
        return Assignment.builder().set("a", a).set("b", b).set("out", out).build();
    }

    @Test
    void lessThanAndLessOrEqual_matchNative() {
        for (int n : new int[] {8, 64, 128}) {
            for (boolean checked : new boolean[] {true, false}) {
                CompiledCircuit lt = cmp(n, checked, false), le = cmp(n, checked, true);
                assertEquals(checked ? 3 * n + 5 : n + 3, lt.r1cs().nConstraints());
                BigInteger top = BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE);
                BigInteger[][] cases = {{BigInteger.ZERO, BigInteger.ZERO}, {BigInteger.ZERO, top}, {top, BigInteger.ZERO},
                        {top, top}, {new BigInteger(n, RND), new BigInteger(n, RND)}, {BigInteger.valueOf(5), BigInteger.valueOf(6)}};
                for (BigInteger[] c : cases) {
                    Witness w = assertSolves(lt, ab(c[0], c[1], Native.lessThan(c[0], c[1])));
                    assertSolves(le, ab(c[0], c[1], Native.lessOrEqual(c[0], c[1])));
                    if (c == cases[4]) assertNoFreeWires(lt, w);
                    assertRejected(lt, ab(c[0], c[1], 1 - Native.lessThan(c[0], c[1])));
                    assertRejected(le, ab(c[0], c[1], 1 - Native.lessOrEqual(c[0], c[1])));
                }
            }
        }
    }

    @Test
    void lessThan_rejectsWrappedClaim() {
        int n = 64;
        CompiledCircuit lt = cmp(n, false, false);
        // claim 7 < 6: the prover would need y = 7 - 6 + 2^64 with top bit 0, i.e. bits that sum to y - 2^64
        Assignment a = ab(BigInteger.valueOf(7), BigInteger.valueOf(6), 1);
        assertRejected(lt, a);
        String label = assertAdversaryRejected(lt, a, (h, l, in, honest) -> {
            honest[n] = Fr.ZERO;
            return honest;
        });
        assertEquals("lt64/toBits65", label);
        // moving the top bit's weight into bit 0 keeps the sum right but bit 0 is no longer boolean
        assertEquals("lt64/toBits65", assertAdversaryRejected(lt, a, (h, l, in, honest) -> {
            honest[n] = Fr.ZERO;
            honest[0] = honest[0].add(Fr.of(BigInteger.ONE.shiftLeft(n)));
            return honest;
        }));
    }

    @Test
    void checkedLessThan_rejectsOutOfRangeInputsThatWouldWrap() {
        int n = 64;
        CompiledCircuit lt = cmp(n, true, false);
        // a = -1 (r - 1) reads as "less than 5" in the unchecked gadget; the checked gadget refuses a
        BigInteger minusOne = Fr.MODULUS.subtract(BigInteger.ONE);
        assertTrue(assertRejected(lt, ab(minusOne, BigInteger.valueOf(5), 1)).startsWith("lessThan64/range64"));
        assertRejected(lt, ab(minusOne, BigInteger.valueOf(5), 0));
        assertRejected(lt, ab(BigInteger.ONE.shiftLeft(n), BigInteger.valueOf(5), 0));
        Witness w = assertSolves(lt, ab(BigInteger.valueOf(3), BigInteger.valueOf(5), 1));
        assertTamperRejected(lt, w, "a", Fr.of(-1));
    }

    @Test
    void assertLessOrEqualUnchecked_acceptsEqualRejectsGreater() {
        CompiledCircuit c = compile(api -> Comparisons.assertLessOrEqualUnchecked(api, api.secretInput("a"), api.secretInput("b"), 64));
        assertEquals(65, c.r1cs().nConstraints());
        assertSolves(c, Assignment.builder().set("a", 9).set("b", 9).build());
        assertRejected(c, Assignment.builder().set("a", 10).set("b", 9).build());
    }

    private static final CompiledCircuit IS_ZERO = compile(api -> {
        Var out = api.publicInput("out");
        api.assertEqual(Comparisons.isZero(api, api.secretInput("x")), out);
    });

    @Test
    void isZero_matchesNativeAndOnlyTheInverseHintIsFreeAtZero() {
        assertEquals(3, IS_ZERO.r1cs().nConstraints());
        for (long v : new long[] {0, 1, -1, 123456789}) {
            BigInteger bv = BigInteger.valueOf(v);
            Witness w = assertSolves(IS_ZERO, Assignment.builder().set("x", v).set("out", Native.isZero(bv)).build());
            if (v == 0) assertNoFreeWires(IS_ZERO, w, "isZero/inv#0");
            else assertNoFreeWires(IS_ZERO, w);
            assertRejected(IS_ZERO, Assignment.builder().set("x", v).set("out", 1 - Native.isZero(bv)).build());
        }
        // a cheating prover with a zero "inverse" for x != 0 would get out = 1; x * out = 0 stops it
        assertAdversaryRejected(IS_ZERO, Assignment.builder().set("x", 5).set("out", 1).build(),
                (h, l, in, honest) -> new Fr[] {Fr.ZERO});
    }

    @Test
    void isEqual_matchesNative() {
        CompiledCircuit c = compile(api -> {
            Var out = api.publicInput("out");
            api.assertEqual(Comparisons.isEqual(api, api.secretInput("a"), api.secretInput("b")), out);
        });
        for (long[] p : new long[][] {{3, 3}, {3, 4}, {0, -1}}) {
            int e = Native.isEqual(BigInteger.valueOf(p[0]), BigInteger.valueOf(p[1]));
            assertSolves(c, Assignment.builder().set("a", p[0]).set("b", p[1]).set("out", e).build());
            assertRejected(c, Assignment.builder().set("a", p[0]).set("b", p[1]).set("out", 1 - e).build());
        }
    }
}
