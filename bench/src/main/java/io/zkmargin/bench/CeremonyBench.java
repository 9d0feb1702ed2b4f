package io.zkmargin.bench;

import io.zkmargin.api.model.SizeClass;
import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.margin.MarginCircuit;
import io.zkmargin.crypto.ntt.Domain;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.SetupListener;
import io.zkmargin.prover.ceremony.Ceremony;
import io.zkmargin.prover.ceremony.PowersOfTau;
import io.zkmargin.prover.ceremony.Transcript;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Bench command (issue 8): a phase-2 ceremony for one margin size class on a local phase 1 (dev only) of exactly
 * the circuit's domain: start key, one contribution, a beacon, the auditor's verification and the export, each
 * timed. With {@code --fft} the start key derives the Lagrange basis by the group inverse FFT instead of reading
 * it from the prepared phase 1 (what an unprepared .ptau costs).
 * Usage: {@code java -cp bench/target/benchmarks.jar io.zkmargin.bench.CeremonyBench S|M|L [--fft] [--skip-verify]}
 * (verification recomputes the start key, so it costs about as much again).
 */
public final class CeremonyBench {
    private CeremonyBench() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: CeremonyBench S|M|L [--fft] [--skip-verify]");
            System.exit(2);
        }
        SizeClass sc = SizeClass.valueOf(args[0].toUpperCase(Locale.ROOT));
        java.util.List<String> opts = java.util.Arrays.asList(args).subList(1, args.length);
        boolean fft = opts.contains("--fft");
        boolean skipVerify = opts.contains("--skip-verify");
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "size class %s, cores %d, load average %.1f, max heap %d MiB%n", sc, cores,
                load(), Runtime.getRuntime().maxMemory() >> 20);
        R1cs r1cs = MarginCircuit.compiled(sc).r1cs();
        int log = Domain.atLeast(r1cs.nConstraints() + r1cs.nPublic() + 1).log();
        System.out.printf(Locale.ROOT, "%d constraints, %d wires, domain 2^%d%n", r1cs.nConstraints(), r1cs.nWires(), log);

        long t = System.nanoTime();
        PowersOfTau ptau = PowersOfTau.localInsecureFor(log);
        if (fft) {
            ptau = ptau.withoutLagrange();
        }
        double phase1 = s(t);
        System.out.printf(Locale.ROOT, "local phase 1 (power %d): %.1f s%n", log, phase1);

        SetupListener progress = printer();
        t = System.nanoTime();
        Transcript t0 = Ceremony.start(ptau, r1cs, progress);
        double start = s(t);
        System.out.printf(Locale.ROOT, "start key (%s): %.1f s%n", fft ? "group FFT" : "prepared Lagrange basis", start);

        t = System.nanoTime();
        Transcript t1 = Ceremony.contribute(t0, "bench", new SecureRandom(), progress);
        double contribute = s(t);
        System.out.printf(Locale.ROOT, "contribute: %.1f s%n", contribute);

        t = System.nanoTime();
        Transcript t2 = Ceremony.beacon(t1, "beacon", "bench beacon".getBytes(StandardCharsets.US_ASCII), 10, progress);
        double beacon = s(t);

        double verify = Double.NaN;
        if (!skipVerify) {
            t = System.nanoTime();
            Ceremony.verify(t2, ptau, r1cs, progress);
            verify = s(t);
            System.out.printf(Locale.ROOT, "verify (2 contributions): %.1f s%n", verify);
        }

        t = System.nanoTime();
        ProvingKey pk = Ceremony.exportProvingKey(t2);
        double export = s(t);
        System.out.printf(Locale.ROOT, "export: %.1f s (proving key domain 2^%d)%n", export, pk.domainLog());
        System.out.printf(Locale.ROOT, "| %s | %,d | 2^%d | %s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f |%n", sc,
                r1cs.nConstraints(), log, fft ? "group FFT" : "prepared", start, contribute, beacon, verify, load());
    }

    /** Prints each phase at 0, 25, 50, 75 and 100 percent on stderr. */
    private static SetupListener printer() {
        return new SetupListener() {
            private String phase = "";
            private int quarter = -1;
            private final long begin = System.nanoTime();

            @Override
            public synchronized void progress(String p, long done, long total) {
                int q = total == 0 ? 4 : (int) (4 * done / total);
                if (!p.equals(phase)) {
                    phase = p;
                    quarter = -1;
                }
                if (q > quarter) {
                    quarter = q;
                    System.err.printf(Locale.ROOT, "  [%6.1f s] %s %d%%%n", s(begin), p, 25 * q);
                }
            }
        };
    }

    private static double s(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
