package io.zkmargin.api.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.hash.Poseidon;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Leaf layout v1 rebuilt by hand from docs/MARKET-LEAF.md, and the tree over it. */
class MarketTreeTest {
    private static final Fr PAD = Fr.of(BigInteger.ONE.shiftLeft(128));

    static Instrument option() {
        long[] ra = new long[16];
        for (int s = 0; s < 16; s++) {
            ra[s] = (s % 2 == 0 ? -1 : 1) * (100L + s);
        }
        return Instrument.of("C70000", 3, 1_125, TierSchedule.of(new long[] {0, 50_000}, new int[] {4_000, 5_000}),
                ra, 60);
    }

    @Test
    void instrumentLeaf_matchesDocumentedLayout() {
        List<Fr> ra = new ArrayList<>();
        for (int s = 0; s < 16; s++) {
            long v = (s % 2 == 0 ? -1 : 1) * (100L + s);
            ra.add(v < 0 ? Fr.of(Fr.MODULUS.subtract(BigInteger.valueOf(-v))) : Fr.of(v));
        }
        Fr riskHash = Poseidon.hash(ra);
        Fr expected = Poseidon.hash(Fr.of(1), Fr.of(1), Fr.of(1_125), Fr.of(60),
                Fr.of(50_000), PAD, PAD, Fr.of(4_000), Fr.of(5_000), Fr.ZERO, Fr.ZERO, riskHash);
        assertEquals(expected, MarketLeaf.hash(option()));
    }

    @Test
    void collateralLeaf_matchesDocumentedLayout() {
        CollateralAsset c = CollateralAsset.of("BTC", 7, 60_000,
                TierSchedule.of(new long[] {0, 100_000_000, 120_000_000}, new int[] {1_000_000, 975_000, 950_000}));
        Fr zeroRisk = Poseidon.hash(java.util.Collections.nCopies(16, Fr.ZERO));
        Fr expected = Poseidon.hash(Fr.of(2), Fr.of(1), Fr.of(60_000), Fr.ZERO, Fr.of(100_000_000),
                Fr.of(120_000_000), PAD, Fr.of(1_000_000), Fr.of(975_000), Fr.of(950_000), Fr.ZERO, zeroRisk);
        assertEquals(expected, MarketLeaf.hash(c));
    }

    @Test
    void sameValuesDifferentKind_differentLeaves() {
        Instrument i = Instrument.linear("X", 0, 5, TierSchedule.flat(7));
        CollateralAsset c = CollateralAsset.of("Y", 1, 5, TierSchedule.flat(7));
        assertNotEquals(MarketLeaf.hash(i), MarketLeaf.hash(c));
    }

    @Test
    void tree_rootFromHandHashedPath_andProofsVerify() {
        CollateralAsset usd = CollateralAsset.of("USD", 0, 1, TierSchedule.flat(1_000_000));
        MarketTable t = MarketTable.of(List.of(option()), List.of(usd));
        MarketTree tree = MarketTree.of(t);
        // leaves 0 (USD) and 3 (option), all else zero: hash the depth-12 tree by hand
        Fr l0 = MarketLeaf.hash(usd);
        Fr l3 = MarketLeaf.hash(option());
        Fr n0 = Poseidon.hash(l0, Fr.ZERO);
        Fr n1 = Poseidon.hash(Fr.ZERO, l3);
        Fr node = Poseidon.hash(n0, n1);
        Fr empty = Poseidon.hash(Poseidon.hash(Fr.ZERO, Fr.ZERO), Poseidon.hash(Fr.ZERO, Fr.ZERO));
        for (int level = 2; level < 12; level++) {
            node = Poseidon.hash(node, empty);
            empty = Poseidon.hash(empty, empty);
        }
        assertEquals(node, tree.root());
        assertEquals(tree.root(), tree.proof(3).computeRoot(l3));
        assertEquals(tree.root(), tree.proof(0).computeRoot(l0));
        assertEquals(12, tree.proof(3).depth());
    }

    @Test
    void epochDigest_isPoseidonOfIdAndRoot() {
        assertEquals(Poseidon.hash(Fr.of(42), Fr.of(99)), MarketTree.epochDigest(42, Fr.of(99)));
    }
}
