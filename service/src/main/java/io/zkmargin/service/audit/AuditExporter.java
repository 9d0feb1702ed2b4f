package io.zkmargin.service.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zkmargin.service.Hashes;
import io.zkmargin.service.events.EventJson;
import io.zkmargin.service.store.EpochRecord;
import io.zkmargin.service.store.EventRecord;
import io.zkmargin.service.store.KeyRecord;
import io.zkmargin.service.store.ProofRecord;
import io.zkmargin.service.store.RegistrationRecord;
import io.zkmargin.service.store.Repository;
import io.zkmargin.service.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an audit bundle directory: epochs.json (with venue signatures and market tables),
 * registrations.json (every venue-signed registration), keys/&lt;class&gt;.vk, proofs.json (proof bytes, public
 * inputs in circuit order as decimals, verdicts), events.json, and manifest.json with the SHA-256 of every file.
 * Everything is read in one transaction, so the bundle is a consistent snapshot.
 */
public final class AuditExporter {
    public static final String FORMAT = "zkmargin-audit/v1";
    private static final HexFormat HEX = HexFormat.of();
    private final Repository repo;
    private final byte[] venuePublicKey;

    public AuditExporter(Repository repo, byte[] venuePublicKey) {
        this.repo = repo;
        this.venuePublicKey = venuePublicKey.clone();
    }

    private record Snapshot(List<EpochRecord> epochs, List<RegistrationRecord> regs, List<KeyRecord> keys,
                            List<ProofRecord> proofs, List<EventRecord> events) { }

    public Path export(Path dir) {
        Snapshot s = repo.transaction(tx -> {
            List<EventRecord> events = new ArrayList<>();
            long after = 0;
            while (true) {
                List<EventRecord> page = tx.eventsAfter(after, 1000);
                if (page.isEmpty()) {
                    break;
                }
                events.addAll(page);
                after = page.get(page.size() - 1).id();
            }
            return new Snapshot(tx.epochsFrom(0), tx.registrationLog(), tx.keys(), tx.proofs(), events);
        });
        try {
            Files.createDirectories(dir.resolve("keys"));
            try (var list = Files.list(dir)) {
                if (list.anyMatch(p -> !p.getFileName().toString().equals("keys"))) {
                    throw new IllegalArgumentException("audit bundle directory must be empty: " + dir);
                }
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            JsonArray epochs = new JsonArray();
            for (EpochRecord e : s.epochs()) {
                epochs.add(new JsonObject().put("epochId", e.epochId()).put("timestamp", e.timestampMillis())
                        .put("marketRoot", e.marketRoot().toString()).put("epochDigest", e.digest().toString())
                        .put("signature", HEX.formatHex(e.signature()))
                        .put("marketEpochProtobuf", HEX.formatHex(e.encoded())).put("publishedAt", e.publishedAt()));
            }
            files.put("epochs.json", utf8(epochs.encodePrettily()));
            JsonArray regs = new JsonArray();
            for (RegistrationRecord r : s.regs()) {
                regs.add(new JsonObject().put("accountId", r.accountId()).put("sequence", r.sequence())
                        .put("commitment", r.commitment().toString()).put("signature", HEX.formatHex(r.signature()))
                        .put("registeredAt", r.registeredAt()));
            }
            files.put("registrations.json", utf8(regs.encodePrettily()));
            JsonArray keys = new JsonArray();
            for (KeyRecord k : s.keys()) {
                String name = "keys/" + k.sizeClass() + ".vk";
                files.put(name, k.verifyingKey());
                keys.add(new JsonObject().put("sizeClass", k.sizeClass().name()).put("sha256", k.sha256()).put("file", name));
            }
            files.put("keys.json", utf8(keys.encodePrettily()));
            JsonArray proofs = new JsonArray();
            for (ProofRecord p : s.proofs()) {
                proofs.add(new JsonObject().put("id", p.id()).put("accountId", p.accountId()).put("epochId", p.epochId())
                        .put("countedEpoch", p.countedEpoch()).put("sizeClass", p.sizeClass().name())
                        .put("keySha256", p.keySha256()).put("thresholdBps", p.thresholdBps())
                        .put("publicInputs", new JsonArray().add(p.commitment().toString())
                                .add(p.digest().toString()).add(Long.toString(p.thresholdBps())))
                        .put("proof", HEX.formatHex(p.proof())).put("verdict", p.verdict())
                        .put("receivedAt", p.receivedAt()));
            }
            files.put("proofs.json", utf8(proofs.encodePrettily()));
            JsonArray events = new JsonArray();
            for (EventRecord e : s.events()) {
                events.add(EventJson.toJson(e));
            }
            files.put("events.json", utf8(events.encodePrettily()));

            JsonObject hashes = new JsonObject();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(dir.resolve(f.getKey()), f.getValue());
                hashes.put(f.getKey(), Hashes.sha256Hex(f.getValue()));
            }
            JsonObject manifest = new JsonObject().put("format", FORMAT)
                    .put("venuePublicKey", HEX.formatHex(venuePublicKey))
                    .put("counts", new JsonObject().put("epochs", s.epochs().size()).put("proofs", s.proofs().size())
                            .put("registrations", s.regs().size()).put("events", s.events().size()))
                    .put("files", hashes);
            Files.write(dir.resolve("manifest.json"), utf8(manifest.encodePrettily()));
            return dir;
        } catch (IOException e) {
            throw new StoreException("cannot write audit bundle", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
