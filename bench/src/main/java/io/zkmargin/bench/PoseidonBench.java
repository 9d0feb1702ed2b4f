package io.zkmargin.bench;

import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.hash.MerkleProof;
import io.zkmargin.crypto.hash.Poseidon;
import io.zkmargin.crypto.hash.PoseidonMerkleTree;
import java.util.ArrayList;
import java.util.List;
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

/** Native Poseidon (buffer API) and Poseidon Merkle trees; the output is fed back so calls chain. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class PoseidonBench {
    long[] in2 = new long[8], in16 = new long[64], many = new long[4 * 1500], out = new long[4];
    long[] scratch = new long[Poseidon.scratchLength(16)];
    List<Fr> leaves = new ArrayList<>();
    MerkleProof proof;
    Fr leaf;

    @Setup
    public void setup() {
        Random rnd = new Random(1);
        for (int i = 0; i < 16; i++) Fr.random(rnd).writeMont(in16, 4 * i);
        System.arraycopy(in16, 0, in2, 0, 8);
        for (int i = 0; i < 1500; i++) Fr.random(rnd).writeMont(many, 4 * i);
        for (int i = 0; i < 4096; i++) leaves.add(Fr.random(rnd));
        PoseidonMerkleTree tree = PoseidonMerkleTree.of(12, leaves);
        proof = tree.proof(1234);
        leaf = leaves.get(1234);
    }

    @Benchmark
    public long hash2() {
        Poseidon.hash(in2, 0, 2, in2, 0, scratch);
        return in2[0];
    }

    @Benchmark
    public long hash16() {
        Poseidon.hash(in16, 0, 16, in16, 0, scratch);
        return in16[0];
    }

    /** 1,500 elements: 100 width-17 permutations. */
    @Benchmark
    public long hashMany1500() {
        Poseidon.hashMany(many, 0, 1500, out, 0);
        return out[0];
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Fr merkleTreeDepth12Build() {
        return PoseidonMerkleTree.of(12, leaves).root();
    }

    @Benchmark
    public Fr merkleProofDepth12Verify() {
        return proof.computeRoot(leaf);
    }
}
