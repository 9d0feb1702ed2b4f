package io.zkmargin.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.groth16.VerifyingKey;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Our verifier against a proof made by the real snarkjs 0.7.6 (fixtures from make-groth16-fixtures.sh). */
class SnarkjsInteropTest {
    private final VerifyingKey vk = SnarkjsJson.readVerifyingKey(Fixtures.text("verification_key.json"));
    private final Proof proof = SnarkjsJson.readProof(Fixtures.text("proof.json"));
    private final Fr[] pub = SnarkjsJson.readPublic(Fixtures.text("public.json"));
    private final PreparedVerifyingKey pvk = PreparedVerifyingKey.of(vk);

    @Test
    void snarkjsProof_verifies() {
        assertEquals(3, vk.publicInputCount());
        // out = x^2 * y + x + z with x = 3, y = 11, z = 7 (input.json)
        assertEquals(Fr.of(109), pub[0]);
        assertTrue(Groth16Verifier.verify(pvk, proof, pub));
        assertTrue(Groth16Verifier.verify(pvk, proof, List.of(BigInteger.valueOf(109), BigInteger.valueOf(11),
                BigInteger.valueOf(7))));
    }

    @Test
    void wrongPublicInput_isFalse() {
        Fr[] bad = pub.clone();
        bad[2] = bad[2].add(Fr.ONE);
        assertFalse(Groth16Verifier.verify(pvk, proof, bad));
    }

    @Test
    void tamperedProof_isFalse() {
        Proof badA = Proof.of(proof.a().add(G1Affine.GENERATOR), proof.b(), proof.c());
        Proof badC = Proof.of(proof.a(), proof.b(), proof.c().neg());
        Proof swapped = Proof.of(proof.c(), proof.b(), proof.a());
        assertFalse(Groth16Verifier.verify(pvk, badA, pub));
        assertFalse(Groth16Verifier.verify(pvk, badC, pub));
        assertFalse(Groth16Verifier.verify(pvk, swapped, pub));
    }

    @Test
    void publicInputNotBelowR_throws() {
        List<BigInteger> big = List.of(Fr.MODULUS.add(BigInteger.valueOf(109)), BigInteger.valueOf(11), BigInteger.valueOf(7));
        assertThrows(IllegalArgumentException.class, () -> Groth16Verifier.verify(pvk, proof, big));
        List<BigInteger> neg = List.of(BigInteger.valueOf(-1), BigInteger.valueOf(11), BigInteger.valueOf(7));
        assertThrows(IllegalArgumentException.class, () -> Groth16Verifier.verify(pvk, proof, neg));
        String json = "[\"" + Fr.MODULUS + "\", \"11\", \"7\"]";
        assertThrows(IllegalArgumentException.class, () -> SnarkjsJson.readPublic(json));
    }

    @Test
    void wrongPublicCount_throws() {
        assertThrows(IllegalArgumentException.class, () -> Groth16Verifier.verify(pvk, proof, new Fr[] {pub[0], pub[1]}));
        assertThrows(IllegalArgumentException.class,
                () -> Groth16Verifier.verify(pvk, proof, new Fr[] {pub[0], pub[1], pub[2], Fr.ONE}));
    }

    @Test
    void jsonRoundTrip_preservesKeyAndProof() {
        assertEquals(vk, SnarkjsJson.readVerifyingKey(SnarkjsJson.writeVerifyingKey(vk)));
        assertEquals(proof, SnarkjsJson.readProof(SnarkjsJson.writeProof(proof)));
        assertArrayEquals(pub, SnarkjsJson.readPublic(SnarkjsJson.writePublic(pub)));
    }

    @Test
    void malformedJson_throwsClearly() {
        String proofJson = Fixtures.text("proof.json");
        // coordinate not below p
        String offField = proofJson.replaceFirst("\"[0-9]+\"", "\"" + io.zkmargin.crypto.field.Fp.MODULUS + "\"");
        assertThrows(IllegalArgumentException.class, () -> SnarkjsJson.readProof(offField));
        // point off the curve: change the last digit of pi_a.x
        Matcher m = Pattern.compile("\"([0-9]+)\"").matcher(proofJson);
        assertTrue(m.find());
        String x = m.group(1);
        String x2 = x.substring(0, x.length() - 1) + (char) ('0' + (x.charAt(x.length() - 1) - '0' + 1) % 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SnarkjsJson.readProof(proofJson.replaceFirst(x, x2)));
        assertTrue(e.getMessage().contains("curve"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SnarkjsJson.readProof("{not json"));
        assertThrows(IllegalArgumentException.class, () -> SnarkjsJson.readProof(proofJson.replace("groth16", "plonk")));
        assertThrows(IllegalArgumentException.class, () -> SnarkjsJson.readPublic("[\"0x10\"]"));
        assertThrows(IllegalArgumentException.class, () -> SnarkjsJson.readPublic("[12]"));
    }

    @Test
    void callData_matchesSnarkjsExport() {
        assertEquals(Fixtures.text("calldata.txt").trim(), SolidityVerifier.callData(proof, pub));
    }

    @Test
    void solidityConstants_matchSnarkjsVerifier() {
        List<String> ours = constants(SolidityVerifier.contract(vk));
        List<String> theirs = constants(Fixtures.text("verifier.sol"));
        assertEquals(theirs, ours);
        assertTrue(SolidityVerifier.contract(vk).contains(
                "function verifyProof(uint[2] calldata _pA, uint[2][2] calldata _pB, uint[2] calldata _pC, uint[3] calldata _pubSignals)"));
    }

    /** The uint256 constant values in declaration order (names differ in case between generators). */
    private static List<String> constants(String sol) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("uint256 constant \\w+\\s*=\\s*([0-9]+);").matcher(sol);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
