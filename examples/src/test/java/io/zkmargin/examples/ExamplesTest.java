package io.zkmargin.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the three examples in order (one setup shared through the folder) so they cannot rot. */
class ExamplesTest {
    @Test
    void venueTraderAuditorEndToEnd(@TempDir Path dir) throws Exception {
        VenueExample.main(new String[] {dir.toString()});
        TraderExample.main(new String[] {dir.toString()});
        assertEquals(128, Files.size(dir.resolve("trader.proof")));
        assertTrue(AuditorExample.audit(dir));

        // the auditor must notice a proof that was altered in transit
        byte[] proof = Files.readAllBytes(dir.resolve("trader.proof"));
        proof[40] ^= 1;
        Files.write(dir.resolve("trader.proof"), proof);
        boolean ok;
        try {
            ok = AuditorExample.audit(dir);
        } catch (IllegalArgumentException undecodable) {
            ok = false;
        }
        assertFalse(ok);
    }
}
