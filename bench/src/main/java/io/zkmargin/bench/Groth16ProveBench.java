package io.zkmargin.bench;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.circom.R1csFile;
import io.zkmargin.circuits.circom.WtnsFile;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.prover.Groth16Prover;
import io.zkmargin.prover.Groth16Setup;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.ProvingKeyFile;
import io.zkmargin.verifier.Groth16Verifier;
import io.zkmargin.verifier.SnarkjsJson;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bench command: proves the circom chain x_{i+1} = x_i^2 + i (default 32,000 constraints) with our
 * prover, phase by phase, and in the same run with {@code snarkjs groth16 prove} on the same .r1cs
 * and .wtns. The fixture is made by test-tools/fixtures/make-bench-chain.sh (circom2, snarkjs).
 * Usage, from the repository root after {@code npm ci} in test-tools and packaging the bench module:
 * {@code java -cp bench/target/benchmarks.jar io.zkmargin.bench.Groth16ProveBench [N] [dir] [reps]}.
 */
public final class Groth16ProveBench {
    private Groth16ProveBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 32000;
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/zkmargin-bench-chain");
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path tools = Path.of(System.getProperty("zk.testTools", "test-tools")).toAbsolutePath();
        System.out.printf(Locale.ROOT, "cores %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(), load());

        long t0 = System.nanoTime();
        exec(Path.of("."), List.of("bash",
                tools.resolve("fixtures/make-bench-chain.sh").toString(), Integer.toString(n), dir.toString()));
        System.out.printf(Locale.ROOT, "fixture ready in %.1f s (circom2, witness, ptau, zkey; cached)%n", sec(t0));

        long t1 = System.nanoTime();
        R1cs r1cs = R1csFile.read(dir.resolve("chain.r1cs"));
        Witness witness = WtnsFile.read(dir.resolve("chain.wtns"), r1cs);
        System.out.printf(Locale.ROOT, "load r1cs + wtns: %.1f ms (%d constraints, %d wires)%n", ms(t1),
                r1cs.nConstraints(), r1cs.nWires());

        long t2 = System.nanoTime();
        ProvingKey pk = Groth16Setup.generate(r1cs, (phase, done, total) -> { });
        System.out.printf(Locale.ROOT, "our setup: %.2f s (domain 2^%d)%n", sec(t2), pk.domainLog());
        Path keyFile = dir.resolve("chain.zkpk");
        long t3 = System.nanoTime();
        ProvingKeyFile.write(pk, keyFile);
        long t4 = System.nanoTime();
        ProvingKey loaded = ProvingKeyFile.read(keyFile);
        System.out.printf(Locale.ROOT, "key file: write %.0f ms, read+validate %.0f ms, %d bytes%n",
                (t4 - t3) / 1e6, ms(t4), Files.size(keyFile));

        Groth16Prover prover = Groth16Prover.of(loaded, r1cs);
        Fr[] pub = witness.publicValues().toArray(new Fr[0]);
        SecureRandom rnd = new SecureRandom();
        Proof warm = prover.prove(witness, rnd, null);   // JIT warm-up
        if (!Groth16Verifier.verify(pk.verifyingKey(), warm, pub)) {
            throw new IllegalStateException("our proof does not verify");
        }
        List<Double> ours = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            Map<String, Long> phases = new LinkedHashMap<>();
            long s = System.nanoTime();
            prover.prove(witness, rnd, phases::put);
            double total = ms(s);
            ours.add(total);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "our prove #%d: %8.1f ms  [", r + 1, total));
            phases.forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s %.1f", k, v / 1e6)));
            System.out.println(line.append(" ] ms"));
        }

        Path cli = tools.resolve("node_modules/snarkjs/build/cli.cjs");
        List<Double> theirs = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            long s = System.nanoTime();
            exec(dir, List.of("node", cli.toString(), "groth16", "prove", "chain.zkey", "chain.wtns", "sj_proof.json",
                    "sj_public.json"));
            theirs.add(ms(s));
            System.out.printf(Locale.ROOT, "snarkjs groth16 prove #%d: %8.1f ms (wall, includes node start-up)%n", r + 1,
                    theirs.get(r));
        }
        exec(dir, List.of("node", cli.toString(), "zkey", "export", "verificationkey", "chain.zkey", "sj_vk.json"));
        String sjOk;
        try {
            sjOk = Boolean.toString(Groth16Verifier.verify(
                    SnarkjsJson.readVerifyingKey(Files.readString(dir.resolve("sj_vk.json"))),
                    SnarkjsJson.readProof(Files.readString(dir.resolve("sj_proof.json"))),
                    SnarkjsJson.readPublic(Files.readString(dir.resolve("sj_public.json")))));
        } catch (IllegalArgumentException e) {
            sjOk = "key rejected (" + e.getMessage() + ")";
        }
        double a = median(ours);
        double b = median(theirs);
        System.out.printf(Locale.ROOT, "median: ours %.1f ms, snarkjs %.1f ms, speed-up %.2fx; our verifier accepts "
                + "snarkjs's proof: %s; load average now %.1f%n", a, b, b / a, sjOk, load());
    }

    private static void exec(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("command failed: " + String.join(" ", cmd));
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double sec(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
