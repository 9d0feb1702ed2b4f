package io.zkmargin.bench;

import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Jacobian;
import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.crypto.msm.Msm;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Multi-scalar multiplication on packed points (target: G1 2^16 in at most 400 ms with 2 threads). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class MsmBench {

    @State(Scope.Benchmark)
    public static class G1Input {
        @Param({"16"})
        public int log;
        @Param({"2"})
        public int threads;

        G1Packed points;
        long[] scalars;

        @Setup(Level.Trial)
        public void setup() {
            points = G1Packed.from(BenchData.g1Points(1 << log, 1));
            scalars = BenchData.plainScalars(1 << log, 2);
        }
    }

    @State(Scope.Benchmark)
    public static class G2Input {
        @Param({"12"})
        public int log;
        @Param({"2"})
        public int threads;

        G2Packed points;
        long[] scalars;

        @Setup(Level.Trial)
        public void setup() {
            points = G2Packed.from(BenchData.g2Points(1 << log, 3));
            scalars = BenchData.plainScalars(1 << log, 4);
        }
    }

    @Benchmark
    public G1Jacobian g1(G1Input in) {
        return Msm.g1(in.points, in.scalars, in.points.size(), in.threads);
    }

    @Benchmark
    public G2Jacobian g2(G2Input in) {
        return Msm.g2(in.points, in.scalars, in.points.size(), in.threads);
    }
}
