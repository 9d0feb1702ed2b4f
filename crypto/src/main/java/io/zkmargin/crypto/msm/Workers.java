package io.zkmargin.crypto.msm;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/** The shared worker pool of the MSM: one daemon thread per core, created on first parallel use. */
final class Workers {
    private Workers() {}

    static final int CORES = Runtime.getRuntime().availableProcessors();

    private static final class Holder {
        static final ForkJoinPool POOL = new ForkJoinPool(CORES);
    }

    /** Runs body(0..tasks-1) and waits; task 0 runs on the calling thread to save one hand-off. */
    static void run(int tasks, IntConsumer body) {
        if (tasks <= 1) {
            body.accept(0);
            return;
        }
        @SuppressWarnings("unchecked")
        ForkJoinTask<?>[] forked = new ForkJoinTask<?>[tasks];
        for (int t = 1; t < tasks; t++) {
            final int id = t;
            forked[t] = Holder.POOL.submit(() -> body.accept(id));
        }
        try {
            body.accept(0);
        } finally {
            for (int t = 1; t < tasks; t++) forked[t].join();
        }
    }
}
