package io.zkmargin.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.groth16.VerifyingKey;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * snarkjs 0.7.x JSON (curve "bn128"): verification_key.json, proof.json and public.json. Numbers are
 * canonical decimal strings; points are projective with z = 1 (G1 infinity is [0, 1, 0], G2 infinity
 * has z = [0, 0]); G2 coordinates are [c0, c1] (real part first). Parsing validates every point.
 */
public final class SnarkjsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,79}");

    private SnarkjsJson() {
    }

    // ------------------------------------------------------------------ verifying key

    public static VerifyingKey readVerifyingKey(String json) {
        JsonNode n = parse(json, "verification key");
        requireGroth16(n, "verification key");
        VerifyingKey vk;
        List<G1Affine> ic = new ArrayList<>();
        JsonNode icNode = field(n, "IC");
        if (!icNode.isArray()) {
            throw new IllegalArgumentException("verification key: IC is not an array");
        }
        for (int i = 0; i < icNode.size(); i++) {
            ic.add(g1(icNode.get(i), "IC[" + i + "]"));
        }
        vk = VerifyingKey.of(g1(field(n, "vk_alpha_1"), "vk_alpha_1"), g2(field(n, "vk_beta_2"), "vk_beta_2"),
                g2(field(n, "vk_gamma_2"), "vk_gamma_2"), g2(field(n, "vk_delta_2"), "vk_delta_2"), ic);
        JsonNode np = n.get("nPublic");
        if (np != null && (!np.canConvertToInt() || np.asInt() != vk.publicInputCount())) {
            throw new IllegalArgumentException("verification key: nPublic " + np + " does not match " + ic.size() + " IC points");
        }
        return vk;
    }

    /** Writes the key as snarkjs does (vk_alphabeta_12 is informational and omitted). */
    public static String writeVerifyingKey(VerifyingKey vk) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("protocol", "groth16");
        n.put("curve", "bn128");
        n.put("nPublic", vk.publicInputCount());
        n.set("vk_alpha_1", g1(vk.alpha()));
        n.set("vk_beta_2", g2(vk.beta()));
        n.set("vk_gamma_2", g2(vk.gamma()));
        n.set("vk_delta_2", g2(vk.delta()));
        ArrayNode ic = n.putArray("IC");
        for (G1Affine p : vk.ic()) {
            ic.add(g1(p));
        }
        return pretty(n);
    }

    // ------------------------------------------------------------------ proof

    public static Proof readProof(String json) {
        JsonNode n = parse(json, "proof");
        requireGroth16(n, "proof");
        return Proof.of(g1(field(n, "pi_a"), "pi_a"), g2(field(n, "pi_b"), "pi_b"), g1(field(n, "pi_c"), "pi_c"));
    }

    public static String writeProof(Proof p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("pi_a", g1(p.a()));
        n.set("pi_b", g2(p.b()));
        n.set("pi_c", g1(p.c()));
        n.put("protocol", "groth16");
        n.put("curve", "bn128");
        return pretty(n);
    }

    // ------------------------------------------------------------------ public signals

    /** Reads public.json; every value must be a canonical decimal string below r. */
    public static Fr[] readPublic(String json) {
        JsonNode n = parse(json, "public signals");
        if (!n.isArray()) {
            throw new IllegalArgumentException("public signals: expected a JSON array");
        }
        Fr[] out = new Fr[n.size()];
        for (int i = 0; i < out.length; i++) {
            BigInteger v = number(n.get(i), "public signal " + i);
            if (v.compareTo(Fr.MODULUS) >= 0) {
                throw new IllegalArgumentException("public signal " + i + " is not below the scalar field modulus r");
            }
            out[i] = Fr.of(v);
        }
        return out;
    }

    public static String writePublic(Fr[] publics) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Fr v : publics) {
            a.add(v.toDecimalString());
        }
        return pretty(a);
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode parse(String json, String what) {
        if (json == null) {
            throw new IllegalArgumentException(what + ": no JSON given");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + ": malformed JSON at line " + e.getLocation().getLineNr(), e);
        }
    }

    private static void requireGroth16(JsonNode n, String what) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(what + ": expected a JSON object");
        }
        JsonNode protocol = n.get("protocol");
        if (protocol != null && !"groth16".equals(protocol.asText())) {
            throw new IllegalArgumentException(what + ": protocol is " + protocol.asText() + ", expected groth16");
        }
        JsonNode curve = n.get("curve");
        if (curve != null && !"bn128".equals(curve.asText()) && !"bn254".equals(curve.asText())) {
            throw new IllegalArgumentException(what + ": curve is " + curve.asText() + ", expected bn128");
        }
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field " + name);
        }
        return v;
    }

    private static BigInteger number(JsonNode n, String what) {
        if (n == null || !n.isTextual() || !DECIMAL.matcher(n.asText()).matches()) {
            throw new IllegalArgumentException(what + ": expected a canonical decimal string");
        }
        return new BigInteger(n.asText());
    }

    private static Fp fp(JsonNode n, String what) {
        BigInteger v = number(n, what);
        if (v.compareTo(Fp.MODULUS) >= 0) {
            throw new IllegalArgumentException(what + ": coordinate is not below the base field modulus p");
        }
        return Fp.of(v);
    }

    private static JsonNode element(JsonNode a, int i, int size, String what) {
        if (a == null || !a.isArray() || a.size() != size) {
            throw new IllegalArgumentException(what + ": expected an array of " + size);
        }
        return a.get(i);
    }

    private static G1Affine g1(JsonNode n, String what) {
        Fp x = fp(element(n, 0, 3, what), what + ".x");
        Fp y = fp(element(n, 1, 3, what), what + ".y");
        Fp z = fp(element(n, 2, 3, what), what + ".z");
        if (z.isZero()) {
            return G1Affine.INFINITY;
        }
        if (!z.isOne()) {
            throw new IllegalArgumentException(what + ": expected affine coordinates (z = 1)");
        }
        return G1Affine.of(x, y);
    }

    private static Fp2 fp2(JsonNode n, String what) {
        return Fp2.of(fp(element(n, 0, 2, what), what + ".c0"), fp(element(n, 1, 2, what), what + ".c1"));
    }

    private static G2Affine g2(JsonNode n, String what) {
        Fp2 x = fp2(element(n, 0, 3, what), what + ".x");
        Fp2 y = fp2(element(n, 1, 3, what), what + ".y");
        Fp2 z = fp2(element(n, 2, 3, what), what + ".z");
        if (z.isZero()) {
            return G2Affine.INFINITY;
        }
        if (!z.isOne()) {
            throw new IllegalArgumentException(what + ": expected affine coordinates (z = [1, 0])");
        }
        return G2Affine.of(x, y);
    }

    private static ArrayNode g1(G1Affine p) {
        ArrayNode a = MAPPER.createArrayNode();
        if (p.isInfinity()) {
            return a.add("0").add("1").add("0");
        }
        return a.add(p.x().toDecimalString()).add(p.y().toDecimalString()).add("1");
    }

    private static ArrayNode fp2(Fp2 v) {
        return MAPPER.createArrayNode().add(v.c0().toDecimalString()).add(v.c1().toDecimalString());
    }

    private static ArrayNode g2(G2Affine p) {
        ArrayNode a = MAPPER.createArrayNode();
        if (p.isInfinity()) {
            return a.add(fp2(Fp2.ZERO)).add(fp2(Fp2.ONE)).add(fp2(Fp2.ZERO));
        }
        return a.add(fp2(p.x())).add(fp2(p.y())).add(fp2(Fp2.ONE));
    }

    private static String pretty(JsonNode n) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
