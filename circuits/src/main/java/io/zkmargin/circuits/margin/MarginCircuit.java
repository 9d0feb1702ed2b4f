package io.zkmargin.circuits.margin;

import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.market.MarketLeaf;
import io.zkmargin.api.model.Bounds;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.Threshold;
import io.zkmargin.circuits.Api;
import io.zkmargin.circuits.Circuit;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Compiler;
import io.zkmargin.circuits.Scope;
import io.zkmargin.circuits.Var;
import io.zkmargin.circuits.gadgets.Comparisons;
import io.zkmargin.circuits.gadgets.Conditionals;
import io.zkmargin.circuits.gadgets.Ranges;
import io.zkmargin.circuits.gadgets.Tiers;
import io.zkmargin.circuits.gadgets.merkle.MerkleGadget;
import io.zkmargin.circuits.gadgets.poseidon.PoseidonGadget;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The margin circuit of one size class (STATEMENT.md, MARGIN-MODEL.md; every constraint is justified in
 * docs/CIRCUIT.md). Public inputs, in order: {@value #ACCOUNT_COMMITMENT}, {@value #EPOCH_DIGEST},
 * {@value #THRESHOLD}. It proves that the opening hashes to the commitment, that every non-empty slot opens a
 * leaf of the right kind at its own index under the epoch's market root, that the slots are canonical, that every
 * prover-chosen value is in range, and that 10^4 * E6 - f * T6 - f * 1e6 * c >= 0 for every candidate
 * c in {0, scan_1..scan_16, SOM}.
 */
public final class MarginCircuit implements Circuit {
    public static final String ACCOUNT_COMMITMENT = "accountCommitment";
    public static final String EPOCH_DIGEST = "epochDigest";
    public static final String THRESHOLD = "thresholdBps";

    /** f is range-checked to this many bits: 2^20 > {@link Threshold#MAX_BPS}, and f = r - 1 (a "negative" f) fails. */
    public static final int THRESHOLD_BITS = 20;
    /** Signed width of quantities and balances: |v| < 2^63. */
    public static final int SIGNED_BITS = 64;
    static final int DEPTH = Bounds.TREE_DEPTH;
    static final int TIERS = Bounds.MAX_TIERS;
    static final int SCENARIOS = Bounds.SCENARIOS;

    private static final Map<SizeClass, CompiledCircuit> COMPILED = new EnumMap<>(SizeClass.class);

    private final SizeClass sizeClass;

    private MarginCircuit(SizeClass sizeClass) {
        this.sizeClass = sizeClass;
    }

    public static MarginCircuit of(SizeClass sizeClass) {
        return new MarginCircuit(Objects.requireNonNull(sizeClass, "size class"));
    }

    /** The compiled circuit of a size class, compiled once per JVM (class L takes a few seconds). */
    public static CompiledCircuit compiled(SizeClass sizeClass) {
        Objects.requireNonNull(sizeClass, "size class");
        synchronized (COMPILED) {
            return COMPILED.computeIfAbsent(sizeClass, sc -> Compiler.compile(of(sc)));
        }
    }

    public SizeClass sizeClass() {
        return sizeClass;
    }

    // ------------------------------------------------------------------ input names (shared with the builder)

    static String pos(int k, String field) {
        return "pos[" + k + "]." + field;
    }

    static String col(int j, String field) {
        return "col[" + j + "]." + field;
    }

    /** The leaf-side inputs of one slot: what the Merkle proof binds when the slot is non-empty. */
    private static final class Slot {
        Var leafIndex, amount, value, som;
        final Var[] floors = new Var[TIERS]; // floors[0] = 0 is implied by the leaf layout
        final Var[] rates = new Var[TIERS];
        Var[] risk;
        Var[] siblings;
        Var nonEmpty;
        Ranges.Signed signed;
    }

    private static Slot declare(Api api, String prefix, String amountName, String valueName, boolean instrument) {
        Slot s = new Slot();
        s.leafIndex = api.secretInput(prefix + "leafIndex");
        s.amount = api.secretInput(prefix + amountName);
        s.value = api.secretInput(prefix + valueName);
        s.som = instrument ? api.secretInput(prefix + "som") : api.zero();
        s.floors[0] = api.zero();
        for (int t = 1; t < TIERS; t++) s.floors[t] = api.secretInput(prefix + "floor[" + t + "]");
        for (int t = 0; t < TIERS; t++) s.rates[t] = api.secretInput(prefix + "rate[" + t + "]");
        s.risk = instrument ? api.secretInputs(prefix + "risk", SCENARIOS) : null;
        s.siblings = api.secretInputs(prefix + "sibling", DEPTH);
        return s;
    }

    @Override
    public void define(Api api) {
        int kSlots = sizeClass.positionSlots(), jSlots = sizeClass.collateralSlots();
        Var commitment = api.publicInput(ACCOUNT_COMMITMENT);
        Var digest = api.publicInput(EPOCH_DIGEST);
        Var f = api.publicInput(THRESHOLD);
        Var accountId = api.secretInput("accountId");
        Var sequence = api.secretInput("sequence");
        Var salt = api.secretInput("salt");
        Var epochId = api.secretInput("epochId");
        Var marketRoot = api.secretInput("marketRoot");
        Slot[] pos = new Slot[kSlots];
        for (int k = 0; k < kSlots; k++) pos[k] = declare(api, pos(k, ""), "q", "mark", true);
        Slot[] col = new Slot[jSlots];
        for (int j = 0; j < jSlots; j++) col[j] = declare(api, col(j, ""), "b", "price", false);

        // C3: without it f = r - 1 acts as -1 and every health check passes.
        try (Scope s = api.scope("threshold")) {
            Ranges.rangeCheck(api, f, THRESHOLD_BITS);
        }
        // The order of definition does not matter for soundness; health comes before the hashes so that a
        // checker meets a failing health constraint early (the hashes are most of the constraints).
        for (int k = 0; k < kSlots; k++) {
            try (Scope s = api.scope("pos[" + k + "]")) {
                slotRange(api, pos[k]);
            }
        }
        for (int j = 0; j < jSlots; j++) {
            try (Scope s = api.scope("col[" + j + "]")) {
                slotRange(api, col[j]);
            }
        }
        // Position arithmetic (C11-C13).
        Var pnl = api.zero(), t6 = api.zero(), som = api.zero();
        Var[] scan = new Var[SCENARIOS];
        for (int sc = 0; sc < SCENARIOS; sc++) scan[sc] = api.zero();
        for (int k = 0; k < kSlots; k++) {
            Slot p = pos[k];
            try (Scope s = api.scope("pos[" + k + "]-risk")) {
                pnl = api.add(pnl, api.mul(p.amount, p.value));
                // |q| < 2^63 and mark < 2^64 keep the notional below 2^127, inside the tier gadget's 128 bits
                Var notional = api.mul(p.signed.abs(), p.value);
                Var tiered = Tiers.tieredUnchecked(api, notional, p.floors, p.rates);
                t6 = api.add(t6, api.mul(p.nonEmpty, tiered));
                for (int sc = 0; sc < SCENARIOS; sc++) scan[sc] = api.add(scan[sc], api.mul(p.amount, p.risk[sc]));
                Var shortLots = api.mul(p.signed.sign(), p.signed.abs()); // max(-q, 0)
                som = api.add(som, api.mul(shortLots, p.som));
            }
        }
        // Collateral arithmetic (C14).
        Var cv6 = api.zero();
        for (int j = 0; j < jSlots; j++) {
            Slot c = col[j];
            try (Scope s = api.scope("col[" + j + "]-value")) {
                Var v = api.mul(c.amount, c.value);
                Var debt = api.mul(c.signed.sign(), v); // v if v < 0 else 0
                Var positive = api.sub(v, debt);
                Var haircut = Tiers.tieredUnchecked(api, positive, c.floors, c.rates);
                cv6 = api.add(cv6, api.mul(c.nonEmpty, haircut), api.mul(debt, Bounds.PPM));
            }
        }
        Var e6 = api.add(cv6, api.mul(pnl, Bounds.PPM));

        // C15: healthy_f checked against every candidate of max(0, scan_1..scan_16, SOM).
        try (Scope s = api.scope("health")) {
            Var lhs = api.sub(api.mul(e6, 10_000), api.mul(f, t6));
            Ranges.assertNonNegative201(api, lhs);
            for (int sc = 0; sc < SCENARIOS; sc++) {
                Ranges.assertNonNegative201(api, api.sub(lhs, api.mul(api.mul(f, scan[sc]), Bounds.PPM)));
            }
            Ranges.assertNonNegative201(api, api.sub(lhs, api.mul(api.mul(f, som), Bounds.PPM)));
        }
        try (Scope s = api.scope("canonical")) {
            canonical(api, pos);
            canonical(api, col);
        }

        for (int k = 0; k < kSlots; k++) {
            try (Scope s = api.scope("pos[" + k + "]")) {
                slotMembership(api, pos[k], marketRoot, true);
            }
        }
        for (int j = 0; j < jSlots; j++) {
            try (Scope s = api.scope("col[" + j + "]")) {
                slotMembership(api, col[j], marketRoot, false);
            }
        }
        // C1: binds accountId, sequence, salt, every leafIndex, q and b to the registered commitment.
        try (Scope s = api.scope("commitment")) {
            Var[] posLeaf = new Var[kSlots], q = new Var[kSlots], colLeaf = new Var[jSlots], b = new Var[jSlots];
            for (int k = 0; k < kSlots; k++) {
                posLeaf[k] = pos[k].leafIndex;
                q[k] = pos[k].amount;
            }
            for (int j = 0; j < jSlots; j++) {
                colLeaf[j] = col[j].leafIndex;
                b[j] = col[j].amount;
            }
            api.assertEqual(commitmentHash(api, accountId, sequence, salt, posLeaf, q, colLeaf, b), commitment);
        }

        // C2: binds the market root to the public epoch.
        try (Scope s = api.scope("epochDigest")) {
            api.assertEqual(PoseidonGadget.hash(api, epochId, marketRoot), digest);
        }
    }

    /** Range and non-empty flag of one slot; an empty slot has leaf index 0 (C4-C6). */
    private static void slotRange(Api api, Slot s) {
        s.signed = Ranges.signed(api, s.amount, SIGNED_BITS);
        s.nonEmpty = api.sub(api.one(), Comparisons.isZero(api, s.amount));
        api.assertProduct(api.sub(api.one(), s.nonEmpty), s.leafIndex, api.zero());
    }

    /** The slot's leaf, of the slot's kind, sits at leafIndex under marketRoot when the slot is non-empty (C9, C10). */
    private static void slotMembership(Api api, Slot s, Var marketRoot, boolean instrument) {
        Var leaf = leafHash(api, s, instrument);
        // the index bits are the 12-bit decomposition of leafIndex itself, which also proves leafIndex < 4096
        Var root = MerkleGadget.rootAt(api, leaf, s.siblings, s.leafIndex);
        Conditionals.assertEqualIf(api, s.nonEmpty, root, marketRoot);
    }

    /** The market leaf hash of docs/MARKET-LEAF.md; kind and version are constants, so the kind is constrained. */
    private static Var leafHash(Api api, Slot s, boolean instrument) {
        return leafHash(api, instrument, s.value, s.som, s.floors, s.rates, s.risk);
    }

    /**
     * MarketLeaf v1 in-circuit: Poseidon(kind, version, value, som, floor_1..3, rate_0..3, riskHash) with
     * riskHash = Poseidon(risk[0..15]) for an instrument and the constant zero-risk hash for a collateral asset.
     * floors[0] is not hashed (the layout implies 0).
     */
    static Var leafHash(Api api, boolean instrument, Var value, Var som, Var[] floors, Var[] rates, Var[] risk) {
        try (Scope sc = api.scope("leaf")) {
            Var riskHash = instrument ? PoseidonGadget.hash(api, risk) : api.constant(MarketLeaf.ZERO_RISK_HASH);
            Var[] in = new Var[MarketLeaf.LEAF_INPUTS];
            int i = 0;
            in[i++] = api.constant(instrument ? MarketLeaf.KIND_INSTRUMENT : MarketLeaf.KIND_COLLATERAL);
            in[i++] = api.constant(MarketLeaf.VERSION);
            in[i++] = value;
            in[i++] = som;
            for (int t = 1; t < TIERS; t++) in[i++] = floors[t];
            for (int t = 0; t < TIERS; t++) in[i++] = rates[t];
            in[i++] = riskHash;
            return PoseidonGadget.hash(api, in);
        }
    }

    /** The account commitment of {@link CommitmentOpening} (layout v1) in-circuit; K and J are the array lengths. */
    static Var commitmentHash(Api api, Var accountId, Var sequence, Var salt, Var[] posLeaf, Var[] q, Var[] colLeaf,
            Var[] b) {
        List<Var> in = new ArrayList<>();
        in.add(api.constant(CommitmentOpening.TAG));
        in.add(api.constant(posLeaf.length));
        in.add(api.constant(colLeaf.length));
        in.add(accountId);
        in.add(sequence);
        in.add(salt);
        for (int k = 0; k < posLeaf.length; k++) {
            in.add(posLeaf[k]);
            in.add(q[k]);
        }
        for (int j = 0; j < colLeaf.length; j++) {
            in.add(colLeaf[j]);
            in.add(b[j]);
        }
        return PoseidonGadget.hashMany(api, in.toArray(new Var[0]));
    }

    /** C7, C8: non-empty slots first, strictly increasing leaf indices among them. */
    private static void canonical(Api api, Slot[] slots) {
        for (int k = 0; k + 1 < slots.length; k++) {
            Var here = slots[k].nonEmpty, next = slots[k + 1].nonEmpty;
            api.assertProduct(next, api.sub(api.one(), here), api.zero());
            // indices are 12-bit, so a decreasing or equal pair gives a wrapped gap that fails the 12-bit check
            Var gap = api.mul(next, api.sub(api.sub(slots[k + 1].leafIndex, slots[k].leafIndex), api.one()));
            Ranges.rangeCheck(api, gap, DEPTH);
        }
    }

    @Override
    public String toString() {
        return "MarginCircuit[" + sizeClass + "]";
    }
}
