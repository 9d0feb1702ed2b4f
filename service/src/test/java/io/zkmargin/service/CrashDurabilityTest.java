package io.zkmargin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Whatever the service acknowledged survives kill -9 of its process (SQLite WAL, synchronous=FULL). */
class CrashDurabilityTest extends ServiceTestBase {

    @Test
    void acknowledgedWritesSurviveKill9() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", cp, KillMain.class.getName(), dataDir.toString(),
                HexFormat.of().formatHex(venue.publicKey())));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            long end = System.currentTimeMillis() + 60_000;
            String line;
            while (url == null && System.currentTimeMillis() < end && (line = out.readLine()) != null) {
                if (line.startsWith("URL ")) {
                    url = line.substring(4);
                }
            }
            assertTrue(url != null, "child service did not start");
            http = new Http(url, TOKEN);
            registerKey();
            publish(1);
            register(1, 1, scalar(1));
            register(2, 1, scalar(2));
            assertEquals(200, prove(1, scalar(1), 1, 13_000).status());
            assertEquals(200, prove(2, scalar(2), 1, 10_500).status());
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        start(b -> b);
        assertEquals("HEALTHY", state(1));
        assertEquals("WARNING", state(2));
        assertEquals(4, http.get("/v1/events?after=0").json().getJsonArray("events").size());
        assertEquals("DUPLICATE_PROOF", prove(1, scalar(1), 1, 13_000).code());
    }
}
