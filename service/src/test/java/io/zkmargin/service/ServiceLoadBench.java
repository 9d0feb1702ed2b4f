package io.zkmargin.service;

import io.zkmargin.api.model.SizeClass;
import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Compiler;
import io.zkmargin.circuits.Var;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.prover.Groth16Prover;
import io.zkmargin.prover.Groth16Setup;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.verifier.VerifyingKeyEncoding;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Load bench for POST /v1/proofs (issue 6), run by hand, not a unit test:
 * {@code java -cp <service test classpath> io.zkmargin.service.ServiceLoadBench [rate] [seconds] [clients] [accounts]}.
 * Starts the service with SQLite in a temp dir and the real Groth16 verifier, registers a key for the tiny
 * three-public-input circuit of Groth16ServiceTest, publishes an epoch, registers the accounts, pre-generates
 * valid proofs (each submission has fresh proof bytes), warms up with 1,000 submissions, then runs (1) an open-loop fixed-rate phase (latency is
 * measured from each request's scheduled time, so a stalled server is not hidden) and (2) a closed-loop
 * max-throughput phase with N concurrent clients, each on a new epoch. Only 200 answers count as verified.
 */
public final class ServiceLoadBench {
    private static final long F = 12_500;
    private static final String PROTO = "application/x-protobuf";

    private ServiceLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int accounts = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int maxSeconds = 15;
        int maxProofs = args.length > 4 ? Integer.parseInt(args[4]) : 8_000;
        System.out.printf(Locale.ROOT, "cores %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(), load());

        CompiledCircuit circuit = Compiler.compile(api -> {
            Var c = api.publicInput("commitment");
            Var d = api.publicInput("epochDigest");
            Var f = api.publicInput("thresholdBps");
            Var s = api.secretInput("s");
            api.assertEqual(api.mul(s, s), api.add(c, api.mul(d, f)));
        });
        ProvingKey pk = Groth16Setup.generateInsecureDeterministicForTests(circuit.r1cs(), 42);
        Groth16Prover prover = Groth16Prover.of(pk, circuit.r1cs());
        TestVenue venue = new TestVenue();
        Path dir = Files.createTempDirectory("zk-load");
        String token = "venue-token-0123456789";
        ServiceConfig config = ServiceConfig.builder().dataDir(dir).port(0).bearerToken(token)
                .venuePublicKey(venue.publicKey()).proofWindowMillis(3_600_000).graceWindowMillis(3_600_000)
                .ratePerSecond(1_000_000).rateBurst(1_000_000).build();
        // the access log would flood stdout at these rates
        VerifierService svc = VerifierService.builder(config).accessLog(line -> { }).build().start();
        try {
            Http http = new Http(svc.url(), token);
            check(http.venue("POST", "/v1/keys", TestVenue.keyJson(SizeClass.S, VerifyingKeyEncoding.encode(pk.verifyingKey()))), 201);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).build();
            URI uri = URI.create(svc.url() + "/v1/proofs");
            List<Row> rows = new ArrayList<>();

            // phase 1: fixed rate on epoch 1
            int warm = 1_000;
            byte[][] bodies = epochAndProofs(http, venue, prover, circuit, 1, accounts, warm + rate * seconds);
            // JIT warm-up of server and client on the first proofs, not reported
            Row w = closedLoop(client, uri, Arrays.copyOf(bodies, warm), clients, 10);
            System.out.println("warm-up (not counted): " + w);
            rows.add(fixedRate(client, uri, Arrays.copyOfRange(bodies, warm, bodies.length), rate, seconds));
            System.out.println(rows.get(0));

            // phase 2: max throughput on epoch 2 (a new epoch resets every account, so all proofs are fresh)
            bodies = epochAndProofs(http, venue, prover, circuit, 2, accounts, maxProofs);
            rows.add(closedLoop(client, uri, bodies, clients, maxSeconds));
            System.out.println(rows.get(1));

            System.out.printf(Locale.ROOT, "load average now %.1f; accounts %d%n", load(), accounts);
            System.out.println("| run | sent | verified (200) | other answers | verified/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            rows.forEach(r -> System.out.println(r.markdown()));
        } finally {
            svc.stop();
            deleteTree(dir);
        }
        System.exit(0);
    }

    /** Publishes the epoch, (re)registers every account with a commitment for it, and builds the request bodies. */
    private static byte[][] epochAndProofs(Http http, TestVenue venue, Groth16Prover prover, CompiledCircuit circuit,
                                           long epoch, int accounts, int count) throws Exception {
        check(http.venue("POST", "/v1/epochs", TestVenue.json(venue.epoch(epoch))), 201);
        BigInteger d = venue.epoch(epoch).epochDigest().toBigInteger();
        BigInteger[] commitments = new BigInteger[accounts];
        for (int i = 0; i < accounts; i++) {
            long s = 1_000 + i;
            commitments[i] = Fr.of(s).square().sub(Fr.of(d).mul(Fr.of(F))).toBigInteger();
            check(http.venue("POST", "/v1/accounts", TestVenue.json(venue.registration(i + 1, epoch, commitments[i]))), 200);
        }
        long t0 = System.nanoTime();
        byte[][] bodies = new byte[count][];
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(k -> {
                int i = k % accounts;
                Assignment a = Assignment.builder().set("commitment", commitments[i]).set("epochDigest", d)
                        .set("thresholdBps", F).set("s", 1_000 + i).build();
                byte[] proof = Groth16ProofChecker.encodeProof(prover.prove(circuit.solve(a)));
                bodies[k] = TestVenue.proofMessage(i + 1, epoch, SizeClass.S, F, proof).toByteArray();
            })).get();
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "epoch %d: %d accounts registered, %d proofs generated in %.1f s%n", epoch,
                accounts, count, (System.nanoTime() - t0) / 1e9);
        return bodies;
    }

    private static HttpRequest request(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", PROTO)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** Open loop: request k is due at start + k/rate; its latency counts from that time, not from when it left. */
    private static Row fixedRate(HttpClient client, URI uri, byte[][] bodies, int rate, int seconds) throws Exception {
        int n = Math.min(bodies.length, rate * seconds);
        long[] lat = new long[n];
        Tally t = new Tally();
        List<CompletableFuture<Void>> all = new ArrayList<>(n);
        long start = System.nanoTime();
        for (int k = 0; k < n; k++) {
            long due = start + (long) (k * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int idx = k;
            all.add(client.sendAsync(request(uri, bodies[k]), HttpResponse.BodyHandlers.ofString())
                    .handle((r, e) -> {
                        lat[idx] = System.nanoTime() - due;
                        t.count(r == null ? -1 : r.statusCode(), r == null ? e.toString() : r.body());
                        return null;
                    }));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).join();
        double wall = (System.nanoTime() - start) / 1e9;
        return new Row(String.format(Locale.ROOT, "fixed %d req/s for %d s", rate, seconds), n, t, wall, lat);
    }

    /** Closed loop: each client sends its next request as soon as it has the previous answer. */
    private static Row closedLoop(HttpClient client, URI uri, byte[][] bodies, int clients, int seconds) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] lat = new long[bodies.length];
        Tally t = new Tally();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            fs.add(pool.submit(() -> {
                int k;
                while (System.nanoTime() < end && (k = next.getAndIncrement()) < bodies.length) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(request(uri, bodies[k]), HttpResponse.BodyHandlers.ofString());
                        t.count(r.statusCode(), r.body());
                    } catch (Exception e) {
                        t.count(-1, e.toString());
                    }
                    lat[k] = System.nanoTime() - s;
                }
                return null;
            }));
        }
        for (var f : fs) {
            f.get();
        }
        pool.shutdown();
        double wall = (System.nanoTime() - start) / 1e9;
        int sent = Math.min(next.get(), bodies.length);
        return new Row(String.format(Locale.ROOT, "max, %d clients", clients), sent, t, wall, Arrays.copyOf(lat, sent));
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void check(Http.Resp r, int want) {
        if (r.status() != want) {
            throw new IllegalStateException("expected " + want + ", got " + r.status() + ": " + r.body());
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Answers by status; the first body of each non-200 status is kept to name the failure. */
    private static final class Tally {
        final LongAdder ok = new LongAdder();
        final Map<Integer, LongAdder> other = new ConcurrentHashMap<>();
        final Map<Integer, String> sample = new ConcurrentHashMap<>();

        void count(int status, String body) {
            if (status == 200) {
                ok.increment();
            } else {
                other.computeIfAbsent(status, s -> new LongAdder()).increment();
                sample.putIfAbsent(status, body.length() > 200 ? body.substring(0, 200) : body);
            }
        }
    }

    private record Row(String name, int sent, Tally t, double wall, long[] lat) {
        double pct(double p) {
            long[] s = lat.clone();
            Arrays.sort(s);
            return s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)] / 1e6;
        }

        String markdown() {
            long okN = t.ok.sum();
            return String.format(Locale.ROOT, "| %s | %d | %d | %s | %.0f | %.1f | %.1f | %.1f | %.1f |", name, sent, okN,
                    t.other.isEmpty() ? "none" : t.other.toString(), okN / wall, pct(0.50), pct(0.95), pct(0.99),
                    pct(1.0));
        }

        @Override
        public String toString() {
            return markdown() + (t.sample.isEmpty() ? "" : " samples " + t.sample);
        }
    }
}
