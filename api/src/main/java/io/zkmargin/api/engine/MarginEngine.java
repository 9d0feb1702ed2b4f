package io.zkmargin.api.engine;

import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.Bounds;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import java.math.BigInteger;
import java.util.Map;

/**
 * Evaluates an account against a market table with exact integer arithmetic (MARGIN-MODEL.md):
 * <pre>
 *   E6   = sum_j CV6(b_j * price_j) + 1e6 * sum_i q_i * mark_i,  CV6(v) = haircut_j(v) if v >= 0 else 1e6 * v
 *   T6   = sum_i tiered_mm_i(|q_i| * mark_i)
 *   scan = max_s sum_i q_i * RA_i[s]
 *   SOM  = sum_i max(-q_i, 0) * som_i
 *   R6   = T6 + 1e6 * max(0, scan, SOM)
 * </pre>
 * There is no division or rounding here; only {@link MarginResult#largestProvableF()} floors.
 */
public final class MarginEngine {
    private MarginEngine() {}

    /**
     * @throws IllegalArgumentException if a position is not on an instrument leaf or a balance not on a
     *     collateral leaf of the table (the message names the leaf, never the quantity)
     */
    public static MarginResult evaluate(MarketTable table, AccountState account) {
        if (table == null || account == null) {
            throw new IllegalArgumentException("market table and account are required");
        }
        BigInteger collateral6 = BigInteger.ZERO;
        for (Map.Entry<Integer, Long> e : account.balances().entrySet()) {
            CollateralAsset c = table.collateralAt(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "account " + account.accountId() + ": balance at leaf " + e.getKey() + " has no collateral asset there"));
            BigInteger v = BigInteger.valueOf(e.getValue()).multiply(c.price());
            collateral6 = collateral6.add(v.signum() >= 0 ? c.haircut().apply(v) : v.multiply(Bounds.PPM_BIG));
        }
        BigInteger pnl = BigInteger.ZERO;
        BigInteger t6 = BigInteger.ZERO;
        BigInteger som = BigInteger.ZERO;
        BigInteger[] scenario = new BigInteger[Bounds.SCENARIOS];
        java.util.Arrays.fill(scenario, BigInteger.ZERO);
        for (Map.Entry<Integer, Long> e : account.positions().entrySet()) {
            Instrument ins = table.instrumentAt(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "account " + account.accountId() + ": position at leaf " + e.getKey() + " has no instrument there"));
            BigInteger q = BigInteger.valueOf(e.getValue());
            pnl = pnl.add(q.multiply(ins.mark()));
            t6 = t6.add(ins.maintenance().apply(q.abs().multiply(ins.mark())));
            if (q.signum() < 0) {
                som = som.add(q.negate().multiply(ins.som()));
            }
            for (int s = 0; s < Bounds.SCENARIOS; s++) {
                scenario[s] = scenario[s].add(q.multiply(ins.risk(s)));
            }
        }
        BigInteger e6 = collateral6.add(pnl.multiply(Bounds.PPM_BIG));
        return new MarginResult(e6, t6, scenario, som);
    }
}
