package io.zkmargin.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token bucket per client address: {@code burst} requests at once, refilled at {@code ratePerSecond}. */
public final class RateLimiter {
    private static final int MAX_CLIENTS = 100_000;
    private final double ratePerMilli;
    private final double burst;
    private final LongSupplier clock;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double ratePerSecond, int burst, LongSupplier clock) {
        this.ratePerMilli = ratePerSecond / 1000.0;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one token for the client; false means the request must be refused with 429. */
    public boolean tryAcquire(String client) {
        long now = clock.getAsLong();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // bound memory under address spraying; worst case is one refilled burst each
        }
        double[] b = buckets.computeIfAbsent(client, k -> new double[] {burst, now});
        synchronized (b) {
            double tokens = Math.min(burst, b[0] + (now - b[1]) * ratePerMilli);
            b[1] = now;
            if (tokens < 1) {
                b[0] = tokens;
                return false;
            }
            b[0] = tokens - 1;
            return true;
        }
    }
}
