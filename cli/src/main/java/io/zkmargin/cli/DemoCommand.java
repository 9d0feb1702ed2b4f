package io.zkmargin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.engine.MarginResult;
import io.zkmargin.api.market.AccountCommitment;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.sig.VenueSignatures;
import io.zkmargin.api.sig.VenueSigningKey;
import io.zkmargin.api.wire.JsonCodec;
import io.zkmargin.api.wire.WireMapping;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.ProvingKeyFile;
import io.zkmargin.service.ServiceConfig;
import io.zkmargin.service.VerifierService;
import io.zkmargin.service.audit.AuditReport;
import io.zkmargin.verifier.ProofEncoding;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole story in about a minute: a venue sets up keys and publishes an epoch with perps and",
            "options, three traders prove (healthy, warning, failing), the service fires a preemptive warning and a",
            "margin call, prices move in a second epoch, and an auditor re-verifies the service's export."})
final class DemoCommand implements Callable<Integer> {
    static final long USD = 0, BTC_COLL = 1;
    static final int BTC_PERP = 16, ETH_PERP = 17, BTC_CALL = 32, BTC_PUT = 33;
    static final Duration PROOF_WINDOW = Duration.ofMinutes(10);
    static final Duration GRACE_WINDOW = Duration.ofMinutes(30);

    @Spec CommandSpec spec;

    @Option(names = {"-o", "--out"}, defaultValue = "zkmargin-out", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path outDir;

    private PrintWriter o;
    private final AtomicLong clockOffset = new AtomicLong();
    private final Map<String, List<String>> story = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        o = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Path venueDir = outDir.resolve("venue");
        Path tradersDir = outDir.resolve("traders");
        Path serviceDir = outDir.resolve("service");
        Path auditDir = outDir.resolve("audit-bundle");
        deleteTree(serviceDir);
        deleteTree(auditDir);

        title("1. Venue: signing key and Groth16 keys for size class S (4 positions, 2 collateral assets)");
        VenueSigningKey venue = VenueSigningKey.generate(new SecureRandom());
        CliFiles.writeSecret(venueDir.resolve("venue.key"), venue.exportPem().getBytes(StandardCharsets.US_ASCII));
        CliFiles.writeText(venueDir.resolve("venue.pub"), venue.publicKey().toPem());
        say("venue key %s (private key in %s)", venue.publicKey().keyId(), venueDir.resolve("venue.key"));
        SetupCommand.Keys keys = SetupCommand.Keys.setup(SizeClass.S, venueDir.resolve("keys"), o);
        ProvingKey pk = ProvingKeyFile.read(keys.provingKeyFile());
        say("single-party setup for the demo; production keys come from a ceremony (docs/CEREMONY.md)");

        title("2. Venue: market epoch 1 (BTC 60,000, ETH 3,000) from instrument specs through the risk tools");
        MarketEpoch e1 = publishEpoch(venue, 1, 60_000, 3_000, venueDir);

        title("3. The verifier service starts (embedded SQLite) and the venue registers its key and epoch");
        String token = HexFormat.of().formatHex(randomBytes(16));
        ServiceConfig cfg = ServiceConfig.builder()
                .dataDir(serviceDir).port(0).bearerToken(token)
                .venuePublicKey(venue.publicKey().raw())
                .proofWindowMillis(PROOF_WINDOW.toMillis()).graceWindowMillis(GRACE_WINDOW.toMillis())
                .tickMillis(100).build();
        try (VerifierService svc = VerifierService.builder(cfg)
                .clock(() -> System.currentTimeMillis() + clockOffset.get())
                .accessLog(line -> { })
                .build().start()) {
            String url = svc.url();
            say("service listening on %s (proof window %d min, grace window %d min)", url,
                    PROOF_WINDOW.toMinutes(), GRACE_WINDOW.toMinutes());
            Http.postOrFail(url, "/v1/keys", JsonCodec.toJson(io.zkmargin.api.proto.VerifyingKeyRecord.newBuilder()
                    .setSizeClass(WireMapping.toProto(SizeClass.S))
                    .setKey(ByteString.copyFrom(Files.readAllBytes(keys.verifyingKeyFile()))).build()), token, "key");
            Http.postOrFail(url, "/v1/epochs", CliFiles.epochJson(e1), token, "epoch 1");
            say("verifying key for class S and epoch 1 registered");

            title("4. Traders commit to their accounts; the venue registers the commitments (signed)");
            Map<String, AccountState> accounts = new LinkedHashMap<>();
            accounts.put("alice", alice());
            accounts.put("bob", calibrated(2002, 1, e1.table(), 11_000));   // short calls, ~110% of requirement
            accounts.put("carol", carolState(e1.table(), 1));                 // ~90% of requirement
            Map<String, CliFiles.Opening> openings = new LinkedHashMap<>();
            for (Map.Entry<String, AccountState> a : accounts.entrySet()) {
                openings.put(a.getKey(), commitAndRegister(a.getKey(), a.getValue(), tradersDir, venue, url, token));
            }

            title("5. Each trader checks health locally (private: nothing leaves the trader's machine)");
            Table h = new Table("trader", "equity", "requirement", "largest provable f");
            for (Map.Entry<String, AccountState> a : accounts.entrySet()) {
                MarginResult r = MarginEngine.evaluate(e1.table(), a.getValue());
                h.row(a.getKey(), HealthCommand.atoms(r.e6()), HealthCommand.atoms(r.r6()),
                        String.format("%,d bps", r.largestProvableF()));
            }
            h.print(o);

            title("6. Traders prove and submit (the service sees only commitment, epoch digest and threshold)");
            for (String name : accounts.keySet()) {
                proveAndSubmit(name, openings.get(name), e1, pk, tradersDir, url);
            }

            title("7. Time passes with no valid proof from carol");
            advance(url, PROOF_WINDOW.plusSeconds(1), "the proof window closes", accounts.keySet(), 1);
            advance(url, GRACE_WINDOW, "the grace window closes", accounts.keySet(), 1);

            title("8. Prices move: epoch 2 (BTC 66,000, +10%; ETH 2,850); carol deposits and re-registers");
            MarketEpoch e2 = publishEpoch(venue, 2, 66_000, 2_850, venueDir);
            Http.postOrFail(url, "/v1/epochs", CliFiles.epochJson(e2), token, "epoch 2");
            AccountState carol2 = carolState(e2.table(), 2);
            openings.put("carol", commitAndRegister("carol", carol2, tradersDir, venue, url, token));
            for (String name : accounts.keySet()) {
                proveAndSubmit(name, openings.get(name), e2, pk, tradersDir, url);
            }
            advance(url, PROOF_WINDOW.plusSeconds(1), "the proof window of epoch 2 closes", accounts.keySet(), 2);

            title("9. Auditor: export the service's bundle and re-verify it offline");
            svc.exportAudit(auditDir);
            AuditReport report = AuditCommand.audit(auditDir, venue.publicKey().raw());
            AuditCommand.print(o, report);

            title("Summary");
            Table s = new Table("trader", "epoch 1", "epoch 2");
            for (Map.Entry<String, List<String>> e : story.entrySet()) {
                s.row(e.getKey(), String.join(" -> ", stateIn(e.getValue(), 1)), String.join(" -> ", stateIn(e.getValue(), 2)));
            }
            s.print(o);
            JsonNode events = CliFiles.JSON.readTree(Http.get(url, "/v1/events?after=0").body());
            long calls = 0;
            for (JsonNode ev : events.path("events")) if ("margin_call".equals(ev.path("type").asText())) calls++;
            say("margin-call events emitted: %d; audit %s", calls, report.ok() ? "passed" : "FAILED");
            say("files: venue keys and epochs in %s, trader files in %s, service data in %s, audit bundle in %s",
                    venueDir, tradersDir, serviceDir, auditDir);
            say("demo finished in %.0f s", (System.nanoTime() - t0) / 1e9);
            return report.ok() ? 0 : Main.EXIT_FAILED;
        }
    }

    // ------------------------------------------------------------------ the market

    private MarketEpoch publishEpoch(VenueSigningKey venue, long id, long btc, long eth, Path venueDir) throws Exception {
        String csv = String.join("\n",
                "kind,id,leaf,underlying,price,price_scan_range,vol_scan_range,strike,days,vol,som_fraction,tiers",
                "underlying,BTC,,," + btc + "," + btc / 10 + ",0.10,,,,,",
                "underlying,ETH,,," + eth + "," + eth / 10 + ",0.10,,,,,",
                "perp,BTC-PERP," + BTC_PERP + ",BTC,,,,,,,,0:4000;50000:5000;250000:10000",
                "perp,ETH-PERP," + ETH_PERP + ",ETH,,,,,,,,0:5000;100000:10000",
                "call,BTC-C70000," + BTC_CALL + ",BTC,,,,70000,30,0.60,0.01,",
                "put,BTC-P50000," + BTC_PUT + ",BTC,,,,50000,30,0.60,0.01,",
                "collateral,USD," + USD + ",,1,,,,,,,",
                "collateral,BTC," + BTC_COLL + ",," + btc + ",,,,,,,0:1000000;100000:975000;500000:950000",
                "");
        Path csvFile = venueDir.resolve("market-" + id + ".csv");
        CliFiles.writeText(csvFile, csv);
        MarketTable table = EpochCommand.readTable(csvFile);
        MarketEpoch e = VenueSignatures.signEpoch(venue, id, System.currentTimeMillis() + clockOffset.get(), table);
        Path file = venueDir.resolve("epoch-" + id + ".json");
        CliFiles.writeText(file, CliFiles.epochJson(e));
        Table t = new Table("instrument", "leaf", "mark", "worst scenario loss / lot", "maintenance tiers");
        for (var i : table.instruments()) {
            BigInteger worst = BigInteger.ZERO;
            for (int s = 0; s < 16; s++) worst = worst.max(i.risk(s));
            t.row(i.id(), i.leafIndex(), i.mark(), worst, i.maintenance().isZero() ? "-" : "progressive");
        }
        for (var c : table.collaterals()) t.row(c.id() + " (collateral)", c.leafIndex(), c.price(), "", "haircut tiers");
        t.print(o);
        say("epoch %d signed: marketRoot %s..., written to %s", id, e.marketRoot().toDecimalString().substring(0, 12), file);
        return e;
    }

    // ------------------------------------------------------------------ the traders

    /** Long BTC perp financed with USD debt, plus some BTC collateral: comfortably healthy. */
    private static AccountState alice() {
        return AccountState.builder(1001).sequence(1)
                .position(BTC_PERP, 3).position(ETH_PERP, -20)
                .balance((int) USD, -120_000).balance((int) BTC_COLL, 2)
                .build();
    }

    /** Short BTC calls and a put, with cash chosen so that equity is {@code targetBps} of the requirement. */
    static AccountState calibrated(long id, long seq, MarketTable table, long targetBps) {
        AccountState.Builder b = AccountState.builder(id).sequence(seq)
                .position(BTC_CALL, -40).position(BTC_PUT, -30).position(BTC_PERP, 1);
        MarginResult r = MarginEngine.evaluate(table, b.build());
        // cash (USD, counted in full) such that 10^4 * E6 = target * R6, rounded up to whole dollars
        BigInteger need = r.r6().multiply(BigInteger.valueOf(targetBps)).divide(BigInteger.valueOf(10_000)).subtract(r.e6());
        long cash = need.add(BigInteger.valueOf(999_999)).divide(BigInteger.valueOf(1_000_000)).longValueExact();
        return b.balance((int) USD, cash).build();
    }

    private static AccountState carolState(MarketTable table, long seq) {
        // epoch 1: at ~90% of her requirement; after her deposit in epoch 2: ~150%
        return calibrated(3003, seq, table, seq == 1 ? 9_000 : 15_000);
    }

    private CliFiles.Opening commitAndRegister(String name, AccountState s, Path tradersDir, VenueSigningKey venue,
            String url, String token) throws Exception {
        CliFiles.Opening op = CommitCommand.commit(s, SizeClass.S);
        Path dir = tradersDir.resolve(name);
        AccountCommitment c = CommitCommand.write(op, dir.resolve("opening-" + s.sequence() + ".json"),
                dir.resolve("commitment-" + s.sequence() + ".json"));
        AccountRegistration reg = VenueSignatures.signRegistration(venue, s.accountId(), s.sequence(), c);
        Http.postOrFail(url, "/v1/accounts", CliFiles.registrationJson(reg), token, "registration");
        say("%-6s account %d seq %d: %d positions, %d balances -> commitment %s... registered",
                name, s.accountId(), s.sequence(), s.positions().size(), s.balances().size(),
                c.toDecimalString().substring(0, 12));
        return op;
    }

    /**
     * What a trader proves: the warning threshold when it can (more would reveal more about the account), else
     * its best threshold if that still avoids a margin call, else the call threshold (which the prover refuses).
     */
    static long chooseThreshold(MarketEpoch epoch, AccountState s) {
        MarginResult r = MarginEngine.evaluate(epoch.table(), s);
        if (r.isHealthy(12_000)) return 12_000;
        long best = r.bestThreshold().map(t -> (long) t.bps()).orElse(0L);
        return best >= 10_000 ? best : 10_000;
    }

    private void proveAndSubmit(String name, CliFiles.Opening op, MarketEpoch epoch, ProvingKey pk,
            Path tradersDir, String url) throws Exception {
        long f = chooseThreshold(epoch, op.state());
        ProveCommand.Result r;
        try {
            r = ProveCommand.prove(op, epoch, pk, f, null);
        } catch (CliException refused) {
            say("%-6s cannot prove: %s", name, refused.getMessage());
            record(name, epoch.epochId(), status(url, op.state().accountId()));
            return;
        }
        byte[] proof = ProofEncoding.compressed(r.proof());
        String prefix = tradersDir.resolve(name).resolve("epoch-" + epoch.epochId()).toString();
        CliFiles.writeBytes(Path.of(prefix + ".proof"), proof);
        Http.Response resp = Http.postOrFail(url, "/v1/proofs",
                ProveCommand.submissionJson(op, epoch, r.thresholdBps(), proof), null, "proof");
        String state = CliFiles.JSON.readTree(resp.body()).path("state").asText();
        say("%-6s proved f = %,d bps in %.1f s (128-byte proof) -> service: %s", name, r.thresholdBps(), r.seconds(), state);
        record(name, epoch.epochId(), state);
    }

    private void advance(String url, Duration d, String what, Iterable<String> names, long epochId) throws Exception {
        clockOffset.addAndGet(d.toMillis());
        say("... %d minutes later: %s", d.toMinutes(), what);
        long[] ids = {1001, 2002, 3003};
        for (long id : ids) awaitDeadlinesApplied(url, id);
        int i = 0;
        for (String name : names) {
            String st = status(url, ids[i++]);
            record(name, epochId, st);
            say("   %-6s %s", name, st);
        }
    }

    /** Waits (up to 30 s) until the service's timer has applied every deadline that has passed on the demo clock. */
    private void awaitDeadlinesApplied(String url, long accountId) throws Exception {
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < giveUp) {
            JsonNode s = CliFiles.JSON.readTree(Http.get(url, "/v1/accounts/" + accountId).body());
            long now = System.currentTimeMillis() + clockOffset.get();
            String st = s.path("state").asText();
            boolean pending = ("PENDING".equals(st) && millis(s, "proofDeadline") <= now)
                    || ("MARGIN_CALL".equals(st) && millis(s, "liquidationDeadline") <= now);
            if (!pending) return;
            Thread.sleep(50);
        }
    }

    private static long millis(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asLong() : Long.MAX_VALUE;
    }

    private static String status(String url, long accountId) throws Exception {
        return CliFiles.JSON.readTree(Http.get(url, "/v1/accounts/" + accountId).body()).path("state").asText();
    }

    private void record(String name, long epochId, String state) {
        List<String> l = story.computeIfAbsent(name, k -> new ArrayList<>());
        String tagged = epochId + ":" + state;
        if (l.isEmpty() || !l.get(l.size() - 1).equals(tagged)) l.add(tagged);
    }

    private static List<String> stateIn(List<String> tagged, long epochId) {
        List<String> out = new ArrayList<>();
        for (String t : tagged) if (t.startsWith(epochId + ":")) out.add(t.substring(t.indexOf(':') + 1));
        return out;
    }

    // ------------------------------------------------------------------ output helpers

    private void title(String s) {
        o.println();
        o.println("== " + s);
        o.flush();
    }

    private void say(String fmt, Object... args) {
        o.println("  " + String.format(fmt, args));
        o.flush();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
