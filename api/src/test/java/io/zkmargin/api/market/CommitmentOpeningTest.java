package io.zkmargin.api.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.Salt;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.hash.Poseidon;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitmentOpeningTest {
    private static final Salt SALT = Salt.of(Fr.of(777));

    static AccountState state(long seq) {
        // inserted out of order on purpose: slots must come out sorted
        return AccountState.builder(11).sequence(seq).position(9, -40).position(2, 5).balance(30, -140_000).build();
    }

    @Test
    void slots_areCanonical_nonEmptyFirstIncreasingThenZero() {
        CommitmentOpening o = CommitmentOpening.of(state(1), SizeClass.S, SALT);
        assertArrayEquals(new int[] {2, 9, 0, 0}, o.positionLeaves());
        assertArrayEquals(new long[] {5, -40, 0, 0}, o.quantities());
        assertArrayEquals(new int[] {30, 0}, o.collateralLeaves());
        assertArrayEquals(new long[] {-140_000, 0}, o.balances());
    }

    @Test
    void commitment_matchesDocumentedHashMany() {
        List<Fr> in = new ArrayList<>();
        in.add(Fr.of(new BigInteger(1, "zkmargin.account.v1".getBytes(StandardCharsets.US_ASCII))));
        for (long v : new long[] {4, 2, 11, 1}) {
            in.add(Fr.of(v));
        }
        in.add(Fr.of(777));
        for (long v : new long[] {2, 5, 9}) {
            in.add(Fr.of(v));
        }
        in.add(Fr.ZERO.sub(Fr.of(40)));
        for (int i = 0; i < 4; i++) {
            in.add(Fr.ZERO);
        }
        in.add(Fr.of(30));
        in.add(Fr.ZERO.sub(Fr.of(140_000)));
        in.add(Fr.ZERO);
        in.add(Fr.ZERO);
        assertEquals(Poseidon.hashMany(in), CommitmentOpening.of(state(1), SizeClass.S, SALT).commitment().value());
    }

    @Test
    void commitment_bindsSequenceSaltAndSizeClass() {
        Fr base = CommitmentOpening.of(state(1), SizeClass.S, SALT).commitment().value();
        assertNotEquals(base, CommitmentOpening.of(state(2), SizeClass.S, SALT).commitment().value());
        assertNotEquals(base, CommitmentOpening.of(state(1), SizeClass.S, Salt.of(Fr.of(778))).commitment().value());
        assertNotEquals(base, CommitmentOpening.of(state(1), SizeClass.M, SALT).commitment().value());
        assertEquals(6 + 2 * 64 + 2 * 8, CommitmentOpening.of(state(1), SizeClass.L, SALT).hashInputs().size());
    }

    @Test
    void tooManyPositions_throws() {
        AccountState.Builder b = AccountState.builder(1);
        for (int i = 0; i < 5; i++) {
            b.position(i, 1);
        }
        AccountState s = b.build();
        assertThrows(IllegalArgumentException.class, () -> CommitmentOpening.of(s, SizeClass.S, SALT));
        assertEquals(SizeClass.M, SizeClass.smallestFor(s));
    }

    @Test
    void toString_hidesStateAndSalt() {
        String s = CommitmentOpening.of(state(1), SizeClass.S, SALT).toString();
        assertFalse(s.contains("140000") || s.contains("777") || s.contains("-40"), s);
    }
}
