package io.zkmargin.circuits.margin;

import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.engine.MarginResult;
import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.Salt;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.Threshold;
import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.testing.CircuitTester;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The circuit against the reference engine on random accounts and epochs: satisfiable exactly when the engine says
 * healthy_f, at the largest provable f (satisfiable) and at f + 1 (unsatisfiable, with the witness built past the
 * health pre-check so that the circuit itself must reject it).
 */
class MarginDifferentialTest {
    private static final int MAX_F = (1 << MarginCircuit.THRESHOLD_BITS) - 1;
    private static final SecureRandom SALTS = new SecureRandom();

    private final AtomicInteger satisfied = new AtomicInteger(), rejected = new AtomicInteger();

    /**
     * 500 accounts (property zk.margin.accounts) in epochs of 10 accounts each; each epoch has its own seeded
     * generator, so a failure names a reproducible (seed, epoch, account). Two worker threads: the circuit is
     * immutable and the solver thread-safe.
     */
    @Test
    void randomAccounts_circuitAgreesWithEngine_S() throws Exception {
        long seed = Long.getLong("zk.margin.seed", 20261121L);
        int accounts = Integer.getInteger("zk.margin.accounts", 500);
        CompiledCircuit c = MarginCircuit.compiled(SizeClass.S);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int e = 0; e * 10 < accounts; e++) {
                int epoch = e;
                jobs.add(pool.submit(() -> {
                    RandomMarkets gen = new RandomMarkets(seed * 1_000_003 + epoch);
                    MarginWitnessBuilder b = MarginWitnessBuilder.forTable(epoch, gen.newTable());
                    for (int i = epoch * 10; i < Math.min(accounts, epoch * 10 + 10); i++) {
                        check(c, b, gen, gen.account(i, SizeClass.S, 0.8), SizeClass.S,
                                "seed " + seed + " epoch " + epoch + " account " + i);
                    }
                }));
            }
            for (Future<?> f : jobs) {
                try {
                    f.get();
                } catch (ExecutionException ex) {
                    if (ex.getCause() instanceof Error err) throw err;
                    throw ex;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("differential S: " + accounts + " accounts in " + (System.nanoTime() - t0) / 1_000_000
                + " ms, " + satisfied + " satisfiable and " + rejected + " unsatisfiable cases");
        assertTrue(satisfied.get() >= accounts / 2 && rejected.get() >= accounts / 2, "too few interesting cases");
    }

    @Test
    void randomAccounts_circuitAgreesWithEngine_M() {
        RandomMarkets gen = new RandomMarkets(77);
        CompiledCircuit c = MarginCircuit.compiled(SizeClass.M);
        MarginWitnessBuilder b = MarginWitnessBuilder.forTable(1, gen.newTable());
        for (int i = 0; i < 6; i++) check(c, b, gen, gen.account(i, SizeClass.M, 1.0), SizeClass.M, "M account " + i);
    }

    private void check(CompiledCircuit c, MarginWitnessBuilder b, RandomMarkets gen, AccountState a, SizeClass sc,
            String what) {
        Salt salt = Salt.random(SALTS);
        MarginResult r = MarginEngine.evaluate(gen.table, a);
        CommitmentOpening o = CommitmentOpening.of(a, sc, salt);
        long good, bad; // a threshold that must be provable and one that must not (-1: none)
        if (r.isRequirementZero()) {
            good = r.e6().signum() >= 0 ? MAX_F : -1;
            bad = r.e6().signum() >= 0 ? -1 : 0;
        } else {
            BigInteger lf = r.largestProvableF();
            if (lf.signum() < 0) {
                good = -1;
                bad = 0;
            } else if (lf.compareTo(BigInteger.valueOf(MAX_F)) >= 0) {
                good = MAX_F;
                bad = -1;
            } else {
                good = lf.longValueExact();
                bad = good + 1;
            }
        }
        if (good >= 0) {
            assertTrue(r.isHealthy(good), what);
            Assignment as = good <= Threshold.MAX_BPS
                    ? b.assignment(sc, a, salt, Threshold.ofBps(good))
                    : b.inputsUnchecked(o, good).toAssignment();
            CircuitTester.assertSolves(c, as);
            satisfied.incrementAndGet();
        }
        if (bad >= 0) {
            assertFalse(r.isHealthy(bad), what);
            if (bad <= Threshold.MAX_BPS) {
                long f = bad;
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> b.assignment(sc, a, salt, Threshold.ofBps(f)), what);
                assertTrue(e.getMessage().contains("not healthy"), e.getMessage());
            }
            String label = CircuitTester.assertRejected(c, b.inputsUnchecked(o, bad).toAssignment());
            assertTrue(label.startsWith("health/"), what + ": rejected by " + label);
            rejected.incrementAndGet();
        }
        assertTrue(good >= 0 || bad >= 0, what);
    }
}
