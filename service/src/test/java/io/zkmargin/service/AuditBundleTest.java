package io.zkmargin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zkmargin.service.audit.AuditReport;
import io.zkmargin.service.audit.AuditVerifier;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Export, offline re-verification, and what tampering the verifier catches. */
class AuditBundleTest extends ServiceTestBase {

    /** Two epochs, three registrations (account 1 re-registered), two proofs (one for the stale epoch). */
    private void story() {
        start(b -> b);
        registerKey();
        publish(1);
        register(1, 1, scalar(1));
        register(2, 1, scalar(2));
        register(1, 2, scalar(3));
        publish(2);
        assertEquals(200, prove(1, scalar(3), 2, 12_000).status());
        assertEquals(200, prove(2, scalar(2), 1, 10_000).status());
    }


    private Path export() {
        return svc.exportAudit(dataDir.resolve("bundle"));
    }

    private AuditReport check(Path bundle) {
        return new AuditVerifier(checker).verify(bundle, venue.publicKey());
    }

    private static void rewrite(Path bundle, String file, String content) throws Exception {
        Files.writeString(bundle.resolve(file), content);
        JsonObject m = new JsonObject(Files.readString(bundle.resolve("manifest.json")));
        m.getJsonObject("files").put(file, Hashes.sha256Hex(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Files.writeString(bundle.resolve("manifest.json"), m.encodePrettily());
    }

    @Test
    void freshBundle_verifies() {
        story();
        AuditReport r = check(export());
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(2, r.epochsChecked());
        assertEquals(3, r.registrationsChecked());
        assertEquals(2, r.proofsChecked());
        assertEquals(2, r.proofsValid());
    }

    @Test
    void editedFile_failsTheManifest() throws Exception {
        story();
        Path b = export();
        Files.writeString(b.resolve("events.json"), "[]");
        AuditReport r = check(b);
        assertFalse(r.ok());
        assertTrue(r.problems().contains("hash mismatch: events.json"), r.problems().toString());
    }

    @Test
    void forgedContentWithFixedManifest_failsVerification() throws Exception {
        story();
        Path b = export();
        JsonArray proofs = new JsonArray(Files.readString(b.resolve("proofs.json")));
        JsonObject p = proofs.getJsonObject(0);
        p.put("thresholdBps", 20_000);
        p.getJsonArray("publicInputs").set(2, "20000");
        rewrite(b, "proofs.json", proofs.encodePrettily());
        AuditReport r = check(b);
        assertFalse(r.ok());
        assertEquals(1, r.proofsValid());
        assertTrue(r.problems().get(0).endsWith("does not verify"), r.problems().toString());

        Path b2 = svc.exportAudit(dataDir.resolve("bundle2"));
        JsonArray regs = new JsonArray(Files.readString(b2.resolve("registrations.json")));
        regs.getJsonObject(0).put("commitment", "12345");
        rewrite(b2, "registrations.json", regs.encodePrettily());
        AuditReport r2 = check(b2);
        assertFalse(r2.ok());
        assertTrue(r2.problems().stream().anyMatch(s -> s.contains("not signed by the venue")), r2.problems().toString());
    }

    @Test
    void otherVenueKey_isReported() {
        story();
        AuditReport r = new AuditVerifier(checker).verify(export(), new TestVenue().publicKey());
        assertFalse(r.ok());
        assertTrue(r.problems().contains("bundle names a different venue key than the trusted one"));
    }

    @Test
    void exportRefusesANonEmptyDirectory() throws Exception {
        story();
        Path d = dataDir.resolve("busy");
        Files.createDirectories(d);
        Files.writeString(d.resolve("x"), "x");
        assertThrows(IllegalArgumentException.class, () -> svc.exportAudit(d));
    }
}
