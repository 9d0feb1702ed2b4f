package io.zkmargin.bench;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.prover.Groth16Prover;
import io.zkmargin.prover.Groth16Setup;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.verifier.BatchVerifier;
import io.zkmargin.verifier.Groth16Verifier;
import io.zkmargin.verifier.PreparedVerifyingKey;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Groth16 verification (targets: verify() at most 2 ms per proof on one core; a batch of 1,000
 * proofs at least 1,500 proofs/s on 2 cores, i.e. batch1000 at most 667 ms). Proofs are real, made
 * by our prover for a small circuit with 3 public inputs (the margin statement's order of size),
 * each with different public inputs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class Groth16VerifyBench {
    private static final int BATCH = 1000;

    PreparedVerifyingKey pvk;
    List<Proof> proofs;
    List<Fr[]> publics;

    @Setup
    public void setup() {
        R1cs r1cs = Groth16SmallCircuit.r1cs();
        ProvingKey pk = Groth16Setup.generateInsecureDeterministicForTests(r1cs, 1);
        Groth16Prover prover = Groth16Prover.of(pk, r1cs);
        pvk = PreparedVerifyingKey.of(pk.verifyingKey());
        proofs = new ArrayList<>(BATCH);
        publics = new ArrayList<>(BATCH);
        SecureRandom rnd = new SecureRandom();
        for (int i = 0; i < BATCH; i++) {
            Witness w = Groth16SmallCircuit.witness(3 + i, 11 + i, 7 * i);
            proofs.add(prover.prove(w, rnd, null));
            publics.add(w.publicValues().toArray(new Fr[0]));
        }
        if (!BatchVerifier.verify(pvk, proofs, publics).allValid()) {
            throw new IllegalStateException("bench proofs do not verify");
        }
    }

    /** One proof on the calling thread (JMH runs one thread): the per-proof latency target. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public boolean verifyOne() {
        return Groth16Verifier.verify(pvk, proofs.get(17), publics.get(17));
    }

    /** A batch of 1,000 proofs on all cores; proofs/s = 1000 / (ms/op / 1000). */
    @Benchmark
    public BatchVerifier.Result batch1000() {
        return BatchVerifier.verify(pvk, proofs, publics);
    }
}
