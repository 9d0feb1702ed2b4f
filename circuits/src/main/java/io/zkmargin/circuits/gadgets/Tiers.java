package io.zkmargin.circuits.gadgets;

import io.zkmargin.circuits.Api;
import io.zkmargin.circuits.Scope;
import io.zkmargin.circuits.Var;

/**
 * The progressive tier function of MARGIN-MODEL.md:
 * {@code tiered(v) = sum_k rate_k * clamp(v - floor_k, 0, floor_{k+1} - floor_k)}, the last tier open-ended.
 * Floors and rates may be private witness values (proven elsewhere against a market leaf), never assumed constant.
 *
 * <p>With b_k = [v >= floor_k] (b_0 = 1), slice_k = b_k * (v - floor_k + b_{k+1} * (floor_{k+1} - v)) and the last
 * slice is b_{K-1} * (v - floor_{K-1}). Each b_k is a 128-bit comparison, exact because v and floor_k are both
 * below 2^128.
 */
public final class Tiers {
    /** Bit width of tier values and floors. */
    public static final int VALUE_BITS = 128;

    private Tiers() {
    }

    /**
     * tiered(v) with v range-checked to 128 bits here. Preconditions on the schedule (the market table's bounds,
     * checked by the publisher and bound by the Merkle proof): floors[0] = 0 (asserted here), floors strictly
     * increasing and below 2^128, rates in 0..1e6. The result is below 2^148. Cost: 129 + (K - 1) * 130 + 3K - 1
     * constraints at most (fewer when floors or rates are constants).
     */
    public static Var tiered(Api api, Var v, Var[] floors, Var[] rates) {
        try (Scope s = api.scope("tiered")) {
            Ranges.rangeCheck(api, v, VALUE_BITS);
            return tieredUnchecked(api, v, floors, rates);
        }
    }

    /** As {@link #tiered} for a v the caller already knows is in [0, 2^128) (e.g. |q| * mark with 63 + 64 bits). */
    public static Var tieredUnchecked(Api api, Var v, Var[] floors, Var[] rates) {
        int k = floors.length;
        if (k == 0 || rates.length != k) throw new IllegalArgumentException("need K >= 1 floors and K rates");
        try (Scope s = api.scope("tiers" + k)) {
            api.assertIsZero(floors[0]);
            Var[] ge = new Var[k];
            ge[0] = api.one();
            for (int i = 1; i < k; i++) {
                ge[i] = api.sub(api.one(), Comparisons.lessThanUnchecked(api, v, floors[i], VALUE_BITS));
            }
            Var total = api.zero();
            for (int i = 0; i < k; i++) {
                Var open = api.sub(v, floors[i]);
                Var inner = i + 1 < k ? api.add(open, api.mul(ge[i + 1], api.sub(floors[i + 1], v))) : open;
                Var slice = api.mul(ge[i], inner);
                total = api.add(total, api.mul(rates[i], slice));
            }
            return total;
        }
    }
}
