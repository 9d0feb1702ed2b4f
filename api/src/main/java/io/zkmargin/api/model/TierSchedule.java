package io.zkmargin.api.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A progressive tier schedule (floor_k, rate_k): floor_0 = 0, floors strictly increasing and below 2^128,
 * rates in ppm (0..1,000,000), at most {@link Bounds#MAX_TIERS} tiers, the last tier open-ended.
 * Serves maintenance brackets by notional and collateral haircuts by value.
 */
public final class TierSchedule {
    private static final TierSchedule NONE = new TierSchedule(new BigInteger[] {BigInteger.ZERO}, new int[] {0});

    private final BigInteger[] floors;
    private final int[] rates;

    private TierSchedule(BigInteger[] floors, int[] rates) {
        this.floors = floors;
        this.rates = rates;
    }

    /** Validating factory; the lists are copied. */
    public static TierSchedule of(List<BigInteger> floors, List<Integer> rates) {
        if (floors == null || rates == null) {
            throw new IllegalArgumentException("tier schedule: floors and rates are required");
        }
        if (floors.size() != rates.size()) {
            throw new IllegalArgumentException("tier schedule: " + floors.size() + " floors but " + rates.size() + " rates");
        }
        int n = floors.size();
        if (n < 1 || n > Bounds.MAX_TIERS) {
            throw new IllegalArgumentException("tier schedule: needs 1.." + Bounds.MAX_TIERS + " tiers, got " + n);
        }
        BigInteger[] f = new BigInteger[n];
        int[] r = new int[n];
        for (int k = 0; k < n; k++) {
            BigInteger floor = floors.get(k);
            Integer rate = rates.get(k);
            if (floor == null || rate == null) {
                throw new IllegalArgumentException("tier schedule: tier " + k + " is missing a value");
            }
            if (k == 0 && floor.signum() != 0) {
                throw new IllegalArgumentException("tier schedule: floor_0 must be 0, got " + floor);
            }
            if (k > 0 && floor.compareTo(f[k - 1]) <= 0) {
                throw new IllegalArgumentException("tier schedule: floor_" + k + " = " + floor + " does not increase");
            }
            if (floor.compareTo(Bounds.TWO_128) >= 0) {
                throw new IllegalArgumentException("tier schedule: floor_" + k + " = " + floor + " is not below 2^128");
            }
            if (rate < 0 || rate > Bounds.PPM) {
                throw new IllegalArgumentException("tier schedule: rate_" + k + " = " + rate + " outside 0..1000000 ppm");
            }
            f[k] = floor;
            r[k] = rate;
        }
        return new TierSchedule(f, r);
    }

    /** Convenience factory with long floors. */
    public static TierSchedule of(long[] floors, int[] rates) {
        List<BigInteger> f = new ArrayList<>();
        for (long x : floors) {
            f.add(BigInteger.valueOf(x));
        }
        List<Integer> r = new ArrayList<>();
        for (int x : rates) {
            r.add(x);
        }
        return of(f, r);
    }

    /** A single tier at one rate. */
    public static TierSchedule flat(int ratePpm) {
        return of(new long[] {0}, new int[] {ratePpm});
    }

    /** The zero schedule (one tier at rate 0): no tiered requirement, or a collateral counted at zero. */
    public static TierSchedule none() {
        return NONE;
    }

    public int size() {
        return floors.length;
    }

    public BigInteger floor(int k) {
        return floors[k];
    }

    public int rate(int k) {
        return rates[k];
    }

    /** True when every rate is zero. */
    public boolean isZero() {
        for (int r : rates) {
            if (r != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * tiered(v) = sum_k rate_k * clamp(v - floor_k, 0, floor_{k+1} - floor_k), in ppm-scaled atoms.
     *
     * @param v a non-negative amount in atoms
     */
    public BigInteger apply(BigInteger v) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException("tiered value of a negative amount");
        }
        BigInteger sum = BigInteger.ZERO;
        for (int k = 0; k < floors.length; k++) {
            BigInteger slice = v.subtract(floors[k]);
            if (slice.signum() <= 0) {
                break;
            }
            if (k + 1 < floors.length) {
                slice = slice.min(floors[k + 1].subtract(floors[k]));
            }
            sum = sum.add(slice.multiply(BigInteger.valueOf(rates[k])));
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierSchedule t && Arrays.equals(floors, t.floors) && Arrays.equals(rates, t.rates);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(floors) + Arrays.hashCode(rates);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TierSchedule[");
        for (int k = 0; k < floors.length; k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(floors[k]).append(':').append(rates[k]);
        }
        return sb.append(']').toString();
    }
}
