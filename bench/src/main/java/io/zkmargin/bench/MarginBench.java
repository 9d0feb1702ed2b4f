package io.zkmargin.bench;

import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.engine.MarginResult;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.Bounds;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.Salt;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.Threshold;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.margin.MarginCircuit;
import io.zkmargin.circuits.margin.MarginWitnessBuilder;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.prover.Groth16Prover;
import io.zkmargin.prover.Groth16Setup;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.verifier.Groth16Verifier;
import io.zkmargin.verifier.PreparedVerifyingKey;
import io.zkmargin.verifier.ProofEncoding;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Bench command (issue 5): the margin circuit of one size class end to end with a real (SecureRandom) setup, and a
 * random healthy account that fills every slot. Prints timings and a markdown table row.
 * Usage: {@code java -cp bench/target/benchmarks.jar io.zkmargin.bench.MarginBench S|M|L [reps]}.
 */
public final class MarginBench {
    private static final long EPOCH = 1;

    private MarginBench() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: MarginBench S|M|L [reps]");
            System.exit(2);
        }
        SizeClass sc = SizeClass.valueOf(args[0].toUpperCase(Locale.ROOT));
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "size class %s, cores %d, load average %.1f%n", sc, cores, load());

        long t0 = System.nanoTime();
        CompiledCircuit c = MarginCircuit.compiled(sc);
        R1cs r1cs = c.r1cs();
        double compileMs = ms(t0);
        System.out.printf(Locale.ROOT, "compile: %.0f ms, %d constraints, %d wires%n", compileMs, r1cs.nConstraints(),
                r1cs.nWires());

        long t1 = System.nanoTime();
        ProvingKey pk = Groth16Setup.generate(r1cs, (phase, done, total) -> { });
        double setupS = ms(t1) / 1e3;
        System.out.printf(Locale.ROOT, "setup: %.1f s (domain 2^%d)%n", setupS, pk.domainLog());

        Random rnd = new Random(1);
        MarketTable table = table(rnd, sc);
        MarginWitnessBuilder builder = MarginWitnessBuilder.forTable(EPOCH, table);
        Groth16Prover prover = Groth16Prover.of(pk, r1cs);
        PreparedVerifyingKey pvk = PreparedVerifyingKey.of(pk.verifyingKey());
        SecureRandom srnd = new SecureRandom();
        double bestWitness = Double.MAX_VALUE;
        double bestProve = Double.MAX_VALUE;
        double bestVerify = Double.MAX_VALUE;
        int proofBytes = 0;
        // one extra round first: JIT warm-up, not counted
        for (int r = -1; r < reps; r++) {
            AccountState a = account(rnd, table, sc);
            int f = Math.min(MarginEngine.evaluate(table, a).bestThreshold().orElseThrow().bps(), Threshold.MAX_BPS);
            Salt salt = Salt.random(srnd);
            long s0 = System.nanoTime();
            Witness w = builder.witness(sc, a, salt, Threshold.ofBps(f));
            double wMs = ms(s0);
            long s1 = System.nanoTime();
            Proof p = prover.prove(w);
            double pMs = ms(s1);
            byte[] enc = ProofEncoding.compressed(p);
            proofBytes = enc.length;
            Fr[] pub = w.publicValues().toArray(new Fr[0]);
            long s2 = System.nanoTime();
            boolean ok = Groth16Verifier.verify(pvk, ProofEncoding.decode(enc), pub);
            double vMs = ms(s2);
            if (!ok) {
                throw new IllegalStateException("proof does not verify");
            }
            System.out.printf(Locale.ROOT, "%s: witness+solve %.1f ms, prove %.1f ms, decode+verify %.2f ms%n",
                    r < 0 ? "warm-up" : "run " + (r + 1), wMs, pMs, vMs);
            if (r >= 0) {
                bestWitness = Math.min(bestWitness, wMs);
                bestProve = Math.min(bestProve, pMs);
                bestVerify = Math.min(bestVerify, vMs);
            }
        }
        System.out.printf(Locale.ROOT, "load average now %.1f%n", load());
        System.out.println("| class | constraints | setup (s) | witness+solve (ms) | prove (ms) | verify (ms) | proof (bytes) |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %s (K=%d, J=%d) | %,d | %.1f | %.1f | %.0f | %.2f | %d |%n", sc,
                sc.positionSlots(), sc.collateralSlots(), r1cs.nConstraints(), setupS, bestWitness, bestProve,
                bestVerify, proofBytes);
    }

    /** Enough instruments and assets to fill every slot of the class; about a third are options. */
    private static MarketTable table(Random rnd, SizeClass sc) {
        List<Instrument> ins = new ArrayList<>();
        for (int i = 0; i < sc.positionSlots() + 8; i++) {
            int leaf = 100 + i;
            if (i % 3 == 2) {
                long mark = 1 + rnd.nextInt(5_000);
                long[] ra = new long[Bounds.SCENARIOS];
                for (int s = 0; s < ra.length; s++) {
                    ra[s] = rnd.nextInt((int) (6 * mark + 1)) - 3 * mark;
                }
                ins.add(Instrument.of("O" + leaf, leaf, mark, TierSchedule.none(), ra, rnd.nextInt((int) (mark / 4 + 1))));
            } else {
                long mark = 1 + rnd.nextInt(100_000);
                TierSchedule mm = TierSchedule.of(new long[] {0, mark * (1 + rnd.nextInt(100))},
                        new int[] {10_000 + rnd.nextInt(40_000), 60_000 + rnd.nextInt(100_000)});
                ins.add(Instrument.linear("L" + leaf, leaf, mark, mm));
            }
        }
        List<CollateralAsset> cols = new ArrayList<>();
        cols.add(CollateralAsset.of("CASH", 1, 1, TierSchedule.flat(1_000_000)));
        for (int j = 1; j < sc.collateralSlots(); j++) {
            cols.add(CollateralAsset.of("C" + (1 + j), 1 + j, 1 + rnd.nextInt(50_000),
                    TierSchedule.flat(700_000 + rnd.nextInt(300_000))));
        }
        return MarketTable.of(ins, cols);
    }

    /** Every slot used; cash set so the account is healthy at 1.5x its requirement. */
    private static AccountState account(Random rnd, MarketTable t, SizeClass sc) {
        Map<Integer, Long> positions = new HashMap<>();
        List<Instrument> ins = new ArrayList<>(t.instruments());
        Collections.shuffle(ins, rnd);
        for (int i = 0; i < sc.positionSlots(); i++) {
            long q = 1 + rnd.nextInt(1_000);
            positions.put(ins.get(i).leafIndex(), rnd.nextBoolean() ? q : -q);
        }
        Map<Integer, Long> balances = new HashMap<>();
        for (int j = 1; j < sc.collateralSlots(); j++) {
            balances.put(1 + j, 1L + rnd.nextInt(1_000));
        }
        long id = 1 + rnd.nextInt(1_000_000);
        balances.put(1, 0L);
        MarginResult r = MarginEngine.evaluate(t, AccountState.of(id, 0, positions, balances));
        long cash = r.r6().multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO).subtract(r.e6())
                .divide(BigInteger.valueOf(1_000_000)).longValueExact() + 1 + rnd.nextInt(1_000_000);
        balances.put(1, Math.max(cash, 1));
        return AccountState.of(id, 0, positions, balances);
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
