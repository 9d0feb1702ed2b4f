package io.zkmargin.service;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies proofs on a dedicated thread. When several proofs are waiting it takes them all (up to
 * maxBatch) and checks those under the same key with one batch verification; the checker names each bad
 * proof, so every submitter still gets its own verdict.
 */
public final class ProofQueue implements AutoCloseable {
    private record Item(ProofChecker.CheckedKey key, byte[] proof, BigInteger[] publics,
                        CompletableFuture<Boolean> verdict) { }

    private final ProofChecker checker;
    private final int maxBatch;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final AtomicLong verified = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong batchedProofs = new AtomicLong();
    private volatile boolean running = true;

    public ProofQueue(ProofChecker checker, int maxBatch) {
        this.checker = checker;
        this.maxBatch = maxBatch;
        this.worker = new Thread(this::run, "zk-proof-verifier");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues one verification; the future completes with the verdict (or exceptionally on a checker error). */
    public CompletableFuture<Boolean> submit(ProofChecker.CheckedKey key, byte[] proof, BigInteger[] publics) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        if (!running) {
            f.completeExceptionally(new IllegalStateException("verifier queue is stopped"));
            return f;
        }
        queue.add(new Item(key, proof.clone(), publics.clone(), f));
        return f;
    }

    private void run() {
        List<Item> taken = new ArrayList<>();
        while (running) {
            try {
                Item first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.clear();
                taken.add(first);
                queue.drainTo(taken, maxBatch - 1);
                Map<ProofChecker.CheckedKey, List<Item>> byKey = new IdentityHashMap<>();
                for (Item it : taken) {
                    byKey.computeIfAbsent(it.key(), k -> new ArrayList<>()).add(it);
                }
                for (Map.Entry<ProofChecker.CheckedKey, List<Item>> e : byKey.entrySet()) {
                    verifyGroup(e.getKey(), e.getValue());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void verifyGroup(ProofChecker.CheckedKey key, List<Item> items) {
        try {
            if (items.size() == 1) {
                Item it = items.get(0);
                boolean ok = checker.verify(key, it.proof(), it.publics());
                verified.incrementAndGet();
                it.verdict().complete(ok);
            } else {
                List<byte[]> proofs = new ArrayList<>(items.size());
                List<BigInteger[]> publics = new ArrayList<>(items.size());
                for (Item it : items) {
                    proofs.add(it.proof());
                    publics.add(it.publics());
                }
                boolean[] ok = checker.verifyBatch(key, proofs, publics);
                batches.incrementAndGet();
                batchedProofs.addAndGet(items.size());
                verified.addAndGet(items.size());
                for (int i = 0; i < items.size(); i++) {
                    items.get(i).verdict().complete(ok[i]);
                }
            }
        } catch (RuntimeException e) {
            for (Item it : items) {
                it.verdict().completeExceptionally(e);
            }
        }
    }

    public long verifiedCount() { return verified.get(); }
    public long batchCount() { return batches.get(); }
    public long batchedProofCount() { return batchedProofs.get(); }
    public int depth() { return queue.size(); }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        Item it;
        while ((it = queue.poll()) != null) {
            it.verdict().completeExceptionally(new IllegalStateException("verifier queue is stopped"));
        }
    }
}
