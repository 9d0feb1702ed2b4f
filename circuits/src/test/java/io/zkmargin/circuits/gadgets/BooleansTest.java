package io.zkmargin.circuits.gadgets;

import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Var;
import io.zkmargin.circuits.Witness;
import org.junit.jupiter.api.Test;

import static io.zkmargin.circuits.testing.CircuitTester.*;
import static org.junit.jupiter.api.Assertions.*;

class BooleansTest {
    private static final CompiledCircuit LOGIC = compile(api -> {
        Var and = api.publicInput("and");
        Var or = api.publicInput("or");
        Var xor = api.publicInput("xor");
        Var not = api.publicInput("not");
        Var a = Booleans.asBoolean(api, api.secretInput("a"));
        Var b = Booleans.asBoolean(api, api.secretInput("b"));
        api.assertEqual(Booleans.and(api, a, b), and);
        api.assertEqual(Booleans.or(api, a, b), or);
        api.assertEqual(Booleans.xor(api, a, b), xor);
        api.assertEqual(Booleans.not(api, a), not);
    });

    private static Assignment assign(int a, int b, int and, int or, int xor, int not) {
        return Assignment.builder().set("a", a).set("b", b).set("and", and).set("or", or).set("xor", xor)
                .set("not", not).build();
    }

    @Test
    void truthTable_matchesJava() {
        for (int a = 0; a <= 1; a++) {
            for (int b = 0; b <= 1; b++) {
                boolean x = a == 1, y = b == 1;
                Witness w = assertSolves(LOGIC, assign(a, b, x && y ? 1 : 0, x || y ? 1 : 0, x ^ y ? 1 : 0, x ? 0 : 1));
                assertNoFreeWires(LOGIC, w);
            }
        }
    }

    @Test
    void wrongResultOrNonBooleanInput_isRejected() {
        assertRejected(LOGIC, assign(1, 1, 1, 1, 1, 0));
        assertRejected(LOGIC, assign(2, 0, 0, 2, 2, -1));
    }
}
