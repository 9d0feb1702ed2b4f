package io.zkmargin.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.precompile.Bn254Precompiles;
import io.zkmargin.groth16.Proof;
import io.zkmargin.groth16.VerifyingKey;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Replays what the generated contract does, with its own constants and the exported call data,
 * through the EVM precompile adapter: checkField, ecMul/ecAdd for vk_x, then one ecPairing over
 * (-A, B), (alpha, beta), (vk_x, gamma), (C, delta).
 */
class SolidityVerifierTest {
    private static final VerifyingKey VK = SnarkjsJson.readVerifyingKey(Fixtures.text("verification_key.json"));
    private static final Proof PROOF = SnarkjsJson.readProof(Fixtures.text("proof.json"));
    private static final Fr[] PUB = SnarkjsJson.readPublic(Fixtures.text("public.json"));
    private static final BigInteger Q = io.zkmargin.crypto.field.Fp.MODULUS;

    @Test
    void validCallData_passesPrecompiles() {
        assertTrue(simulate(SolidityVerifier.contract(VK), SolidityVerifier.callData(PROOF, PUB)));
    }

    @Test
    void snarkjsCallData_passesOurContract() {
        assertTrue(simulate(SolidityVerifier.contract(VK), Fixtures.text("calldata.txt")));
    }

    @Test
    void wrongPublicOrTamperedProof_fails() {
        Fr[] wrong = PUB.clone();
        wrong[1] = wrong[1].add(Fr.ONE);
        assertFalse(simulate(SolidityVerifier.contract(VK), SolidityVerifier.callData(PROOF, wrong)));
        Proof bad = Proof.of(PROOF.a().add(G1Affine.GENERATOR), PROOF.b(), PROOF.c());
        assertFalse(simulate(SolidityVerifier.contract(VK), SolidityVerifier.callData(bad, PUB)));
    }

    @Test
    void publicSignalNotBelowR_failsCheckField() {
        String data = SolidityVerifier.callData(PROOF, PUB);
        String r = String.format("\"0x%064x\"", Fr.MODULUS.add(BigInteger.valueOf(109)));
        String pub0 = String.format("\"0x%064x\"", BigInteger.valueOf(109));
        assertTrue(data.contains(pub0));
        assertFalse(simulate(SolidityVerifier.contract(VK), data.replace(pub0, r)));
    }

    /** The contract's verifyProof, step by step, on the precompile adapter. */
    private static boolean simulate(String contract, String callData) {
        Map<String, BigInteger> k = new HashMap<>();
        Matcher m = Pattern.compile("uint256 constant (\\w+) = ([0-9]+);").matcher(contract);
        while (m.find()) {
            k.put(m.group(1), new BigInteger(m.group(2)));
        }
        List<BigInteger> words = new ArrayList<>();
        Matcher w = Pattern.compile("0x([0-9a-fA-F]+)").matcher(callData);
        while (w.find()) {
            words.add(new BigInteger(w.group(1), 16));
        }
        int nPub = words.size() - 8;
        assertEquals(VK.publicInputCount(), nPub);
        for (int i = 0; i < nPub; i++) {
            if (words.get(8 + i).compareTo(k.get("r")) >= 0) {
                return false;
            }
        }
        byte[] vkx = concat(k.get("IC0x"), k.get("IC0y"));
        for (int i = 1; i <= nPub; i++) {
            byte[] mul = Bn254Precompiles.ecMul(concat(k.get("IC" + i + "x"), k.get("IC" + i + "y"), words.get(7 + i)));
            vkx = Bn254Precompiles.ecAdd(concat(mul, vkx));
        }
        BigInteger ay = words.get(1);
        byte[] input = concat(
                concat(words.get(0), Q.subtract(ay).mod(Q), words.get(2), words.get(3), words.get(4), words.get(5)),
                concat(k.get("alphax"), k.get("alphay"), k.get("betax1"), k.get("betax2"), k.get("betay1"), k.get("betay2")),
                concat(vkx, concat(k.get("gammax1"), k.get("gammax2"), k.get("gammay1"), k.get("gammay2"))),
                concat(words.get(6), words.get(7), k.get("deltax1"), k.get("deltax2"), k.get("deltay1"), k.get("deltay2")));
        byte[] out = Bn254Precompiles.ecPairing(input);
        return new BigInteger(1, out).equals(BigInteger.ONE);
    }

    private static byte[] concat(BigInteger... vs) {
        byte[] out = new byte[32 * vs.length];
        for (int i = 0; i < vs.length; i++) {
            byte[] b = vs[i].toByteArray();
            int len = Math.min(b.length, 32);
            System.arraycopy(b, b.length - len, out, 32 * i + 32 - len, len);
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
