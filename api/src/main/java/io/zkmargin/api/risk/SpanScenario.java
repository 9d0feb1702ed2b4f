package io.zkmargin.api.risk;

import java.util.List;

/**
 * The 16 SPAN scenarios of MARGIN-MODEL.md in order: price 0, +1/3, -1/3, +2/3, -2/3, +1, -1 of the price scan range,
 * each with volatility up then down, then +2 and -2 ranges with volatility unchanged at 35% weight.
 *
 * @param priceMove multiple of the price scan range
 * @param volMove -1, 0 or +1 volatility scan ranges
 * @param weight share of the loss that counts
 */
public record SpanScenario(double priceMove, int volMove, double weight) {
    /** Weight of the two extreme-move scenarios. */
    public static final double EXTREME_WEIGHT = 0.35;

    public static final List<SpanScenario> ALL = List.of(
            new SpanScenario(0, 1, 1), new SpanScenario(0, -1, 1),
            new SpanScenario(1.0 / 3, 1, 1), new SpanScenario(1.0 / 3, -1, 1),
            new SpanScenario(-1.0 / 3, 1, 1), new SpanScenario(-1.0 / 3, -1, 1),
            new SpanScenario(2.0 / 3, 1, 1), new SpanScenario(2.0 / 3, -1, 1),
            new SpanScenario(-2.0 / 3, 1, 1), new SpanScenario(-2.0 / 3, -1, 1),
            new SpanScenario(1, 1, 1), new SpanScenario(1, -1, 1),
            new SpanScenario(-1, 1, 1), new SpanScenario(-1, -1, 1),
            new SpanScenario(2, 0, EXTREME_WEIGHT), new SpanScenario(-2, 0, EXTREME_WEIGHT));
}
