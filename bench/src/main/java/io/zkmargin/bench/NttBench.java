package io.zkmargin.bench;

import io.zkmargin.crypto.ntt.Domain;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** In-place NTT over Fr (target: 2^16 in at most 30 ms on 2 cores). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NttBench {
    @Param({"16"})
    public int log;

    /** Worker threads; 0 = one per core. */
    @Param({"0"})
    public int threads;

    private Domain domain;
    private long[] buf;

    @Setup
    public void setup() {
        Domain d = Domain.ofLog(log);
        domain = threads == 0 ? d : d.withThreads(threads);
        buf = BenchData.montElements(domain.size(), 1);
        domain.fft(buf); // builds the twiddle table outside the measurement
    }

    /** The transform's cost does not depend on the values, so the buffer is transformed again and again. */
    @Benchmark
    public long[] fft() {
        domain.fft(buf);
        return buf;
    }

    @Benchmark
    public long[] ifft() {
        domain.ifft(buf);
        return buf;
    }

    @Benchmark
    public long[] cosetFft() {
        domain.cosetFft(buf);
        return buf;
    }
}
