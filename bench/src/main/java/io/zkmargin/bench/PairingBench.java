package io.zkmargin.bench;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp12;
import io.zkmargin.crypto.pairing.G2Prepared;
import io.zkmargin.crypto.pairing.Pairing;
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
 * Pairing costs (targets: one pairing incl. final exponentiation at most 2 ms, product of four at
 * most 4 ms). The four-pair product is what a Groth16 verification runs; "prepared" reuses the
 * line coefficients of fixed G2 points as a prepared verifying key does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class PairingBench {
    G1Affine[] ps;
    G2Affine[] qs;
    G2Prepared[] prepared;
    Fp12 millerOut;

    @Setup
    public void setup() {
        ps = BenchData.g1Points(4, 7);
        qs = BenchData.g2Points(4, 8);
        prepared = new G2Prepared[4];
        for (int i = 0; i < 4; i++) prepared[i] = Pairing.prepare(qs[i]);
        millerOut = Pairing.millerLoop(ps, prepared);
    }

    @Benchmark
    public Fp12 pair() {
        return Pairing.pair(ps[0], qs[0]);
    }

    @Benchmark
    public boolean product4() {
        return Pairing.productIsOne(ps, qs);
    }

    @Benchmark
    public boolean product4Prepared() {
        return Pairing.productIsOne(ps, prepared);
    }

    /**
     * Same as {@link #product4} with larger JIT inlining budgets, so the Montgomery multiplication
     * (1000 bytecodes, above the default FreqInlineSize of 325) inlines into the tower kernels.
     */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:FreqInlineSize=1200", "-XX:InlineSmallCode=6000"})
    public boolean product4BigInline() {
        return Pairing.productIsOne(ps, qs);
    }

    @Benchmark
    public G2Prepared prepareG2() {
        return Pairing.prepare(qs[0]);
    }

    @Benchmark
    public Fp12 millerLoop4Prepared() {
        return Pairing.millerLoop(ps, prepared);
    }

    @Benchmark
    public Fp12 finalExponentiation() {
        return Pairing.finalExponentiation(millerOut);
    }
}
