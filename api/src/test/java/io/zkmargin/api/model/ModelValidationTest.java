package io.zkmargin.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelValidationTest {
    private static String msg(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void tierSchedule_rejectsBrokenBounds() {
        assertTrue(msg(() -> TierSchedule.of(new long[] {1}, new int[] {0})).contains("floor_0"));
        assertTrue(msg(() -> TierSchedule.of(new long[] {0, 5, 5}, new int[] {1, 2, 3})).contains("floor_2"));
        assertTrue(msg(() -> TierSchedule.flat(1_000_001)).contains("rate_0"));
        assertTrue(msg(() -> TierSchedule.flat(-1)).contains("rate_0"));
        assertTrue(msg(() -> TierSchedule.of(new long[] {0, 1, 2, 3, 4}, new int[] {1, 1, 1, 1, 1})).contains("1..4"));
        assertTrue(msg(() -> TierSchedule.of(List.of(BigInteger.ZERO, BigInteger.ONE.shiftLeft(128)), List.of(1, 1)))
                .contains("2^128"));
        // the largest allowed floor
        TierSchedule.of(List.of(BigInteger.ZERO, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)), List.of(1, 1));
    }

    @Test
    void tierSchedule_applyIsProgressive() {
        TierSchedule t = TierSchedule.of(new long[] {0, 10, 20}, new int[] {1, 2, 3});
        assertEquals(BigInteger.valueOf(5), t.apply(BigInteger.valueOf(5)));
        assertEquals(BigInteger.valueOf(10 + 2 * 5), t.apply(BigInteger.valueOf(15)));
        assertEquals(BigInteger.valueOf(10 + 20 + 3 * 80), t.apply(BigInteger.valueOf(100)));
        assertEquals(BigInteger.ZERO, t.apply(BigInteger.ZERO));
    }

    @Test
    void instrument_boundsFailuresNameTheInstrument() {
        long[] ra = new long[16];
        BigInteger[] bigRa = new BigInteger[16];
        java.util.Arrays.fill(bigRa, BigInteger.ZERO);
        bigRa[4] = BigInteger.ONE.shiftLeft(64).negate();
        String m = msg(() -> Instrument.of("ETH-C-3000", 0, BigInteger.ONE, TierSchedule.none(), bigRa, BigInteger.ZERO));
        assertTrue(m.contains("ETH-C-3000") && m.contains("risk array[4]"), m);
        m = msg(() -> Instrument.of("BTC-PERP", 0, -1, TierSchedule.none(), ra, 0));
        assertTrue(m.contains("BTC-PERP") && m.contains("mark"), m);
        m = msg(() -> Instrument.of("BTC-PERP", 0, BigInteger.ONE.shiftLeft(64), TierSchedule.none(), bigRa.clone(),
                BigInteger.ZERO));
        assertTrue(m.contains("BTC-PERP"), m);
        m = msg(() -> Instrument.of("X", 4096, 1, TierSchedule.none(), ra, 0));
        assertTrue(m.contains("X") && m.contains("4096"), m);
        m = msg(() -> Instrument.of("X", 0, 1, TierSchedule.none(), new long[15], 0));
        assertTrue(m.contains("16"), m);
        m = msg(() -> Instrument.of("X", 0, 1, TierSchedule.none(), ra, -5));
        assertTrue(m.contains("som"), m);
        msg(() -> Instrument.of("bad id", 0, 1, TierSchedule.none(), ra, 0));
        m = msg(() -> CollateralAsset.of("USDC", 1, -1, TierSchedule.none()));
        assertTrue(m.contains("USDC") && m.contains("price"), m);
    }

    @Test
    void marketTable_rejectsDuplicatesNamingEntries() {
        Instrument a = Instrument.linear("A", 3, 1, TierSchedule.none());
        Instrument b = Instrument.linear("B", 3, 1, TierSchedule.none());
        String m = msg(() -> MarketTable.of(List.of(a, b), List.of()));
        assertTrue(m.contains("A") && m.contains("B") && m.contains("3"), m);
        m = msg(() -> MarketTable.of(List.of(a), List.of(CollateralAsset.of("A", 4, 1, TierSchedule.none()))));
        assertTrue(m.contains("duplicate entry id A"), m);
        msg(() -> MarketTable.of(List.of(), List.of()));
    }

    @Test
    void marketTable_sortsAndLooksUp() {
        Instrument a = Instrument.linear("A", 9, 1, TierSchedule.none());
        Instrument b = Instrument.linear("B", 2, 1, TierSchedule.none());
        CollateralAsset c = CollateralAsset.of("C", 5, 1, TierSchedule.none());
        MarketTable t = MarketTable.of(List.of(a, b), List.of(c));
        assertEquals(List.of(b, a), t.instruments());
        assertEquals(a, t.instrumentAt(9).orElseThrow());
        assertTrue(t.instrumentAt(5).isEmpty());
        assertEquals(c, t.collateralAt(5).orElseThrow());
        assertEquals(c, t.collateral("C").orElseThrow());
        assertEquals(t, MarketTable.of(List.of(b, a), List.of(c)));
    }

    @Test
    void accountState_validates() {
        msg(() -> AccountState.builder(1).position(0, Long.MIN_VALUE).build());
        msg(() -> AccountState.builder(1).position(0, 1).balance(0, 1).build());
        msg(() -> AccountState.builder(1).position(0, 1).position(0, 2));
        msg(() -> AccountState.builder(-1).build());
        msg(() -> AccountState.builder(1).position(4096, 1).build());
        AccountState s = AccountState.builder(1).position(3, 0).position(1, Long.MAX_VALUE).balance(2, -7).build();
        assertEquals(Map.of(1, Long.MAX_VALUE), s.positions());
        String str = s.toString();
        assertFalse(str.contains(String.valueOf(Long.MAX_VALUE)) || str.contains("-7"), str);
    }

    @Test
    void threshold_andSizeClass() {
        assertEquals(12_000, Threshold.WARN.bps());
        msg(() -> Threshold.ofBps(-1));
        msg(() -> Threshold.ofBps(Threshold.MAX_BPS + 1));
        assertEquals(64, SizeClass.L.positionSlots());
        assertEquals(8, SizeClass.L.collateralSlots());
        assertEquals(SizeClass.S, SizeClass.smallestFor(AccountState.builder(1).build()));
    }

    @Test
    void salt_isRandomInFieldAndRedacted() {
        Salt a = Salt.random(new SecureRandom());
        Salt b = Salt.random(new SecureRandom());
        assertFalse(a.equals(b));
        assertTrue(a.expose().toBigInteger().compareTo(Fr.MODULUS) < 0);
        assertEquals("Salt[redacted]", a.toString());
        assertEquals(a, Salt.fromBytes(a.expose().toBytesBE()));
        msg(() -> Salt.fromBytes(Fr.MODULUS.toByteArray()));
    }
}
