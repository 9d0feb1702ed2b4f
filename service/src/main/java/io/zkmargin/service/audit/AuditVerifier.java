package io.zkmargin.service.audit;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zkmargin.api.market.AccountCommitment;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.sig.VenuePublicKey;
import io.zkmargin.api.sig.VenueSignatures;
import io.zkmargin.api.wire.WireMapping;
import io.zkmargin.service.Hashes;
import io.zkmargin.service.ProofChecker;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-verifies an audit bundle offline: the manifest hashes; every epoch (decoded from the venue's protobuf:
 * MARGIN-MODEL bounds, market root recomputed from the table, venue signature, digest = Poseidon(epochId,
 * marketRoot)); every registration's venue signature; and for every accepted proof, that its public inputs
 * are a registered commitment of its account, the digest of its epoch and its threshold, and that it
 * verifies under its size class's key. The venue key to trust is passed in, never taken from the bundle.
 */
public final class AuditVerifier {
    private static final HexFormat HEX = HexFormat.of();
    private final ProofChecker checker;

    public AuditVerifier(ProofChecker checker) {
        this.checker = checker;
    }

    public AuditReport verify(Path bundle, byte[] trustedVenuePublicKey) {
        List<String> problems = new ArrayList<>();
        VenuePublicKey venue = VenuePublicKey.fromRaw(trustedVenuePublicKey);
        JsonObject manifest;
        try {
            manifest = new JsonObject(read(bundle.resolve("manifest.json")));
        } catch (IOException | DecodeException e) {
            return new AuditReport(0, 0, 0, 0, List.of("manifest.json missing or not JSON"));
        }
        if (!AuditExporter.FORMAT.equals(manifest.getString("format"))) {
            problems.add("unknown bundle format");
        }
        if (!HEX.formatHex(trustedVenuePublicKey).equals(manifest.getString("venuePublicKey"))) {
            problems.add("bundle names a different venue key than the trusted one");
        }
        JsonObject files = manifest.getJsonObject("files", new JsonObject());
        for (String name : List.of("epochs.json", "registrations.json", "keys.json", "proofs.json", "events.json")) {
            if (!files.containsKey(name)) {
                problems.add("manifest does not list " + name);
            }
        }
        Path root = bundle.toAbsolutePath().normalize();
        for (String name : files.fieldNames()) {
            Path f = root.resolve(name).normalize();
            if (!f.startsWith(root)) {
                problems.add("manifest entry escapes the bundle: " + name);
                continue;
            }
            try {
                if (!Hashes.sha256Hex(Files.readAllBytes(f)).equals(files.getString(name))) {
                    problems.add("hash mismatch: " + name);
                }
            } catch (IOException e) {
                problems.add("missing file: " + name);
            }
        }
        if (!problems.isEmpty()) {
            return new AuditReport(0, 0, 0, 0, problems);
        }
        try {
            return verifyContents(root, venue, problems);
        } catch (IOException | RuntimeException e) {
            // hashes matched, so this is a bundle written wrongly (or a manifest forged along with it)
            problems.add("bundle content is malformed: " + e.getClass().getSimpleName());
            return new AuditReport(0, 0, 0, 0, problems);
        }
    }

    private AuditReport verifyContents(Path bundle, VenuePublicKey venue, List<String> problems) throws IOException {
        Map<Long, BigInteger> digests = new HashMap<>();
        JsonArray epochs = new JsonArray(read(bundle.resolve("epochs.json")));
        for (int i = 0; i < epochs.size(); i++) {
            JsonObject e = epochs.getJsonObject(i);
            long id = e.getLong("epochId");
            MarketEpoch epoch;
            try {
                epoch = WireMapping.fromProto(io.zkmargin.api.proto.MarketEpoch.parseFrom(
                        HEX.parseHex(e.getString("marketEpochProtobuf"))));
            } catch (com.google.protobuf.InvalidProtocolBufferException | IllegalArgumentException ex) {
                problems.add("epoch " + id + ": table does not decode or breaks the bounds / root");
                continue;
            }
            if (epoch.epochId() != id || !VenueSignatures.verifyEpoch(venue, epoch)) {
                problems.add("epoch " + id + ": venue signature does not verify");
                continue;
            }
            BigInteger digest = epoch.epochDigest().toBigInteger();
            if (!digest.toString().equals(e.getString("epochDigest"))) {
                problems.add("epoch " + id + ": digest is not Poseidon(epochId, marketRoot)");
            }
            digests.put(id, digest);
        }
        Map<Long, Set<BigInteger>> registered = new HashMap<>();
        JsonArray regs = new JsonArray(read(bundle.resolve("registrations.json")));
        for (int i = 0; i < regs.size(); i++) {
            JsonObject r = regs.getJsonObject(i);
            long account = r.getLong("accountId");
            BigInteger c = new BigInteger(r.getString("commitment"));
            AccountRegistration reg = AccountRegistration.of(account, r.getLong("sequence"),
                    AccountCommitment.of(io.zkmargin.crypto.field.Fr.of(c)), HEX.parseHex(r.getString("signature")));
            if (!VenueSignatures.verifyRegistration(venue, reg)) {
                problems.add("registration " + account + "#" + r.getLong("sequence") + ": not signed by the venue");
            } else {
                registered.computeIfAbsent(account, a -> new HashSet<>()).add(c);
            }
        }
        Map<String, ProofChecker.CheckedKey> keys = new HashMap<>();
        JsonArray keyList = new JsonArray(read(bundle.resolve("keys.json")));
        for (int i = 0; i < keyList.size(); i++) {
            JsonObject k = keyList.getJsonObject(i);
            byte[] vk = Files.readAllBytes(bundle.resolve("keys").resolve(k.getString("sizeClass") + ".vk"));
            String sha = Hashes.sha256Hex(vk);
            if (!sha.equals(k.getString("sha256"))) {
                problems.add("key " + k.getString("sizeClass") + ": sha256 mismatch");
                continue;
            }
            try {
                keys.put(sha, checker.parseKey(vk));
            } catch (IllegalArgumentException ex) {
                problems.add("key " + k.getString("sizeClass") + ": malformed");
            }
        }
        JsonArray proofs = new JsonArray(read(bundle.resolve("proofs.json")));
        int valid = 0;
        for (int i = 0; i < proofs.size(); i++) {
            JsonObject p = proofs.getJsonObject(i);
            String tag = "proof " + p.getLong("id") + " (account " + p.getLong("accountId") + ")";
            JsonArray pub = p.getJsonArray("publicInputs");
            BigInteger[] publics = new BigInteger[3];
            for (int j = 0; j < 3; j++) {
                publics[j] = new BigInteger(pub.getString(j));
            }
            BigInteger digest = digests.get(p.getLong("epochId"));
            if (digest == null || !digest.equals(publics[1])) {
                problems.add(tag + ": epoch digest input does not match its epoch");
                continue;
            }
            if (!BigInteger.valueOf(p.getLong("thresholdBps")).equals(publics[2])) {
                problems.add(tag + ": threshold input does not match");
                continue;
            }
            if (!registered.getOrDefault(p.getLong("accountId"), Set.of()).contains(publics[0])) {
                problems.add(tag + ": commitment was never registered for the account");
                continue;
            }
            ProofChecker.CheckedKey key = keys.get(p.getString("keySha256"));
            if (key == null) {
                problems.add(tag + ": verifying key not in bundle");
                continue;
            }
            boolean ok;
            try {
                byte[] proof = HEX.parseHex(p.getString("proof"));
                checker.checkProofEncoding(proof);
                ok = checker.verify(key, proof, publics);
            } catch (IllegalArgumentException ex) {
                ok = false;
            }
            if (ok) {
                valid++;
            } else {
                problems.add(tag + ": does not verify");
            }
        }
        return new AuditReport(epochs.size(), regs.size(), proofs.size(), valid, problems);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
