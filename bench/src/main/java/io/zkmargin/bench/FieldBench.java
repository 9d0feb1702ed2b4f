package io.zkmargin.bench;

import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp12;
import io.zkmargin.crypto.field.Fp2;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Field kernels on the buffer API (target: Fp mul at most 40 ns). Each call multiplies into its own
 * input, so calls depend on each other and cannot be folded or overlapped away.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class FieldBench {
    long[] fp = new long[8];
    long[] fp2 = new long[16 + Fp2.SCRATCH];
    long[] fp12 = new long[2 * Fp12.LONGS + Fp12.SCRATCH];

    @Setup
    public void setup() {
        Random rnd = new Random(1);
        Fp.random(rnd).writeMont(fp, 0);
        Fp.random(rnd).writeMont(fp, 4);
        Fp2.random(rnd).write(fp2, 0);
        Fp2.random(rnd).write(fp2, 8);
        Fp12.random(rnd).write(fp12, 0);
        Fp12.random(rnd).write(fp12, Fp12.LONGS);
    }

    @Benchmark
    public long fpMul() {
        Fp.mul(fp, 0, fp, 0, fp, 4);
        return fp[0];
    }

    @Benchmark
    public long fpSquare() {
        Fp.square(fp, 0, fp, 0);
        return fp[0];
    }

    @Benchmark
    public long fpAdd() {
        Fp.add(fp, 0, fp, 0, fp, 4);
        return fp[0];
    }

    @Benchmark
    public long fp2Mul() {
        Fp2.mul(fp2, 0, fp2, 0, fp2, 8, fp2, 16);
        return fp2[0];
    }

    @Benchmark
    public long fp12Mul() {
        Fp12.mul(fp12, 0, fp12, 0, fp12, Fp12.LONGS, fp12, 2 * Fp12.LONGS);
        return fp12[0];
    }

    @Benchmark
    public long fp12Square() {
        Fp12.square(fp12, 0, fp12, 0, fp12, 2 * Fp12.LONGS);
        return fp12[0];
    }
}
