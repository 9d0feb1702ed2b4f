package io.zkmargin.circuits.gadgets;

import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Var;
import io.zkmargin.circuits.Witness;
import io.zkmargin.crypto.field.Fr;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

import static io.zkmargin.circuits.testing.CircuitTester.*;
import static org.junit.jupiter.api.Assertions.*;

class TiersTest {
    private static final Random RND = new Random(17);
    private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);

    /** v, floors and rates all secret inputs; the tiered value is the public output. */
    private static CompiledCircuit tierCircuit(int k) {
        return compile(api -> {
            Var out = api.publicInput("out");
            Var v = api.secretInput("v");
            Var[] floors = api.secretInputs("floor", k);
            Var[] rates = api.secretInputs("rate", k);
            api.assertEqual(Tiers.tiered(api, v, floors, rates), out);
        });
    }

    private static Assignment assign(BigInteger v, BigInteger[] floors, BigInteger[] rates, BigInteger out) {
        return Assignment.builder().set("v", v).set("floor", floors).set("rate", rates).set("out", out).build();
    }

    private static BigInteger[] big(long... xs) {
        return Arrays.stream(xs).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
    }

    @Test
    void bracketExample_fromMarginModel() {
        // Binance BTCUSDT 2021: 0-50k 0.40%, 50k-250k 0.50%, 250k-1M 1.00%, 1M+ 2.50%; notional 290,000
        BigInteger[] floors = big(0, 50_000, 250_000, 1_000_000);
        BigInteger[] rates = big(4_000, 5_000, 10_000, 25_000);
        BigInteger v = BigInteger.valueOf(290_000);
        BigInteger mm6 = BigInteger.valueOf(1_600_000_000L); // 1,600 scaled by 1e6 (stated in the spec)
        assertEquals(mm6, Native.tiered(v, floors, rates));
        CompiledCircuit c = tierCircuit(4);
        Witness w = assertSolves(c, assign(v, floors, rates, mm6));
        assertNoFreeWires(c, w, "rate[3]"); // v does not reach the last tier, so its rate is irrelevant
        assertRejected(c, assign(v, floors, rates, mm6.add(BigInteger.ONE)));
    }

    @Test
    void haircutExample_fromMarginModel() {
        // 0-100M 100%, 100M-120M 97.5%, 120M+ 95%: a value of 120M counts 119.5M
        BigInteger[] floors = big(0, 100_000_000, 120_000_000);
        BigInteger[] rates = big(1_000_000, 975_000, 950_000);
        BigInteger v = BigInteger.valueOf(120_000_000);
        BigInteger cv6 = BigInteger.valueOf(119_500_000).multiply(BigInteger.valueOf(1_000_000));
        assertEquals(cv6, Native.tiered(v, floors, rates));
        assertSolves(tierCircuit(3), assign(v, floors, rates, cv6));
    }

    @Test
    void randomSchedules_matchNativeIncludingFloorsAndTheTopOfTheRange() {
        int k = 4;
        CompiledCircuit c = tierCircuit(k);
        assertEquals(531, c.r1cs().nConstraints());
        for (int t = 0; t < 4; t++) {
            BigInteger[] floors = new BigInteger[k];
            floors[0] = BigInteger.ZERO;
            for (int i = 1; i < k; i++) floors[i] = floors[i - 1].add(new BigInteger(125, RND)).add(BigInteger.ONE);
            BigInteger[] rates = new BigInteger[k];
            for (int i = 0; i < k; i++) rates[i] = BigInteger.valueOf(RND.nextInt(1_000_001));
            BigInteger[] vs = {BigInteger.ZERO, floors[1], floors[2].subtract(BigInteger.ONE), floors[k - 1],
                    TWO_128.subtract(BigInteger.ONE), new BigInteger(128, RND), new BigInteger(100, RND)};
            for (BigInteger v : vs) {
                BigInteger expect = Native.tiered(v, floors, rates);
                assertTrue(expect.bitLength() <= 148);
                Witness w = assertSolves(c, assign(v, floors, rates, expect));
                if (t == 0 && v == vs[5]) assertNoFreeInternalWires(c, w);
            }
        }
    }

    @Test
    void singleFlatTier_fromCrossMarginExample() {
        // dYdX example: flat 3% maintenance (one tier, 30,000 ppm); BTC 5 * 58,000 and ETH 40 * 3,100
        CompiledCircuit c = tierCircuit(1);
        assertEquals(129 + 1 + 1 + 1, c.r1cs().nConstraints());
        BigInteger[] floors = big(0);
        BigInteger[] rates = big(30_000);
        BigInteger btc = BigInteger.valueOf(5 * 58_000), eth = BigInteger.valueOf(40 * 3_100);
        assertEquals(BigInteger.valueOf(8_700_000_000L), Native.tiered(btc, floors, rates));
        assertEquals(BigInteger.valueOf(3_720_000_000L), Native.tiered(eth, floors, rates));
        assertSolves(c, assign(btc, floors, rates, BigInteger.valueOf(8_700_000_000L)));
        assertRejected(c, assign(eth, floors, rates, BigInteger.valueOf(3_719_999_999L)));
    }

    @Test
    void valueAtTwoTo128_isRejected() {
        BigInteger[] floors = big(0, 10);
        BigInteger[] rates = big(1, 2);
        assertTrue(assertRejected(tierCircuit(2), assign(TWO_128, floors, rates, Native.tiered(TWO_128, floors, rates)))
                .startsWith("tiered/range128"));
        // a negative value wraps to about r: rejected by the same range check
        BigInteger minus = Fr.MODULUS.subtract(BigInteger.valueOf(5));
        assertRejected(tierCircuit(2), assign(minus, floors, rates, BigInteger.ZERO));
    }

    @Test
    void wrongSlice_isRejected() {
        BigInteger[] floors = big(0, 1_000, 5_000);
        BigInteger[] rates = big(100, 200, 300);
        BigInteger v = BigInteger.valueOf(3_000);
        CompiledCircuit c = tierCircuit(3);
        Witness w = assertSolves(c, assign(v, floors, rates, Native.tiered(v, floors, rates)));
        int[] products = wiresStartingWith(c, "tiered/tiers3/mul#");
        assertEquals(3 + 1 + 3, products.length);
        for (int p : products) {
            assertTamperRejected(c, w, p, w.get(p).add(Fr.ONE));
            assertTamperRejected(c, w, p, w.get(p).sub(Fr.ONE));
        }
        // a cheaper requirement from a wrong slice: count the whole of v at the lowest rate
        assertRejected(c, assign(v, floors, rates, v.multiply(rates[0])));
    }

    @Test
    void wrongTierComparison_isRejected() {
        BigInteger[] floors = big(0, 1_000, 5_000);
        BigInteger[] rates = big(100, 200, 300);
        BigInteger v = BigInteger.valueOf(6_000);
        CompiledCircuit c = tierCircuit(3);
        // claim v < floor_2 (so the 300 ppm tier is skipped): the comparison's top bit flipped
        BigInteger claimed = Native.tiered(BigInteger.valueOf(4_999), floors, rates)
                .add(BigInteger.valueOf(1_000).multiply(rates[1]));
        String label = assertAdversaryRejected(c, assign(v, floors, rates, claimed), (h, l, in, honest) -> {
            if (l.equals("tiered/tiers3/lt128/toBits129")) honest[128] = Fr.ONE.sub(honest[128]);
            return honest;
        });
        assertTrue(label.startsWith("tiered/tiers3/lt128"), label);
    }

    @Test
    void nonZeroFirstFloor_isRejected() {
        BigInteger[] floors = big(5, 10);
        BigInteger[] rates = big(1, 2);
        BigInteger v = BigInteger.valueOf(20);
        assertEquals("tiered/tiers2", assertRejected(tierCircuit(2), assign(v, floors, rates, Native.tiered(v, floors, rates))));
    }

    @Test
    void constantSchedule_isCheaper() {
        CompiledCircuit c = compile(api -> {
            Var v = api.secretInput("v");
            Var[] floors = {api.constant(0), api.constant(50_000), api.constant(250_000), api.constant(1_000_000)};
            Var[] rates = {api.constant(4_000), api.constant(5_000), api.constant(10_000), api.constant(25_000)};
            api.assertEqual(Tiers.tieredUnchecked(api, v, floors, rates), api.publicInput("out"));
        });
        assertEquals(3 * 130 + 6 + 1, c.r1cs().nConstraints());
        assertSolves(c, Assignment.builder().set("v", 290_000).set("out", 1_600_000_000L).build());
    }

    @Test
    void mismatchedLengths_throw() {
        assertThrows(IllegalArgumentException.class, () -> compile(api ->
                Tiers.tiered(api, api.secretInput("v"), api.secretInputs("f", 2), api.secretInputs("r", 3))));
    }
}
