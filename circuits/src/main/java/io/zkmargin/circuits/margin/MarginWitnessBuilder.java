package io.zkmargin.circuits.margin;

import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.engine.MarginResult;
import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.market.MarketTree;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.Salt;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.Threshold;
import io.zkmargin.circuits.Assignment;
import io.zkmargin.circuits.Witness;

import java.util.Objects;

/**
 * Builds the input assignment (and the solved witness) of a {@link MarginCircuit} for one market epoch. Make one
 * per epoch with {@link #forEpoch} (it builds the market tree once) and call {@link #assignment} per account.
 *
 * <p>It refuses, with an {@link IllegalArgumentException} whose message names the account, leaf or size class but
 * never a quantity, balance or salt: an account that does not fit the size class, a position or balance on a leaf
 * that is not an instrument (collateral asset) of the table, and an account that is not healthy at f by the
 * reference engine (the message gives the largest f it can prove).
 */
public final class MarginWitnessBuilder {
    private final long epochId;
    private final MarketTable table;
    private final MarketTree tree;

    private MarginWitnessBuilder(long epochId, MarketTable table, MarketTree tree) {
        this.epochId = epochId;
        this.table = table;
        this.tree = tree;
    }

    /** For a published epoch (its root is the root of its table's tree, which the epoch keeps). */
    public static MarginWitnessBuilder forEpoch(MarketEpoch epoch) {
        Objects.requireNonNull(epoch, "epoch");
        return new MarginWitnessBuilder(epoch.epochId(), epoch.table(), epoch.tree());
    }

    /** For an epoch id and table without a signed epoch (tools and tests). */
    public static MarginWitnessBuilder forTable(long epochId, MarketTable table) {
        if (epochId < 0) throw new IllegalArgumentException("epoch id must be >= 0");
        Objects.requireNonNull(table, "table");
        return new MarginWitnessBuilder(epochId, table, MarketTree.of(table));
    }

    public long epochId() {
        return epochId;
    }

    /** The circuit's input assignment proving {@code state} healthy at {@code f} in size class {@code sizeClass}. */
    public Assignment assignment(SizeClass sizeClass, AccountState state, Salt salt, Threshold f) {
        Objects.requireNonNull(f, "threshold");
        CommitmentOpening opening = CommitmentOpening.of(state, Objects.requireNonNull(sizeClass, "size class"), salt);
        MarginResult r = MarginEngine.evaluate(table, state); // refuses positions or balances off the table
        if (!r.isHealthy(f)) {
            String best;
            if (r.isRequirementZero()) best = "no threshold (requirement is zero and equity is negative)";
            else if (r.largestProvableF().signum() < 0) best = "no threshold (equity is negative)";
            else best = "largest provable f = " + r.largestProvableF() + " bps";
            throw new IllegalArgumentException("account " + state.accountId() + " is not healthy at f = " + f.bps()
                    + " bps in epoch " + epochId + ": " + best);
        }
        return inputsUnchecked(opening, f.bps()).toAssignment();
    }

    /** The solved witness of {@link #assignment} (compiling the size class's circuit on first use). */
    public Witness witness(SizeClass sizeClass, AccountState state, Salt salt, Threshold f) {
        return MarginCircuit.compiled(sizeClass).solve(assignment(sizeClass, state, salt, f));
    }

    /** Inputs without the health pre-check, so tests can show that the circuit itself rejects an unhealthy account. */
    MarginInputs inputsUnchecked(CommitmentOpening opening, long fBps) {
        return MarginInputs.of(opening, epochId, table, tree, fBps);
    }

    MarketTree tree() {
        return tree;
    }

    @Override
    public String toString() {
        return "MarginWitnessBuilder[epoch " + epochId + ", " + table + "]";
    }
}
