package io.zkmargin.circuits.margin;

import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.market.FieldCodec;
import io.zkmargin.api.market.MarketLeaf;
import io.zkmargin.api.market.MarketTree;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.circuits.Assignment;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.hash.MerkleProof;
import io.zkmargin.crypto.hash.Poseidon;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.zkmargin.circuits.margin.MarginCircuit.DEPTH;
import static io.zkmargin.circuits.margin.MarginCircuit.SCENARIOS;
import static io.zkmargin.circuits.margin.MarginCircuit.TIERS;

/**
 * Every input value of a {@link MarginCircuit} as raw field elements, before they become an {@link Assignment}.
 * Mutable and package-private on purpose: the builder fills it from domain values, and soundness tests play a
 * cheating prover by changing fields (and, where the attack needs it, recomputing the commitment natively).
 * Holds secrets: no values in toString.
 */
final class MarginInputs {
    final SizeClass sizeClass;
    Fr commitment, digest, threshold;
    Fr accountId, sequence, salt, epochId, marketRoot;
    final Slot[] pos, col;

    /** One slot's values; floors[0] is the implied 0 and is not an input. */
    static final class Slot {
        Fr leafIndex = Fr.ZERO, amount = Fr.ZERO, value = Fr.ZERO, som = Fr.ZERO;
        final Fr[] floors = filled(TIERS), rates = filled(TIERS), risk = filled(SCENARIOS), siblings = filled(DEPTH);

        /** Copies the leaf values of an instrument (mark, som, padded tiers, signed risk array). */
        void setLeaf(Instrument ins) {
            value = Fr.of(ins.mark());
            som = Fr.of(ins.som());
            setTiers(ins.maintenance());
            for (int s = 0; s < SCENARIOS; s++) risk[s] = FieldCodec.signed(ins.risk(s));
        }

        /** Copies the leaf values of a collateral asset (price, padded haircut tiers). */
        void setLeaf(CollateralAsset c) {
            value = Fr.of(c.price());
            som = Fr.ZERO;
            setTiers(c.haircut());
            Arrays.fill(risk, Fr.ZERO);
        }

        private void setTiers(TierSchedule t) {
            BigInteger[] f = MarketLeaf.paddedFloors(t);
            int[] r = MarketLeaf.paddedRates(t);
            for (int k = 0; k < TIERS; k++) {
                floors[k] = Fr.of(f[k]);
                rates[k] = Fr.of(r[k]);
            }
        }

        void setPath(MerkleProof proof) {
            if (proof.depth() != DEPTH) throw new IllegalArgumentException("Merkle path must have depth " + DEPTH);
            for (int l = 0; l < DEPTH; l++) siblings[l] = proof.sibling(l);
        }
    }

    private static Fr[] filled(int n) {
        Fr[] a = new Fr[n];
        Arrays.fill(a, Fr.ZERO);
        return a;
    }

    MarginInputs(SizeClass sizeClass) {
        this.sizeClass = sizeClass;
        pos = new Slot[sizeClass.positionSlots()];
        col = new Slot[sizeClass.collateralSlots()];
        for (int k = 0; k < pos.length; k++) pos[k] = new Slot();
        for (int j = 0; j < col.length; j++) col[j] = new Slot();
    }

    /**
     * Fills the opening, the slots' leaf values and paths from the table and tree, and the public values, for
     * threshold {@code fBps}; no health check. Every non-empty slot must sit on an entry of the right kind.
     */
    static MarginInputs of(CommitmentOpening opening, long epochId, MarketTable table, MarketTree tree, long fBps) {
        MarginInputs in = new MarginInputs(opening.sizeClass());
        in.accountId = Fr.of(opening.state().accountId());
        in.sequence = Fr.of(opening.state().sequence());
        in.salt = opening.salt().expose();
        in.epochId = Fr.of(epochId);
        in.marketRoot = tree.root();
        int[] pl = opening.positionLeaves();
        long[] q = opening.quantities();
        for (int k = 0; k < pl.length; k++) {
            if (q[k] == 0) continue;
            int leaf = pl[k];
            Instrument ins = table.instrumentAt(leaf).orElseThrow(() -> new IllegalArgumentException(
                    "position at leaf " + leaf + " is not an instrument of the market table"));
            Slot s = in.pos[k];
            s.leafIndex = Fr.of(leaf);
            s.amount = FieldCodec.signed(q[k]);
            s.setLeaf(ins);
            s.setPath(tree.proof(leaf));
        }
        int[] cl = opening.collateralLeaves();
        long[] b = opening.balances();
        for (int j = 0; j < cl.length; j++) {
            if (b[j] == 0) continue;
            int leaf = cl[j];
            CollateralAsset c = table.collateralAt(leaf).orElseThrow(() -> new IllegalArgumentException(
                    "balance at leaf " + leaf + " is not a collateral asset of the market table"));
            Slot s = in.col[j];
            s.leafIndex = Fr.of(leaf);
            s.amount = FieldCodec.signed(b[j]);
            s.setLeaf(c);
            s.setPath(tree.proof(leaf));
        }
        in.commitment = opening.commitment().value();
        in.digest = MarketTree.epochDigest(epochId, in.marketRoot);
        in.threshold = Fr.of(fBps);
        return in;
    }

    /** The commitment of the opening held here, by the layout of {@link CommitmentOpening} (for tampered openings). */
    Fr nativeCommitment() {
        List<Fr> h = new ArrayList<>();
        h.add(CommitmentOpening.TAG);
        h.add(Fr.of(pos.length));
        h.add(Fr.of(col.length));
        h.add(accountId);
        h.add(sequence);
        h.add(salt);
        for (Slot s : pos) {
            h.add(s.leafIndex);
            h.add(s.amount);
        }
        for (Slot s : col) {
            h.add(s.leafIndex);
            h.add(s.amount);
        }
        return Poseidon.hashMany(h);
    }

    Assignment toAssignment() {
        Assignment.Builder a = Assignment.builder();
        a.set(MarginCircuit.ACCOUNT_COMMITMENT, commitment);
        a.set(MarginCircuit.EPOCH_DIGEST, digest);
        a.set(MarginCircuit.THRESHOLD, threshold);
        a.set("accountId", accountId);
        a.set("sequence", sequence);
        a.set("salt", salt);
        a.set("epochId", epochId);
        a.set("marketRoot", marketRoot);
        for (int k = 0; k < pos.length; k++) put(a, MarginCircuit.pos(k, ""), pos[k], "q", "mark", true);
        for (int j = 0; j < col.length; j++) put(a, MarginCircuit.col(j, ""), col[j], "b", "price", false);
        return a.build();
    }

    private static void put(Assignment.Builder a, String p, Slot s, String amount, String value, boolean instrument) {
        a.set(p + "leafIndex", s.leafIndex);
        a.set(p + amount, s.amount);
        a.set(p + value, s.value);
        if (instrument) a.set(p + "som", s.som);
        for (int t = 1; t < TIERS; t++) a.set(p + "floor[" + t + "]", s.floors[t]);
        for (int t = 0; t < TIERS; t++) a.set(p + "rate[" + t + "]", s.rates[t]);
        if (instrument) a.set(p + "risk", s.risk);
        a.set(p + "sibling", s.siblings);
    }

    @Override
    public String toString() {
        return "MarginInputs[" + sizeClass + ", redacted]";
    }
}
