package io.zkmargin.circuits.gadgets.poseidon;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Compiler;
import io.zkmargin.circuits.UnsatisfiedConstraintException;
import io.zkmargin.circuits.Var;
import io.zkmargin.circuits.Witness;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.hash.Poseidon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PoseidonGadgetTest {
    record Vector(List<Fr> inputs, Fr output) {}

    /** testvectors/poseidon-circomlib.json: outputs computed by circomlibjs, independent of this code. */
    static List<Vector> vectors() throws IOException {
        String json = Files.readString(Path.of(System.getProperty("zk.vectors"), "poseidon-circomlib.json"));
        Matcher m = Pattern.compile("\\{\\s*\"inputs\"\\s*:\\s*\\[([^\\]]*)\\]\\s*,\\s*\"output\"\\s*:\\s*\"(\\d+)\"\\s*\\}").matcher(json);
        List<Vector> out = new ArrayList<>();
        while (m.find()) {
            List<Fr> in = new ArrayList<>();
            Matcher n = Pattern.compile("\"(\\d+)\"").matcher(m.group(1));
            while (n.find()) in.add(Fr.fromDecimal(n.group(1)));
            out.add(new Vector(in, Fr.fromDecimal(m.group(2))));
        }
        return out;
    }

    // compiled once per arity and shared by the tests (compiling all 16 takes seconds)
    private static final CompiledCircuit[] CIRCUITS = new CompiledCircuit[17];

    /** Public output "out" = Poseidon(secret x[0..n-1]). */
    static synchronized CompiledCircuit hashCircuit(int n) {
        if (CIRCUITS[n] == null) CIRCUITS[n] = compileHashCircuit(n);
        return CIRCUITS[n];
    }

    private static CompiledCircuit compileHashCircuit(int n) {
        return Compiler.compile(api -> {
            Var out = api.publicInput("out");
            Var[] x = api.secretInputs("x", n);
            api.assertEqual(out, PoseidonGadget.hash(api, x));
        });
    }

    static Assignment assign(List<Fr> inputs, Fr out) {
        return Assignment.builder().set("out", out).set("x", inputs.toArray(new Fr[0])).build();
    }

    @Test
    void allCircomlibVectorsMatchInCircuit() throws IOException {
        List<Vector> vs = vectors();
        assertEquals(33, vs.size());
        boolean[] seen = new boolean[17];
        for (Vector v : vs) {
            int n = v.inputs().size();
            seen[n] = true;
            CompiledCircuit c = hashCircuit(n);
            Witness w = c.solve(assign(v.inputs(), v.output()));
            assertEquals(List.of(v.output()), w.publicValues());
            assertThrows(UnsatisfiedConstraintException.class,
                    () -> c.solve(assign(v.inputs(), v.output().add(Fr.ONE))), "wrong output accepted, n=" + n);
        }
        for (int n = 1; n <= 16; n++) assertTrue(seen[n], "no vector for " + n + " inputs");
    }

    @Test
    void constraintCountsFollowTheFormula() {
        // circomlib's Poseidon(2) has 240 non-linear constraints
        assertEquals(240, PoseidonGadget.constraints(2));
        StringBuilder table = new StringBuilder("Poseidon gadget constraints:");
        for (int n = 1; n <= 16; n++) {
            CompiledCircuit c = hashCircuit(n);
            // plus one for the output equality
            assertEquals(PoseidonGadget.constraints(n) + 1, c.r1cs().nConstraints(), "n=" + n);
            table.append(' ').append(n).append(':').append(PoseidonGadget.constraints(n));
        }
        System.out.println(table);
    }

    @Test
    void everyTamperedInternalWire_breaksAConstraint() throws IOException {
        Vector v = vectors().get(3); // two inputs
        CompiledCircuit c = hashCircuit(2);
        Witness w = c.solve(assign(v.inputs(), v.output()));
        int firstInternal = 1 + c.r1cs().nPublic() + c.r1cs().nPrvIn();
        int tampered = 0;
        for (int wire = firstInternal; wire < w.size(); wire++) {
            assertTrue(c.r1cs().wireName(wire).startsWith("poseidon2/"), c.r1cs().wireName(wire));
            Witness bad = w.with(wire, w.get(wire).add(Fr.ONE));
            assertFalse(c.r1cs().isSatisfied(bad), "tampering " + c.r1cs().wireName(wire) + " went unnoticed");
            tampered++;
        }
        assertEquals(240, tampered);
        // and a tampered secret input
        assertFalse(c.r1cs().isSatisfied(w.with(firstInternal - 1, w.get(firstInternal - 1).add(Fr.ONE))));
    }

    @Test
    void constantInputsFoldToTheNativeValue() {
        Fr expected = Poseidon.hash(Fr.of(1), Fr.of(2));
        CompiledCircuit c = Compiler.compile(api -> {
            Var h = PoseidonGadget.hash(api, api.constant(1), api.constant(2));
            assertTrue(h.isConstant());
            assertEquals(expected, h.constantValue());
        });
        assertEquals(0, c.r1cs().nConstraints());
    }

    @Test
    void hashManyMatchesNative() {
        Random rnd = new Random(21);
        for (int n : new int[] {0, 1, 15, 16, 31}) {
            List<Fr> xs = new ArrayList<>();
            for (int i = 0; i < n; i++) xs.add(Fr.random(rnd));
            CompiledCircuit c = Compiler.compile(api -> {
                Var out = api.publicInput("out");
                Var[] x = api.secretInputs("x", n);
                api.assertEqual(out, PoseidonGadget.hashMany(api, x));
            });
            Fr expected = Poseidon.hashMany(xs);
            assertEquals(List.of(expected), c.solve(assign(xs, expected)).publicValues(), "n=" + n);
            if (n > 0) {
                List<Fr> changed = new ArrayList<>(xs);
                changed.set(n - 1, changed.get(n - 1).add(Fr.ONE));
                assertThrows(UnsatisfiedConstraintException.class, () -> c.solve(assign(changed, expected)));
            }
        }
    }

    @Test
    void wrongArity_throws() {
        assertThrows(IllegalArgumentException.class, () -> Compiler.compile(api -> PoseidonGadget.hash(api)));
        assertThrows(IllegalArgumentException.class,
                () -> Compiler.compile(api -> PoseidonGadget.hash(api, api.secretInputs("x", 17))));
        assertThrows(NullPointerException.class,
                () -> Compiler.compile(api -> PoseidonGadget.hash(api, api.secretInput("a"), null)));
    }
}
