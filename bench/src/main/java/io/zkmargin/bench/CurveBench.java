package io.zkmargin.bench;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.G2Jacobian;
import io.zkmargin.crypto.field.Fr;
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
 * Curve formulas on the buffer API (target: G1 mixed add at most 0.6 us), plus value-API scalar
 * multiplication and the G2 subgroup check for scale.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class CurveBench {
    long[] g1Acc = new long[G1Jacobian.LONGS];
    long[] g1Pt = new long[8];
    long[] g1Scratch = new long[G1Jacobian.SCRATCH];
    long[] g2Acc = new long[G2Jacobian.LONGS];
    long[] g2Pt = new long[16];
    long[] g2Scratch = new long[G2Jacobian.SCRATCH];
    G1Affine p1;
    G2Affine p2;
    Fr scalar;

    @Setup
    public void setup() {
        Random rnd = new Random(2);
        G1Affine[] g1 = BenchData.g1Points(2, 5);
        G2Affine[] g2 = BenchData.g2Points(2, 6);
        p1 = g1[0];
        p2 = g2[0];
        scalar = Fr.random(rnd);
        g1[1].writePacked(g1Pt, 0);
        g2[1].writePacked(g2Pt, 0);
        // accumulator with Z != 1, as inside an MSM bucket
        long[] a = new long[G1Jacobian.LONGS];
        long[] q = new long[8];
        g1[0].writePacked(q, 0);
        G1Jacobian.addMixed(a, 0, jacobianOne(g1[0]), 0, q, 0, g1Scratch);
        System.arraycopy(a, 0, g1Acc, 0, a.length);
        g2[0].toJacobian().dbl().write(g2Acc, 0);
    }

    private static long[] jacobianOne(G1Affine p) {
        long[] j = new long[G1Jacobian.LONGS];
        p.writePacked(j, 0);
        io.zkmargin.crypto.field.Fp.ONE.writeMont(j, 8);
        return j;
    }

    @Benchmark
    public long g1AddMixed() {
        G1Jacobian.addMixed(g1Acc, 0, g1Acc, 0, g1Pt, 0, g1Scratch);
        return g1Acc[0];
    }

    @Benchmark
    public long g1Double() {
        G1Jacobian.dbl(g1Acc, 0, g1Acc, 0, g1Scratch);
        return g1Acc[0];
    }

    @Benchmark
    public long g2AddMixed() {
        G2Jacobian.addMixed(g2Acc, 0, g2Acc, 0, g2Pt, 0, g2Scratch);
        return g2Acc[0];
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public G1Jacobian g1ScalarMul() {
        return p1.toJacobian().mul(scalar);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean g2SubgroupCheck() {
        return p2.isInSubgroup();
    }
}
