package io.zkmargin.circuits.circom;

import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.Circuit;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Var;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.gadgets.Bits;
import io.zkmargin.circuits.gadgets.Tiers;
import io.zkmargin.crypto.field.Fr;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.zkmargin.circuits.testing.CircuitTester.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Fixtures made by test-tools/circom/build.sh with the pinned circom2 (interop.circom, --O0) and snarkjs
 * (wtns calculate on interop-input.json).
 */
class CircomInteropTest {
    /** The Java twin of interop.circom: same signals in the same order, so the same wire layout. */
    static final Circuit INTEROP = api -> {
        Var out = api.publicInput("out");
        Var x = api.publicInput("x");
        Var y = api.secretInput("y");
        Var z = api.secretInput("z");
        Var xy = api.mul(x, y);
        Var sq = api.mul(xy, xy);
        api.assertProduct(sq, z, api.sub(api.sub(out, x), api.constant(7)));
        Bits.toBits(api, y, 8);
    };

    static byte[] resource(String name) throws IOException {
        try (InputStream in = CircomInteropTest.class.getResourceAsStream("/circom/" + name)) {
            assertNotNull(in, "missing fixture " + name);
            return in.readAllBytes();
        }
    }

    private static BigInteger inputValue(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"(\\d+)\"").matcher(json);
        assertTrue(m.find(), name);
        return new BigInteger(m.group(1));
    }

    private static Assignment fixtureAssignment() throws IOException {
        String json = new String(resource("interop-input.json"), StandardCharsets.UTF_8);
        BigInteger x = inputValue(json, "x"), y = inputValue(json, "y"), z = inputValue(json, "z");
        // out computed independently of the circuit: (x*y)^2 * z + x + 7 over the integers, then reduced
        BigInteger out = x.multiply(y).pow(2).multiply(z).add(x).add(BigInteger.valueOf(7));
        return Assignment.builder().set("x", x).set("y", y).set("z", z).set("out", out).build();
    }

    @Test
    void circomR1cs_importsWithExpectedCounts() throws IOException {
        R1cs r = R1csFile.read(resource("interop.r1cs"));
        assertEquals(15, r.nWires());
        assertEquals(1, r.nPubOut());
        assertEquals(1, r.nPubIn());
        assertEquals(2, r.nPrvIn());
        assertEquals(12, r.nConstraints());
        assertEquals(15, r.nLabels());
        assertEquals(2, r.nPublic());
    }

    @Test
    void circomWitness_satisfiesCircomR1csAndATamperFails() throws IOException {
        R1cs r = R1csFile.read(resource("interop.r1cs"));
        Witness w = WtnsFile.read(resource("interop.wtns"), r);
        assertTrue(r.isSatisfied(w));
        for (int i = 1; i < r.nWires(); i++) assertFalse(r.isSatisfied(w.with(i, w.get(i).add(Fr.ONE))), "wire " + i);
    }

    @Test
    void ourSolverWitness_equalsCircomWitnessAndSatisfiesCircomR1cs() throws IOException {
        CompiledCircuit ours = compile(INTEROP);
        Witness w = assertSolves(ours, fixtureAssignment());
        R1cs circom = R1csFile.read(resource("interop.r1cs"));
        assertEquals(circom.nWires(), ours.r1cs().nWires());
        assertEquals(circom.nConstraints(), ours.r1cs().nConstraints());
        assertTrue(circom.isSatisfied(w));
        Fr[] theirs = WtnsFile.readValues(resource("interop.wtns"));
        assertArrayEquals(theirs, w.toArray());
        // and the circom witness satisfies our R1CS
        assertTrue(ours.r1cs().isSatisfied(WtnsFile.read(resource("interop.wtns"), ours.r1cs())));
    }

    @Test
    void ourR1cs_writesAndReadsBackIdentically() throws IOException {
        CompiledCircuit ours = compile(INTEROP);
        byte[] bytes = R1csFile.write(ours.r1cs());
        R1cs back = R1csFile.read(bytes);
        assertEquals(ours.r1cs(), back);
        assertArrayEquals(bytes, R1csFile.write(back));
        R1cs circom = R1csFile.read(resource("interop.r1cs"));
        assertEquals(circom, R1csFile.read(R1csFile.write(circom)));
        // circom puts the header after the constraints; the content is the same either way
        assertEquals(resource("interop.r1cs").length, R1csFile.write(circom).length);
    }

    /** The tier circuit whose exported files test-tools/circom/check-ours.sh verified with snarkjs. */
    static final Circuit TIERS = api -> {
        Var out = api.publicInput("out");
        Var v = api.secretInput("v");
        Var[] f = {api.constant(0), api.constant(50_000), api.constant(250_000)};
        Var[] r = {api.constant(4_000), api.constant(5_000), api.constant(10_000)};
        api.assertEqual(Tiers.tiered(api, v, f, r), out);
    };

    @Test
    void ourWriters_produceTheBytesSnarkjsAccepted() throws IOException {
        CompiledCircuit c = compile(TIERS);
        // 50,000 * 0.4% + 200,000 * 0.5% + 40,000 * 1% = 1,600, scaled by 1e6
        Witness w = assertSolves(c, Assignment.builder().set("v", 290_000).set("out", 1_600_000_000L).build());
        assertArrayEquals(resource("ours-tiers.r1cs"), R1csFile.write(c.r1cs()));
        assertArrayEquals(resource("ours-tiers.wtns"), WtnsFile.write(w));
    }

    @Test
    void wtns_roundTripIsByteIdenticalToSnarkjs() throws IOException {
        byte[] fixture = resource("interop.wtns");
        R1cs circom = R1csFile.read(resource("interop.r1cs"));
        assertArrayEquals(fixture, WtnsFile.write(WtnsFile.read(fixture, circom)));
        Witness ours = assertSolves(compile(INTEROP), fixtureAssignment());
        assertArrayEquals(fixture, WtnsFile.write(ours));
    }
}
