package io.zkmargin.api.market;

import io.zkmargin.api.model.Bounds;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.hash.Poseidon;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Market leaf layout v1 (docs/MARKET-LEAF.md). One leaf per table entry:
 * <pre>
 *   riskHash = Poseidon(RA[0], ..., RA[15])                     (negative entries as r - |v|)
 *   leaf     = Poseidon(kind, version, value, som, floor_1, floor_2, floor_3,
 *                       rate_0, rate_1, rate_2, rate_3, riskHash)   (12 inputs)
 * </pre>
 * kind = 1 for an instrument (value = mark), 2 for a collateral asset (value = price, som = 0, risk array all
 * zero). floor_0 = 0 is implied. Unused tiers are padded with floor = 2^128 and rate = 0: every amount the model
 * produces is below 2^127, so a padded tier's slice is always empty and the previous tier stays open-ended.
 */
public final class MarketLeaf {
    private MarketLeaf() {}

    public static final int KIND_INSTRUMENT = 1;
    public static final int KIND_COLLATERAL = 2;
    public static final int VERSION = 1;
    /** Floor of a padding tier. */
    public static final BigInteger PAD_FLOOR = Bounds.TWO_128;
    /** Number of Poseidon inputs of the leaf hash. */
    public static final int LEAF_INPUTS = 12;
    /** riskHash of an all-zero risk array (every collateral leaf uses it). */
    public static final Fr ZERO_RISK_HASH = riskHash(zeros());

    private static BigInteger[] zeros() {
        BigInteger[] z = new BigInteger[Bounds.SCENARIOS];
        java.util.Arrays.fill(z, BigInteger.ZERO);
        return z;
    }

    public static Fr riskHash(BigInteger[] riskArray) {
        List<Fr> in = new ArrayList<>(Bounds.SCENARIOS);
        for (BigInteger v : riskArray) {
            in.add(FieldCodec.signed(v));
        }
        return Poseidon.hash(in);
    }

    /** The 12 leaf-hash inputs of an instrument, in order (what the circuit recomputes). */
    public static List<Fr> inputs(Instrument ins) {
        return inputs(KIND_INSTRUMENT, ins.mark(), ins.som(), ins.maintenance(), riskHash(ins.riskArray()));
    }

    /** The 12 leaf-hash inputs of a collateral asset, in order. */
    public static List<Fr> inputs(CollateralAsset c) {
        return inputs(KIND_COLLATERAL, c.price(), BigInteger.ZERO, c.haircut(), ZERO_RISK_HASH);
    }

    /** Tier floors 1..3 padded with {@link #PAD_FLOOR}. */
    public static BigInteger[] paddedFloors(TierSchedule t) {
        BigInteger[] f = new BigInteger[Bounds.MAX_TIERS];
        for (int k = 0; k < f.length; k++) {
            f[k] = k < t.size() ? t.floor(k) : PAD_FLOOR;
        }
        return f;
    }

    /** Tier rates padded with 0. */
    public static int[] paddedRates(TierSchedule t) {
        int[] r = new int[Bounds.MAX_TIERS];
        for (int k = 0; k < t.size(); k++) {
            r[k] = t.rate(k);
        }
        return r;
    }

    private static List<Fr> inputs(int kind, BigInteger value, BigInteger som, TierSchedule t, Fr riskHash) {
        BigInteger[] f = paddedFloors(t);
        int[] r = paddedRates(t);
        List<Fr> in = new ArrayList<>(LEAF_INPUTS);
        in.add(Fr.of(kind));
        in.add(Fr.of(VERSION));
        in.add(Fr.of(value));
        in.add(Fr.of(som));
        for (int k = 1; k < Bounds.MAX_TIERS; k++) {
            in.add(Fr.of(f[k]));
        }
        for (int k = 0; k < Bounds.MAX_TIERS; k++) {
            in.add(Fr.of(r[k]));
        }
        in.add(riskHash);
        return in;
    }

    public static Fr hash(Instrument ins) {
        return Poseidon.hash(inputs(ins));
    }

    public static Fr hash(CollateralAsset c) {
        return Poseidon.hash(inputs(c));
    }
}
