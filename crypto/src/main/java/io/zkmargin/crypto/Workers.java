package io.zkmargin.crypto;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * The one worker pool of the crypto kernels (MSM, NTT): one thread per core, created on first parallel use.
 * Public only so that both packages share it; not an API for callers.
 */
public final class Workers {
    private Workers() {}

    public static final int CORES = Runtime.getRuntime().availableProcessors();

    private static final class Holder {
        static final ForkJoinPool POOL = new ForkJoinPool(CORES);
    }

    /** Runs body(0..tasks-1) and waits; task 0 runs on the calling thread to save one hand-off. */
    public static void run(int tasks, IntConsumer body) {
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
