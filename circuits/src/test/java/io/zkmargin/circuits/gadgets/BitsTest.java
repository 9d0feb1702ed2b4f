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

class BitsTest {
    private static final Random RND = new Random(7);

    /** Secret x, its n bits exposed as public inputs. */
    private static CompiledCircuit toBitsCircuit(int n) {
        return compile(api -> {
            Var[] expected = api.publicInputs("bit", n);
            Var x = api.secretInput("x");
            Var[] bits = Bits.toBits(api, x, n);
            for (int i = 0; i < n; i++) api.assertEqual(bits[i], expected[i]);
        });
    }

    private static Assignment bitsAssignment(BigInteger x, int n) {
        int[] nb = Native.toBits(x, n);
        Assignment.Builder b = Assignment.builder().set("x", x);
        for (int i = 0; i < n; i++) b.set("bit[" + i + "]", nb[i]);
        return b.build();
    }

    @Test
    void toBits_matchesNativeForRandomValues() {
        for (int n : new int[] {1, 8, 64, 200, 253}) {
            CompiledCircuit c = toBitsCircuit(n);
            assertEquals(2L * n + 1, c.r1cs().nConstraints()); // n booleans + recomposition + n equalities
            for (int t = 0; t < 5; t++) {
                BigInteger x = new BigInteger(n, RND);
                Witness w = assertSolves(c, bitsAssignment(x, n));
                assertEquals(x, Native.fromBits(Native.toBits(x, n)));
                if (t == 0) assertNoFreeWires(c, w);
            }
        }
    }

    @Test
    void toBits_costIsNPlusOne() {
        for (int n : new int[] {1, 64, 253}) {
            CompiledCircuit c = compile(api -> Bits.toBits(api, api.secretInput("x"), n));
            assertEquals(n + 1, c.r1cs().nConstraints());
        }
    }

    @Test
    void toBits_edgeValues() {
        int n = 16;
        CompiledCircuit c = toBitsCircuit(n);
        assertSolves(c, bitsAssignment(BigInteger.ZERO, n));
        assertSolves(c, bitsAssignment(BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE), n));
    }

    @Test
    void toBits_rejectsTwoToTheNAndMinusOne() {
        int n = 64;
        CompiledCircuit c = compile(api -> Bits.toBits(api, api.secretInput("x"), n));
        assertEquals("toBits64", assertRejected(c, Assignment.builder().set("x", BigInteger.ONE.shiftLeft(n)).build()));
        assertEquals("toBits64", assertRejected(c, Assignment.builder().set("x", -1).build()));
    }

    @Test
    void toBits_nonBooleanBitsThatSumToXAreRejected() {
        int n = 8;
        CompiledCircuit c = compile(api -> Bits.toBits(api, api.secretInput("x"), n));
        // a cheating prover makes 300 = 2 * 128 + 44 with a "bit" worth 2: recomposition holds, booleanity fails
        Assignment a = Assignment.builder().set("x", 300).build();
        String label = assertAdversaryRejected(c, a, (name, l, in, honest) -> {
            Fr[] bits = new Fr[n];
            int[] low = Native.toBits(BigInteger.valueOf(44), n);
            for (int i = 0; i < n; i++) bits[i] = Fr.of(low[i]);
            bits[7] = Fr.of(2);
            return bits;
        });
        assertEquals("toBits8", label);
    }

    @Test
    void toBits_tamperedWitnessIsRejected() {
        int n = 32;
        CompiledCircuit c = compile(api -> Bits.toBits(api, api.secretInput("x"), n));
        Witness w = assertSolves(c, Assignment.builder().set("x", 123456789).build());
        int x = wire(c, "x");
        assertTamperRejected(c, w, x, Fr.of(123456789L + (1L << 32)));
        assertTamperRejected(c, w, x, Fr.of(123456789).add(Fr.of(BigInteger.ONE.shiftLeft(253)))); // 254-bit value
        int[] bits = wiresStartingWith(c, "toBits32/bit#");
        assertEquals(n, bits.length);
        assertTamperRejected(c, w, bits[0], Fr.of(2));
        assertTamperRejected(c, w, bits[0], Fr.of(-1));
    }

    @Test
    void fromBits_assertsBooleans() {
        CompiledCircuit c = compile(api -> {
            Var[] b = api.secretInputs("b", 4);
            api.assertEqual(Bits.fromBits(api, b), api.publicInput("x"));
        });
        assertEquals(5, c.r1cs().nConstraints());
        Witness w = assertSolves(c, Assignment.builder().set("x", 11).set("b", new long[] {1, 1, 0, 1}).build());
        assertNoFreeWires(c, w);
        // 1 + 2*0 + 4*... : b = (3, 0, 2, 0) sums to 11 but is not binary
        assertRejected(c, Assignment.builder().set("x", 11).set("b", new long[] {3, 0, 2, 0}).build());
    }

    @Test
    void widthOutsideOneTo253_throws() {
        assertThrows(IllegalArgumentException.class, () -> compile(api -> Bits.toBits(api, api.secretInput("x"), 254)));
        assertThrows(IllegalArgumentException.class, () -> compile(api -> Bits.toBits(api, api.secretInput("x"), 0)));
    }
}
