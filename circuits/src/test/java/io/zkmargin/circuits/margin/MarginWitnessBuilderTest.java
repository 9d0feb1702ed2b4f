package io.zkmargin.circuits.margin;

import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.market.MarketTree;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.Salt;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.Threshold;
import io.zkmargin.circuits.Assignment;
import io.zkmargin.crypto.field.Fr;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The witness builder's refusals (clear, with no secret in the message) and its public values. */
class MarginWitnessBuilderTest {
    private static final Salt SALT = Salt.random(new SecureRandom());
    private final MarginWitnessBuilder b = MarginWitnessBuilder.forTable(11, MarginCircuitTest.example1Table());

    @Test
    void unhealthy_refused_namesLargestProvableF_noQuantities() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.assignment(SizeClass.S, MarginCircuitTest.example1Account(), SALT, Threshold.ofBps(21_000)));
        assertTrue(e.getMessage().contains("largest provable f = 20933"), e.getMessage());
        assertTrue(e.getMessage().contains("account 7"), e.getMessage());
        assertFalse(e.getMessage().contains("140000") || e.getMessage().contains("-40"), e.getMessage());
        assertFalse(e.getMessage().contains(SALT.expose().toDecimalString()));
    }

    @Test
    void negativeEquity_refused() {
        AccountState broke = AccountState.builder(8).position(5, 1).balance(2, -1_000_000).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.assignment(SizeClass.S, broke, SALT, Threshold.ofBps(0)));
        assertTrue(e.getMessage().contains("equity is negative"), e.getMessage());
    }

    @Test
    void tooManyPositions_refused() {
        AccountState big = AccountState.builder(9).position(5, 1).position(9, 1).balance(2, 5).balance(3, 1)
                .balance(4, 1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.assignment(SizeClass.S, big, SALT, Threshold.CALL));
        assertTrue(e.getMessage().contains("size class S"), e.getMessage());
    }

    @Test
    void positionOffTheTable_refused() {
        AccountState off = AccountState.builder(9).position(6, 1).balance(2, 1_000_000).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.assignment(SizeClass.S, off, SALT, Threshold.CALL));
        assertTrue(e.getMessage().contains("leaf 6"), e.getMessage());
        // a position on a collateral leaf
        AccountState wrongKind = AccountState.builder(9).position(2, 1).build();
        assertThrows(IllegalArgumentException.class, () -> b.assignment(SizeClass.S, wrongKind, SALT, Threshold.CALL));
    }

    @Test
    void publicValues_matchNativeCommitmentAndDigest() {
        AccountState a = MarginCircuitTest.example1Account();
        Assignment as = b.assignment(SizeClass.S, a, SALT, Threshold.WARN);
        assertEquals(CommitmentOpening.of(a, SizeClass.S, SALT).commitment().value(), as.get(MarginCircuit.ACCOUNT_COMMITMENT));
        MarketTree tree = MarketTree.of(MarginCircuitTest.example1Table());
        assertEquals(MarketTree.epochDigest(11, tree.root()), as.get(MarginCircuit.EPOCH_DIGEST));
        assertEquals(Fr.of(12_000), as.get(MarginCircuit.THRESHOLD));
        assertFalse(as.toString().contains(SALT.expose().toDecimalString()));
    }

    @Test
    void forEpoch_usesTheEpochIdAndRoot() {
        MarketTree tree = MarketTree.of(MarginCircuitTest.example1Table());
        MarketEpoch epoch = MarketEpoch.of(42, 1_000, MarginCircuitTest.example1Table(), tree.root(), new byte[64]);
        Assignment as = MarginWitnessBuilder.forEpoch(epoch).assignment(SizeClass.S, MarginCircuitTest.example1Account(),
                SALT, Threshold.CALL);
        assertEquals(epoch.epochDigest(), as.get(MarginCircuit.EPOCH_DIGEST));
        assertEquals(Fr.of(42), as.get("epochId"));
    }
}
