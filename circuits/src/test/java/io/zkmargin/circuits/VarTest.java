package io.zkmargin.circuits;

import io.zkmargin.crypto.field.Fr;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class VarTest {
    private static Fr eval(Var v, Fr[] w) {
        Fr r = Fr.ZERO;
        for (int i = 0; i < v.terms(); i++) r = r.add(Fr.readMont(v.coeffs, 4 * i).mul(w[v.wires[i]]));
        return r;
    }

    private static void assertCanonical(Var v) {
        for (int i = 0; i < v.terms(); i++) {
            if (i > 0) assertTrue(v.wires[i - 1] < v.wires[i], "wires strictly increasing");
            assertFalse(Fr.readMont(v.coeffs, 4 * i).isZero(), "no zero coefficient");
        }
    }

    @Test
    void linearCombination_equalsRepeatedAddAndEvaluatesCorrectly() {
        Random rnd = new Random(3);
        Fr[] w = new Fr[20];
        for (int i = 0; i < w.length; i++) w[i] = Fr.random(rnd);
        for (int t = 0; t < 50; t++) {
            int n = 1 + rnd.nextInt(8);
            Var[] vs = new Var[n];
            Fr[] ks = new Fr[n];
            for (int i = 0; i < n; i++) {
                vs[i] = Var.wire(rnd.nextInt(w.length));
                if (rnd.nextBoolean()) vs[i] = vs[i].add(Var.wire(rnd.nextInt(w.length)).scale(Fr.of(rnd.nextInt(5) - 2)), false);
                ks[i] = rnd.nextInt(4) == 0 ? Fr.ZERO : Fr.of(rnd.nextInt(7) - 3);
            }
            Var fast = Var.linear(vs, ks);
            Var slow = Var.ZERO;
            Fr expect = Fr.ZERO;
            for (int i = 0; i < n; i++) {
                slow = slow.add(vs[i].scale(ks[i]), false);
                expect = expect.add(ks[i].mul(eval(vs[i], w)));
            }
            assertCanonical(fast);
            assertArrayEquals(slow.wires, fast.wires);
            assertArrayEquals(slow.coeffs, fast.coeffs);
            assertEquals(expect, eval(fast, w));
        }
    }

    @Test
    void cancellingTermsDisappear() {
        Var x = Var.wire(3), y = Var.wire(5);
        Var v = Var.linear(new Var[] {x, y, x}, new Fr[] {Fr.ONE, Fr.of(2), Fr.of(-1)});
        assertArrayEquals(new int[] {5}, v.wires);
        assertEquals(0, x.add(x, true).terms());
        assertTrue(Var.linear(new Var[0], new Fr[0]).isConstant());
    }

    @Test
    void constants() {
        Var k = Var.constant(Fr.of(9));
        assertTrue(k.isConstant());
        assertEquals(Fr.of(9), k.constantValue());
        assertFalse(Var.wire(1).isConstant());
        assertThrows(IllegalStateException.class, () -> Var.wire(1).constantValue());
        assertEquals(Fr.ZERO, Var.constant(Fr.ZERO).constantValue());
    }
}
