package io.zkmargin.api.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.TierSchedule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random accounts: the circuit's candidate form agrees with healthy_f, and the largest f is the exact boundary. */
class MarginPropertiesTest {
    @Test
    void candidateForm_agreesWithHealthy_andLargestFIsBoundary() {
        Random rnd = new Random(20261121);
        for (int round = 0; round < 200; round++) {
            List<Instrument> ins = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long[] ra = new long[16];
                for (int s = 0; s < 16; s++) {
                    ra[s] = rnd.nextInt(20_001) - 10_000;
                }
                TierSchedule mm = TierSchedule.of(new long[] {0, 1 + rnd.nextInt(1_000_000)},
                        new int[] {rnd.nextInt(50_000), rnd.nextInt(100_000)});
                ins.add(Instrument.of("I" + i, i, 1 + rnd.nextInt(100_000), mm, ra, rnd.nextInt(500)));
            }
            MarketTable t = MarketTable.of(ins, List.of(
                    CollateralAsset.of("USD", 100, 1, TierSchedule.flat(1_000_000)),
                    CollateralAsset.of("BTC", 101, 60_000, TierSchedule.of(new long[] {0, 50_000_000},
                            new int[] {950_000, 500_000}))));
            AccountState.Builder b = AccountState.builder(round);
            for (int i = 0; i < 6; i++) {
                b.position(i, rnd.nextInt(201) - 100);
            }
            b.balance(100, rnd.nextInt(4_000_000) - 1_000_000).balance(101, rnd.nextInt(100));
            MarginResult r = MarginEngine.evaluate(t, b.build());
            for (long f : new long[] {0, 5_000, 10_000, 12_000, 30_000}) {
                boolean all = true;
                for (BigInteger s : r.slacks(f)) {
                    all &= s.signum() >= 0;
                }
                assertEquals(r.isHealthy(f), all, "round " + round + " f " + f);
            }
            if (!r.isRequirementZero()) {
                BigInteger fMax = r.largestProvableF();
                if (fMax.signum() >= 0 && fMax.bitLength() < 62) {
                    assertTrue(r.isHealthy(fMax.longValueExact()), "round " + round);
                    assertFalse(r.isHealthy(fMax.longValueExact() + 1), "round " + round);
                } else if (fMax.signum() < 0) {
                    assertFalse(r.isHealthy(0), "round " + round);
                }
            }
        }
    }
}
