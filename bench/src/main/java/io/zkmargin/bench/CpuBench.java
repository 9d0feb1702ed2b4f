package io.zkmargin.bench;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.crypto.msm.Msm;
import io.zkmargin.crypto.ntt.Domain;
import io.zkmargin.crypto.pairing.Pairing;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A bench command for a shared, busy machine: runs each kernel on the calling thread only and
 * reports CPU time per operation (thread CPU time is not inflated by other processes, unlike wall
 * time; a busy sibling hyperthread still slows it), the best single run, plus wall time. The field
 * rows time 10^6 dependent operations, so ms/op there reads as ns per field operation. Usage: {@code java -cp bench/target/benchmarks.jar io.zkmargin.bench.CpuBench [reps]}.
 */
public final class CpuBench {
    private CpuBench() {}

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Domain ntt = Domain.ofLog(16).withThreads(1);
        long[] buf = BenchData.montElements(ntt.size(), 1);
        G1Packed g1 = G1Packed.from(BenchData.g1Points(1 << 16, 1));
        long[] k1 = BenchData.plainScalars(1 << 16, 2);
        G2Packed g2 = G2Packed.from(BenchData.g2Points(1 << 12, 3));
        long[] k2 = BenchData.plainScalars(1 << 12, 4);

        long[] fp = BenchData.montElements(2, 5);
        G1Affine[] p = BenchData.g1Points(1, 7);
        G2Affine[] q = BenchData.g2Points(1, 8);

        // dependent chains (each result is the next input), 10^6 operations per timed run
        measure("fp mul x 10^6", reps, () -> {
            for (int i = 0; i < 1_000_000; i++) Fp.mul(fp, 0, fp, 0, fp, 4);
        });
        measure("fp square x 10^6", reps, () -> {
            for (int i = 0; i < 1_000_000; i++) Fp.square(fp, 0, fp, 0);
        });
        measure("pairing x 100", reps, () -> {
            for (int i = 0; i < 100; i++) Pairing.pair(p[0], q[0]);
        });
        measure("ntt fft 2^16, 1 thread", reps * 5, () -> ntt.fft(buf));
        measure("msm g1 2^16, 1 thread", reps, () -> Msm.g1(g1, k1, 1 << 16, 1));
        measure("msm g2 2^12, 1 thread", reps, () -> Msm.g2(g2, k2, 1 << 12, 1));
    }

    private static void measure(String name, int reps, Runnable op) {
        for (int i = 0; i < Math.max(3, reps / 2); i++) op.run(); // warm-up for the JIT
        // mean and best single run: on a shared machine the best run is the least disturbed one
        double best = Double.MAX_VALUE;
        long cpu0 = MX.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            long c = MX.getCurrentThreadCpuTime();
            op.run();
            best = Math.min(best, (MX.getCurrentThreadCpuTime() - c) / 1e6);
        }
        double cpu = (MX.getCurrentThreadCpuTime() - cpu0) / 1e6 / reps;
        double wall = (System.nanoTime() - wall0) / 1e6 / reps;
        System.out.printf(Locale.ROOT, "%-28s cpu %8.2f ms/op (best %8.2f)   wall %8.2f ms/op   (%d reps, load %.1f)%n", name, cpu, best,
                wall, reps, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
