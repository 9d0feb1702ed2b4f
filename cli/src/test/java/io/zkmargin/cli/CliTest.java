package io.zkmargin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.sig.VenuePublicKey;
import io.zkmargin.api.sig.VenueSignatures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zkmargin command through its real entry point, in-process. The demo runs once (it is the expensive part:
 * the S setup) and its keys, epochs and openings are shared by the other tests, which write into @TempDir folders.
 */
class CliTest {
    @TempDir static Path shared;
    static Run demo;
    static Path venueDir, keysDir, epoch1, aliceOpening, carolOpening, aliceProof;

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Run(code, o.toString(), e.toString());
    }

    static String s(Path p) {
        return p.toString();
    }

    @BeforeAll
    static void runDemoOnce() {
        Path out = shared.resolve("demo");
        demo = run("demo", "--out", s(out));
        venueDir = out.resolve("venue");
        keysDir = venueDir.resolve("keys");
        epoch1 = venueDir.resolve("epoch-1.json");
        aliceOpening = out.resolve("traders/alice/opening-1.json");
        carolOpening = out.resolve("traders/carol/opening-1.json");
        aliceProof = shared.resolve("alice");
        Run p = run("prove", "--opening", s(aliceOpening), "-e", s(epoch1), "-f", "12000",
                "-k", s(keysDir.resolve("margin-S.zkpk")), "-o", s(aliceProof));
        assertEquals(0, p.code(), p.err());
    }

    // ------------------------------------------------------------------ demo

    @Test
    void demoShowsTheExpectedTransitionsAndPassesTheAudit() {
        assertEquals(0, demo.code(), demo.err());
        String summary = demo.out().substring(demo.out().indexOf("== Summary"));
        assertTrue(line(summary, "alice").contains("HEALTHY"), summary);
        assertTrue(line(summary, "bob").contains("WARNING"), summary);
        assertTrue(line(summary, "carol").matches(".*MARGIN_CALL.*->.*LIQUIDATION.*"), summary);
        assertTrue(demo.out().contains("AUDIT PASSED"), demo.out());
    }

    private static String line(String text, String word) {
        return text.lines().filter(l -> l.contains(word)).findFirst().orElse("");
    }

    // ------------------------------------------------------------------ keygen

    @Test
    void keygenWritesOwnerOnlyPrivateKeyAndPublicKey(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("v.key");
        Run r = run("keygen", "-o", s(key));
        assertEquals(0, r.code(), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        VenuePublicKey pub = CliFiles.readPublicKey(dir.resolve("v.key.pub"));
        assertArrayEquals(CliFiles.readSigningKey(key).publicKey().raw(), pub.raw());
        assertTrue(r.out().contains(pub.keyId()));
    }

    // ------------------------------------------------------------------ epoch

    static final String HEADER =
            "kind,id,leaf,underlying,price,price_scan_range,vol_scan_range,strike,days,vol,som_fraction,tiers\n";

    private static String csv(String btcPrice) {
        return HEADER
                + "underlying,BTC,,," + btcPrice + ",6000,0.10,,,,,\n"
                + "perp,BTC-PERP,16,BTC,,,,,,,,0:4000;50000:5000\n"
                + "call,BTC-C70000,32,BTC,,,,70000,30,0.60,0.01,\n"
                + "collateral,USD,0,,1,,,,,,,\n";
    }

    @Test
    void epochFromGoodCsvIsSignedAndReadable(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("m.csv");
        Files.writeString(in, csv("60000"));
        Path out = dir.resolve("epoch.json");
        Run r = run("epoch", "-i", s(in), "--id", "7", "-k", s(venueDir.resolve("venue.key")), "-o", s(out),
                "--timestamp", "1700000000000");
        assertEquals(0, r.code(), r.err());
        MarketEpoch e = CliFiles.readEpoch(out);
        assertEquals(7, e.epochId());
        assertEquals(2, e.table().instruments().size());
        assertEquals(1, e.table().collaterals().size());
        assertTrue(VenueSignatures.verifyEpoch(CliFiles.readPublicKey(venueDir.resolve("venue.pub")), e));
        assertTrue(r.out().contains(e.marketRoot().toDecimalString()));
    }

    @Test
    void epochRejectsBadCsvNamingTheLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("m.csv");
        Files.writeString(in, csv("sixty-thousand"));
        Path out = dir.resolve("epoch.json");
        Run r = run("epoch", "-i", s(in), "--id", "1", "-k", s(venueDir.resolve("venue.key")), "-o", s(out));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 2") && r.err().contains("price"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void epochRejectsAMarketBreakingTheBounds(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("m.csv");
        Files.writeString(in, csv("1e20"));
        Path out = dir.resolve("epoch.json");
        Run r = run("epoch", "-i", s(in), "--id", "1", "-k", s(venueDir.resolve("venue.key")), "-o", s(out));
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().toLowerCase().contains("bound"), r.err());
        assertFalse(Files.exists(out));
    }

    // ------------------------------------------------------------------ commit and register

    private static Path account(Path dir) throws Exception {
        Path a = dir.resolve("acct.json");
        Files.writeString(a, "{\"accountId\": 77, \"sequence\": 3, \"positions\": [{\"leaf\": 16, \"quantity\": 2}],"
                + " \"balances\": [{\"leaf\": 0, \"amount\": 250000}]}");
        return a;
    }

    @Test
    void commitWritesOwnerOnlyOpeningAndPublicCommitment(@TempDir Path dir) throws Exception {
        Path opening = dir.resolve("acct.opening.json");
        Run r = run("commit", "-a", s(account(dir)), "-o", s(opening));
        assertEquals(0, r.code(), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(opening)));
        Path pub = dir.resolve("acct.commitment.json");
        assertTrue(PosixFilePermissions.toString(Files.getPosixFilePermissions(pub)).startsWith("rw-r"));
        CliFiles.Opening o = CliFiles.readOpening(opening);
        JsonNode c = CliFiles.readJson(pub);
        assertEquals("zkmargin.commitment.v1", c.path("format").asText());
        assertEquals(77, c.path("accountId").asLong());
        assertEquals(3, c.path("sequence").asLong());
        assertEquals(CommitmentOpening.of(o.state(), o.sizeClass(), o.salt()).commitment().toDecimalString(),
                c.path("commitment").asText());
        // the salt is secret: it must not be in the public file or on the console
        String salt = o.salt().expose().toDecimalString();
        assertFalse(Files.readString(pub).contains(salt));
        assertFalse(r.out().contains(salt));
    }

    @Test
    void registerSignsTheCommitmentAndRejectsAWrongKeyFile(@TempDir Path dir) throws Exception {
        Path opening = dir.resolve("acct.opening.json");
        assertEquals(0, run("commit", "-a", s(account(dir)), "-o", s(opening)).code());
        Path commitment = dir.resolve("acct.commitment.json");
        Path reg = dir.resolve("reg.json");

        Run bad = run("register", "-c", s(commitment), "-k", s(venueDir.resolve("venue.pub")), "-o", s(reg));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("not a venue private key"), bad.err());
        assertFalse(Files.exists(reg));

        Run ok = run("register", "-c", s(commitment), "-k", s(venueDir.resolve("venue.key")), "-o", s(reg));
        assertEquals(0, ok.code(), ok.err());
        AccountRegistration r = CliFiles.readRegistration(reg);
        assertEquals(77, r.accountId());
        assertEquals(3, r.sequence());
        assertEquals(CliFiles.readJson(commitment).path("commitment").asText(), r.commitment().toDecimalString());
        assertTrue(VenueSignatures.verifyRegistration(CliFiles.readPublicKey(venueDir.resolve("venue.pub")), r));
    }

    // ------------------------------------------------------------------ prove and health

    @Test
    void proveWritesProofFiles() throws Exception {
        assertEquals(128, Files.size(Path.of(aliceProof + ".proof")));
        JsonNode pub = CliFiles.JSON.readTree(Files.readString(Path.of(aliceProof + ".public.json")));
        assertEquals(3, pub.size());
        assertEquals("12000", pub.get(2).asText());
        assertEquals(CliFiles.readEpoch(epoch1).epochDigest().toDecimalString(), pub.get(1).asText());
        assertTrue(Files.readString(Path.of(aliceProof + ".submission.json")).contains("12000"));
    }

    @Test
    void proveRefusesAnUnhealthyAccountNamingTheLargestThreshold(@TempDir Path dir) throws Exception {
        CliFiles.Opening carol = CliFiles.readOpening(carolOpening);
        int best = MarginEngine.evaluate(CliFiles.readEpoch(epoch1).table(), carol.state()).bestThreshold()
                .orElseThrow().bps();
        assertTrue(best < 10_000);
        Run r = run("prove", "--opening", s(carolOpening), "-e", s(epoch1), "-f", "10000",
                "-k", s(keysDir.resolve("margin-S.zkpk")), "-o", s(dir.resolve("carol")));
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(String.format("largest threshold it can prove is %,d bps", best)), r.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void proveMaxProvesTheLargestThresholdTheEngineAllows(@TempDir Path dir) throws Exception {
        CliFiles.Opening bob = CliFiles.readOpening(shared.resolve("demo/traders/bob/opening-1.json"));
        int best = MarginEngine.evaluate(CliFiles.readEpoch(epoch1).table(), bob.state()).bestThreshold()
                .orElseThrow().bps();
        Path prefix = dir.resolve("bob");
        Run r = run("prove", "--opening", s(shared.resolve("demo/traders/bob/opening-1.json")), "-e", s(epoch1),
                "--max", "-k", s(keysDir.resolve("margin-S.zkpk")), "-o", s(prefix));
        assertEquals(0, r.code(), r.err());
        JsonNode pub = CliFiles.JSON.readTree(Files.readString(Path.of(prefix + ".public.json")));
        assertEquals(String.valueOf(best), pub.get(2).asText());
        assertEquals(0, verify(keysDir.resolve("margin-S.zkvk"), Path.of(prefix + ".proof"),
                Path.of(prefix + ".public.json")).code());
    }

    @Test
    void healthPrintsTheTableAndFailsBelowTheCall() {
        Run alice = run("health", "--opening", s(aliceOpening), "-e", s(epoch1));
        assertEquals(0, alice.code(), alice.err());
        assertTrue(alice.out().contains("equity E") && alice.out().contains("requirement R"), alice.out());
        Run carol = run("health", "--opening", s(carolOpening), "-e", s(epoch1));
        assertEquals(1, carol.code(), carol.out());
        assertTrue(line(carol.out(), "healthy at 10,000").contains("NO"), carol.out());
    }

    // ------------------------------------------------------------------ verify

    private static Run verify(Path vk, Path proof, Path pub) {
        return run("verify", "--vk", s(vk), "--proof", s(proof), "--public", s(pub));
    }

    @Test
    void verifyAcceptsTheProofInBinaryAndSnarkjsForms() {
        Path pub = Path.of(aliceProof + ".public.json");
        Run bin = verify(keysDir.resolve("margin-S.zkvk"), Path.of(aliceProof + ".proof"), pub);
        assertEquals(0, bin.code(), bin.err());
        assertTrue(bin.out().startsWith("VALID"));
        Run json = verify(keysDir.resolve("margin-S.vk.json"), Path.of(aliceProof + ".proof.json"), pub);
        assertEquals(0, json.code(), json.err());
    }

    @Test
    void ceremonyKeysForTheMarginCircuitProveAndVerifyUnchanged(@TempDir Path dir) throws Exception {
        // the real S circuit through the ceremony commands (local dev phase 1), then the ordinary prove/verify
        Path r1cs = dir.resolve("margin-S.r1cs");
        Path ptau = dir.resolve("local15.ptau");
        assertEquals(0, run("ceremony", "r1cs", "--size", "S", "-o", s(r1cs)).code());
        assertEquals(0, run("ceremony", "ptau-local", "--power", "15", "-o", s(ptau)).code());
        Run start = run("ceremony", "start", "--ptau", s(ptau), "--r1cs", s(r1cs), "-o", s(dir.resolve("t0.zkct")));
        assertEquals(0, start.code(), start.err());
        assertTrue(start.err().contains("100%"), "start reports progress: " + start.err());
        assertEquals(0, run("ceremony", "contribute", "--in", s(dir.resolve("t0.zkct")), "-o", s(dir.resolve("t1.zkct")),
                "--name", "venue").code());
        Run export = run("ceremony", "export", "--transcript", s(dir.resolve("t1.zkct")), "--ptau", s(ptau), "--r1cs",
                s(r1cs), "--pk", s(dir.resolve("c.zkpk")), "--vk", s(dir.resolve("c.zkvk")));
        assertEquals(0, export.code(), export.err());
        Path proof = dir.resolve("alice-c");
        Run p = run("prove", "--opening", s(aliceOpening), "-e", s(epoch1), "-f", "12000",
                "-k", s(dir.resolve("c.zkpk")), "-o", s(proof));
        assertEquals(0, p.code(), p.err());
        Path pub = Path.of(proof + ".public.json");
        Run ok = verify(dir.resolve("c.zkvk"), Path.of(proof + ".proof"), pub);
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith("VALID"));
        // the demo's single-party key is a different key: the ceremony's proof must not pass under it
        Run other = verify(keysDir.resolve("margin-S.zkvk"), Path.of(proof + ".proof"), pub);
        assertNotEquals(0, other.code());
    }

    @Test
    void verifyRejectsATamperedProof(@TempDir Path dir) throws Exception {
        byte[] proof = Files.readAllBytes(Path.of(aliceProof + ".proof"));
        for (int i : new int[] {5, 70, 127}) {
            byte[] t = proof.clone();
            t[i] ^= 0x01;
            Path f = dir.resolve("t" + i + ".proof");
            Files.write(f, t);
            Run r = verify(keysDir.resolve("margin-S.zkvk"), f, Path.of(aliceProof + ".public.json"));
            assertTrue(r.code() == 1 || r.code() == 2, "byte " + i + ": " + r.code());
            assertFalse(r.out().startsWith("VALID"));
            String said = r.code() == 1 ? r.out() : r.err();
            assertTrue(said.contains("INVALID") || said.startsWith("zkmargin: "), said);
            assertFalse(said.contains("\tat "), "no stack trace without --verbose: " + said);
        }
    }

    @Test
    void verifyRejectsAWrongPublicInputAndAWrongCount(@TempDir Path dir) throws Exception {
        ArrayNode pub = (ArrayNode) CliFiles.JSON.readTree(Files.readString(Path.of(aliceProof + ".public.json")));
        pub.set(2, CliFiles.JSON.getNodeFactory().textNode("11999"));
        Path wrong = dir.resolve("wrong.json");
        Files.writeString(wrong, pub.toString());
        Run r = verify(keysDir.resolve("margin-S.zkvk"), Path.of(aliceProof + ".proof"), wrong);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().startsWith("INVALID"));

        pub.remove(2);
        Files.writeString(wrong, pub.toString());
        Run count = verify(keysDir.resolve("margin-S.zkvk"), Path.of(aliceProof + ".proof"), wrong);
        assertEquals(2, count.code());
        assertTrue(count.err().contains("expects 3 public inputs"), count.err());
    }

    @Test
    void verifyAcceptsASnarkjsFixture(@TempDir Path dir) throws Exception {
        Path fx = Path.of(System.getProperty("zk.vectors")).getParent().resolve("test-tools/fixtures/groth16");
        Run r = verify(fx.resolve("verification_key.json"), fx.resolve("proof.json"), fx.resolve("public.json"));
        assertEquals(0, r.code(), r.err());
        // and the same snarkjs proof with its first public input changed does not verify
        ArrayNode pub = (ArrayNode) CliFiles.JSON.readTree(Files.readString(fx.resolve("public.json")));
        pub.set(0, CliFiles.JSON.getNodeFactory().textNode(new BigInteger(pub.get(0).asText()).add(BigInteger.ONE).toString()));
        Path wrong = dir.resolve("public.json");
        Files.writeString(wrong, pub.toString());
        assertEquals(1, verify(fx.resolve("verification_key.json"), fx.resolve("proof.json"), wrong).code());
    }

    // ------------------------------------------------------------------ audit

    @Test
    void auditPassesTheDemoBundleAndFailsATamperedOne(@TempDir Path dir) throws Exception {
        Path bundle = shared.resolve("demo/audit-bundle");
        Run ok = run("audit", "-b", s(bundle), "--venue-pub", s(venueDir.resolve("venue.pub")));
        assertEquals(0, ok.code(), ok.err() + ok.out());
        assertTrue(ok.out().contains("AUDIT PASSED"));

        Path copy = dir.resolve("bundle");
        try (Stream<Path> files = Files.walk(bundle)) {
            for (Path p : files.toList()) {
                Path q = copy.resolve(bundle.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q); else Files.copy(p, q);
            }
        }
        ArrayNode proofs = (ArrayNode) CliFiles.JSON.readTree(Files.readString(copy.resolve("proofs.json")));
        assertTrue(proofs.size() > 0);
        ObjectNode first = (ObjectNode) proofs.get(0);
        first.put("thresholdBps", first.path("thresholdBps").asLong() + 1);
        Files.writeString(copy.resolve("proofs.json"), proofs.toString(), StandardCharsets.UTF_8);
        Run bad = run("audit", "-b", s(copy), "--venue-pub", s(venueDir.resolve("venue.pub")));
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("AUDIT FAILED") && bad.out().contains("problem:"), bad.out());
    }

    @Test
    void auditWithAnotherVenueKeyFails(@TempDir Path dir) {
        assertEquals(0, run("keygen", "-o", s(dir.resolve("other.key"))).code());
        Run r = run("audit", "-b", s(shared.resolve("demo/audit-bundle")), "--venue-pub", s(dir.resolve("other.key.pub")));
        assertEquals(1, r.code(), r.out());
    }

    // ------------------------------------------------------------------ serve and usage

    @Test
    void serveRejectsAShortTokenBeforeListening(@TempDir Path dir) {
        // the service itself is exercised end to end by the demo; here: bad configuration is a usage error
        Run r = run("serve", "--venue-pub", s(venueDir.resolve("venue.pub")), "--token", "short", "--port", "0",
                "--data", s(dir.resolve("data")));
        assertEquals(2, r.code(), r.out());
        assertNotEquals("", r.err());
        assertFalse(r.err().contains("short"), "the token is a secret and is never echoed: " + r.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("verify", "--vk", "x").code());
        assertEquals(2, run("nosuchcommand").code());
        Run missing = run("health", "-a", "/nonexistent/acct.json", "-e", s(epoch1));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("file not found"), missing.err());
    }
}
