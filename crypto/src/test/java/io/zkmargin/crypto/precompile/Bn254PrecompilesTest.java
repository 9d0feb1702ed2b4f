package io.zkmargin.crypto.precompile;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.encoding.Eip196;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every case of testvectors/bn254-precompiles through the adapter, plus the failure rules of EIP-196/197. */
class Bn254PrecompilesTest {
    private static final HexFormat HEX = HexFormat.of();

    record Case(String name, String input, String expected) {
        boolean mustFail() {
            return expected.isEmpty() || name.toLowerCase().contains("fail") || name.toLowerCase().contains("invalid");
        }
    }

    static List<Case> load(String file) throws IOException {
        Path p = Path.of(System.getProperty("zk.vectors", "testvectors"), "bn254-precompiles", file);
        String json = Files.readString(p);
        List<Case> out = new ArrayList<>();
        Matcher obj = Pattern.compile("\\{[^{}]*\\}").matcher(json);
        while (obj.find()) {
            String o = obj.group();
            out.add(new Case(field(o, "Name"), field(o, "Input"), field(o, "Expected")));
        }
        assertFalse(out.isEmpty(), "no vectors in " + p);
        return out;
    }

    private static String field(String obj, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(obj);
        return m.find() ? m.group(1) : "";
    }

    private static Stream<DynamicTest> run(String file, java.util.function.UnaryOperator<byte[]> f) throws IOException {
        return load(file).stream().map(c -> DynamicTest.dynamicTest(file + " " + c.name(), () -> {
            byte[] in = HEX.parseHex(c.input());
            byte[] copy = in.clone();
            if (c.mustFail()) {
                assertThrows(PrecompileException.class, () -> f.apply(in));
            } else {
                assertEquals(c.expected(), HEX.formatHex(f.apply(in)));
            }
            assertArrayEquals(copy, in, "input must not be modified");
        }));
    }

    @TestFactory
    Stream<DynamicTest> ecAddVectors() throws IOException {
        return run("bn256Add.json", Bn254Precompiles::ecAdd);
    }

    @TestFactory
    Stream<DynamicTest> ecMulVectors() throws IOException {
        return run("bn256ScalarMul.json", Bn254Precompiles::ecMul);
    }

    @TestFactory
    Stream<DynamicTest> ecPairingVectors() throws IOException {
        return run("bn256Pairing.json", Bn254Precompiles::ecPairing);
    }

    @Test
    void vectorFilesCoverAllThreeOperations() throws IOException {
        assertTrue(load("bn256Add.json").size() >= 10);
        assertTrue(load("bn256ScalarMul.json").size() >= 10);
        assertTrue(load("bn256Pairing.json").size() >= 10);
    }

    private static byte[] g1(G1Affine p) {
        return Eip196.encodeG1(p);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    @Test
    void shortInputIsZeroPadded_longInputTruncated() {
        byte[] gen = g1(G1Affine.GENERATOR);
        assertArrayEquals(gen, Bn254Precompiles.ecAdd(gen));                       // G + (0,0)
        assertArrayEquals(new byte[64], Bn254Precompiles.ecAdd(new byte[0]));
        byte[] twoG = g1(G1Affine.GENERATOR.mul(BigInteger.TWO));
        byte[] longIn = concat(gen, gen, new byte[] {1, 2, 3});
        assertArrayEquals(twoG, Bn254Precompiles.ecAdd(longIn));
        // ecMul with a one-byte scalar cut short: 0x02 << 248 is not 2; padding is on the right
        byte[] mulIn = concat(gen, new byte[] {2});
        BigInteger k = BigInteger.TWO.shiftLeft(248);
        assertArrayEquals(g1(G1Affine.GENERATOR.mul(k)), Bn254Precompiles.ecMul(mulIn));
        assertArrayEquals(new byte[64], Bn254Precompiles.ecMul(gen));               // scalar 0
    }

    @Test
    void scalarAnyValue_wrapsModR() {
        byte[] gen = g1(G1Affine.GENERATOR);
        byte[] max = new byte[32];
        java.util.Arrays.fill(max, (byte) 0xff);
        BigInteger k = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        assertArrayEquals(g1(G1Affine.GENERATOR.mul(k)), Bn254Precompiles.ecMul(concat(gen, max)));
    }

    @Test
    void coordinateNotBelowP_throws() {
        byte[] p = new byte[32];
        byte[] pBytes = io.zkmargin.crypto.field.Fp.MODULUS.toByteArray();
        System.arraycopy(pBytes, pBytes.length - 32, p, 0, 32);
        byte[] in = concat(p, new byte[32], new byte[64]);
        PrecompileException e = assertThrows(PrecompileException.class, () -> Bn254Precompiles.ecAdd(in));
        assertTrue(e.getMessage().contains("modulus"), e.getMessage());
    }

    @Test
    void pointOffCurve_throws() {
        byte[] in = new byte[96];
        in[31] = 1;
        in[63] = 3; // (1, 3) is not on y^2 = x^3 + 3
        assertThrows(PrecompileException.class, () -> Bn254Precompiles.ecMul(in));
        assertThrows(PrecompileException.class, () -> Bn254Precompiles.ecAdd(in));
        byte[] pair = concat(java.util.Arrays.copyOf(in, 64), Eip196.encodeG2(G2Affine.GENERATOR));
        assertThrows(PrecompileException.class, () -> Bn254Precompiles.ecPairing(pair));
    }

    @Test
    void pairingLengthNotMultipleOf192_throws() {
        assertThrows(PrecompileException.class, () -> Bn254Precompiles.ecPairing(new byte[191]));
        assertThrows(PrecompileException.class, () -> Bn254Precompiles.ecPairing(new byte[193]));
    }

    @Test
    void pairingEmptyInput_isOne_andInfinityPairsCount() {
        byte[] one = new byte[32];
        one[31] = 1;
        assertArrayEquals(one, Bn254Precompiles.ecPairing(new byte[0]));
        assertArrayEquals(one, Bn254Precompiles.ecPairing(new byte[192]));
        byte[] g = concat(g1(G1Affine.GENERATOR), Eip196.encodeG2(G2Affine.GENERATOR));
        assertArrayEquals(new byte[32], Bn254Precompiles.ecPairing(g));
        byte[] cancel = concat(g, g1(G1Affine.GENERATOR.neg()), Eip196.encodeG2(G2Affine.GENERATOR));
        assertArrayEquals(one, Bn254Precompiles.ecPairing(cancel));
    }

    @Test
    void pairingG2OutsideSubgroup_throws() {
        // a twist point outside G2, found by scanning x = (k, 1): deterministic and cheap
        byte[] twist = null;
        for (int k = 1; twist == null; k++) {
            io.zkmargin.crypto.field.Fp2 x = io.zkmargin.crypto.field.Fp2.of(
                    io.zkmargin.crypto.field.Fp.of(k), io.zkmargin.crypto.field.Fp.ONE);
            var y = x.square().mul(x).add(G2Affine.B).sqrt();
            if (y.isPresent()) {
                twist = new byte[128];
                System.arraycopy(x.c1().toBytesBE(), 0, twist, 0, 32);
                System.arraycopy(x.c0().toBytesBE(), 0, twist, 32, 32);
                System.arraycopy(y.get().c1().toBytesBE(), 0, twist, 64, 32);
                System.arraycopy(y.get().c0().toBytesBE(), 0, twist, 96, 32);
            }
        }
        byte[] in = concat(g1(G1Affine.GENERATOR), twist);
        PrecompileException e = assertThrows(PrecompileException.class, () -> Bn254Precompiles.ecPairing(in));
        assertTrue(e.getMessage().contains("subgroup"), e.getMessage());
    }
}
