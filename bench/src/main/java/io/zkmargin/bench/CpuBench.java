package io.zkmargin.bench;

import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.crypto.msm.Msm;
import io.zkmargin.crypto.ntt.Domain;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A bench command for a shared, busy machine: runs each kernel on the calling thread only and
 * reports CPU time per operation (thread CPU time is not inflated by other processes, unlike wall
 * time), plus wall time. Usage: {@code java -cp bench/target/benchmarks.jar io.zkmargin.bench.CpuBench [reps]}.
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

        measure("ntt fft 2^16, 1 thread", reps * 5, () -> ntt.fft(buf));
        measure("msm g1 2^16, 1 thread", reps, () -> Msm.g1(g1, k1, 1 << 16, 1));
        measure("msm g2 2^12, 1 thread", reps, () -> Msm.g2(g2, k2, 1 << 12, 1));
    }

    private static void measure(String name, int reps, Runnable op) {
        for (int i = 0; i < Math.max(3, reps / 2); i++) op.run(); // warm-up for the JIT
        long cpu0 = MX.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
        for (int i = 0; i < reps; i++) op.run();
        double cpu = (MX.getCurrentThreadCpuTime() - cpu0) / 1e6 / reps;
        double wall = (System.nanoTime() - wall0) / 1e6 / reps;
        System.out.printf(Locale.ROOT, "%-28s cpu %8.2f ms/op   wall %8.2f ms/op   (%d reps, load %.1f)%n", name, cpu, wall, reps,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
