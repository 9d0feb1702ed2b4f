package io.zkmargin.crypto.pairing;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp12;
import io.zkmargin.crypto.field.Fp2;
import io.zkmargin.crypto.field.Fp6;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pairing value itself (not only products) against an independent implementation: snarkjs
 * 0.7.6 writes e(alpha, beta) into verification_key.json as vk_alphabeta_12.
 */
class SnarkjsAlphaBetaTest {

    private static List<String> numbersOf(String json, String key) {
        int start = json.indexOf("\"" + key + "\"");
        assertTrue(start >= 0, "missing " + key);
        int open = json.indexOf('[', start);
        int depth = 0, end = open;
        for (int i = open; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '[') depth++;
            if (c == ']' && --depth == 0) {
                end = i;
                break;
            }
        }
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"(\\d+)\"").matcher(json.substring(open, end));
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void pairingMatchesSnarkjsAlphaBeta() throws IOException {
        Path vk = Path.of(System.getProperty("zk.vectors", "testvectors"))
                .resolve("../test-tools/fixtures/groth16/verification_key.json");
        String json = Files.readString(vk);
        List<String> a = numbersOf(json, "vk_alpha_1");
        List<String> b = numbersOf(json, "vk_beta_2");
        List<String> ab = numbersOf(json, "vk_alphabeta_12");
        assertEquals(12, ab.size()); // six Fp2 coefficients
        G1Affine alpha = G1Affine.of(Fp.fromDecimal(a.get(0)), Fp.fromDecimal(a.get(1)));
        G2Affine beta = G2Affine.of(Fp2.of(new BigInteger(b.get(0)), new BigInteger(b.get(1))),
                Fp2.of(new BigInteger(b.get(2)), new BigInteger(b.get(3))));
        Fp2[] c = new Fp2[6];
        for (int i = 0; i < 6; i++) c[i] = Fp2.of(new BigInteger(ab.get(2 * i)), new BigInteger(ab.get(2 * i + 1)));
        Fp12 expected = Fp12.of(Fp6.of(c[0], c[1], c[2]), Fp6.of(c[3], c[4], c[5]));
        assertEquals(expected, Pairing.pair(alpha, beta));
    }
}
