package io.zkmargin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.Salt;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.sig.VenuePublicKey;
import io.zkmargin.api.sig.VenueSigningKey;
import io.zkmargin.api.wire.JsonCodec;
import io.zkmargin.api.wire.WireMapping;
import io.zkmargin.crypto.field.Fr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The CLI's file formats: account state and opening (JSON), epochs and registrations (proto3 JSON of the api
 * schema), venue keys (PEM). Secret files (openings, venue private keys) are created owner-only.
 */
final class CliFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CliFiles() {}

    // ------------------------------------------------------------------ plain files

    static String readText(Path p) throws IOException {
        if (!Files.isRegularFile(p)) throw CliException.usage("file not found: " + p);
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    static byte[] readBytes(Path p) throws IOException {
        if (!Files.isRegularFile(p)) throw CliException.usage("file not found: " + p);
        return Files.readAllBytes(p);
    }

    static void writeText(Path p, String s) throws IOException {
        createParent(p);
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }

    static void writeBytes(Path p, byte[] b) throws IOException {
        createParent(p);
        Files.write(p, b);
    }

    /** Writes a file readable by its owner only (created with those permissions, never widened). */
    static void writeSecret(Path p, byte[] content) throws IOException {
        createParent(p);
        Files.deleteIfExists(p);
        try {
            Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(p); // non-POSIX file system
        }
        Files.write(p, content, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void createParent(Path p) throws IOException {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
    }

    static JsonNode readJson(Path p) throws IOException {
        String text = readText(p);
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw CliException.usage(p + " is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ account state and opening

    /**
     * Account state JSON: {"accountId": 7, "sequence": 1, "positions": [{"leaf": 12, "quantity": -3}],
     * "balances": [{"leaf": 0, "amount": 250000}]}; an optional "name" per entry is ignored.
     */
    static AccountState parseAccount(JsonNode n, String where) {
        if (n == null || !n.isObject()) throw CliException.usage(where + ": expected a JSON object with accountId");
        AccountState.Builder b = AccountState.builder(requireLong(n, "accountId", where));
        b.sequence(n.has("sequence") ? requireLong(n, "sequence", where) : 0);
        for (JsonNode p : arrayOf(n, "positions", where)) {
            b.position((int) requireLong(p, "leaf", where + " positions"), requireLong(p, "quantity", where + " positions"));
        }
        for (JsonNode p : arrayOf(n, "balances", where)) {
            b.balance((int) requireLong(p, "leaf", where + " balances"), requireLong(p, "amount", where + " balances"));
        }
        return b.build();
    }

    static ObjectNode accountJson(AccountState s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("accountId", s.accountId());
        n.put("sequence", s.sequence());
        ArrayNode pos = n.putArray("positions");
        for (Map.Entry<Integer, Long> e : s.positions().entrySet()) {
            pos.addObject().put("leaf", e.getKey()).put("quantity", e.getValue());
        }
        ArrayNode bal = n.putArray("balances");
        for (Map.Entry<Integer, Long> e : s.balances().entrySet()) {
            bal.addObject().put("leaf", e.getKey()).put("amount", e.getValue());
        }
        return n;
    }

    static AccountState readAccount(Path p) throws IOException {
        return parseAccount(readJson(p), p.toString());
    }

    /** The secret opening of a commitment: the state, the size class and the salt. */
    record Opening(AccountState state, SizeClass sizeClass, Salt salt) {
        @Override
        public String toString() {
            return "Opening[account " + state.accountId() + ", class " + sizeClass + ", salt redacted]";
        }
    }

    static void writeOpening(Path p, Opening o) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", "zkmargin.opening.v1");
        n.put("sizeClass", o.sizeClass().name());
        n.put("salt", o.salt().expose().toDecimalString());
        n.set("account", accountJson(o.state()));
        writeSecret(p, JSON.writeValueAsBytes(n));
    }

    static Opening readOpening(Path p) throws IOException {
        JsonNode n = readJson(p);
        if (!"zkmargin.opening.v1".equals(n.path("format").asText())) {
            throw CliException.usage(p + " is not a zkmargin opening file (made by `zkmargin commit`)");
        }
        SizeClass sc = sizeClass(n.path("sizeClass").asText());
        Salt salt;
        try {
            salt = Salt.of(Fr.fromDecimal(n.path("salt").asText()));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(p + ": salt is not a field element");
        }
        return new Opening(parseAccount(n.get("account"), p.toString()), sc, salt);
    }

    static SizeClass sizeClass(String s) {
        try {
            return SizeClass.valueOf(s.trim().toUpperCase());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CliException.usage("unknown size class '" + s + "' (expected S, M or L)");
        }
    }

    // ------------------------------------------------------------------ epochs and registrations

    static MarketEpoch readEpoch(Path p) throws IOException {
        io.zkmargin.api.proto.MarketEpoch proto =
                JsonCodec.fromJson(readText(p), io.zkmargin.api.proto.MarketEpoch.newBuilder());
        return WireMapping.fromProto(proto);
    }

    static String epochJson(MarketEpoch e) {
        return JsonCodec.toJson(WireMapping.toProto(e));
    }

    static AccountRegistration readRegistration(Path p) throws IOException {
        io.zkmargin.api.proto.AccountRegistration proto =
                JsonCodec.fromJson(readText(p), io.zkmargin.api.proto.AccountRegistration.newBuilder());
        return WireMapping.fromProto(proto);
    }

    static String registrationJson(AccountRegistration r) {
        return JsonCodec.toJson(WireMapping.toProto(r));
    }

    // ------------------------------------------------------------------ venue keys

    static VenueSigningKey readSigningKey(Path p) throws IOException {
        try {
            return VenueSigningKey.fromPem(readText(p));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(p + " is not a venue private key (PEM, made by `zkmargin keygen`)");
        }
    }

    static VenuePublicKey readPublicKey(Path p) throws IOException {
        String text = readText(p).trim();
        try {
            return text.startsWith("-----") ? VenuePublicKey.fromPem(text) : VenuePublicKey.fromHex(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(p + " is not a venue public key (PEM or 64 hex digits)");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static long requireLong(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw CliException.usage(where + ": '" + field + "' must be an integer");
        }
        return v.asLong();
    }

    private static Iterable<JsonNode> arrayOf(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return java.util.List.of();
        if (!v.isArray()) throw CliException.usage(where + ": '" + field + "' must be an array");
        return v;
    }
}
