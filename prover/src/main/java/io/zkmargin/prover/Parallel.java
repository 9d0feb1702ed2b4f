package io.zkmargin.prover;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/** Runs parallel-stream work on a pool of the requested size (0 = the common pool, all cores). */
final class Parallel {
    private Parallel() {
    }

    static void run(int threads, Runnable body) {
        if (threads <= 0) {
            body.run();
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(body).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdown();
        }
    }
}
