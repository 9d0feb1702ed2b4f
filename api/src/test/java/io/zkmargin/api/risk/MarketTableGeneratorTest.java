package io.zkmargin.api.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.api.proto.RiskToolInput;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MarketTableGeneratorTest {
    static final String CSV = String.join("\n",
            "kind,id,leaf,underlying,price,price_scan_range,vol_scan_range,strike,days,vol,multiplier,som_fraction,tiers,value",
            "# worked example 4 of MARGIN-MODEL.md",
            "param,rate,,,,,,,,,,,,0",
            "underlying,BTC,,,60000,6000,0.10,,,,,,,",
            "put,P50000,10,BTC,,,,50000,30,0.60,,,,",
            "call,C70000,11,BTC,,,,70000,30,0.60,,0.001,,",
            "perp,BTC-PERP,12,BTC,,,,,,,,,0:4000;50000:5000,",
            "collateral,USD,0,,1,,,,,,,,,",
            "collateral,BTC,1,,60000,,,,,,,,0:1000000;100000000:975000,",
            "");

    static final String JSON = """
            {
              "underlyings": [{"id": "BTC", "price": 60000, "priceScanRange": 6000, "volScanRange": 0.10}],
              "instruments": [
                {"id": "P50000", "leafIndex": 10, "underlying": "BTC", "type": "put", "strike": 50000,
                 "daysToExpiry": 30, "volatility": 0.6},
                {"id": "C70000", "leafIndex": 11, "underlying": "BTC", "type": "call", "strike": 70000,
                 "daysToExpiry": 30, "volatility": 0.6, "somFraction": 0.001},
                {"id": "BTC-PERP", "leafIndex": 12, "underlying": "BTC", "type": "perp",
                 "maintenance": {"tiers": [{"floor": "0", "ratePpm": 4000}, {"floor": "50000", "ratePpm": 5000}]}}
              ],
              "collaterals": [
                {"id": "USD", "leafIndex": 0, "price": "1"},
                {"id": "BTC", "leafIndex": 1, "price": "60000",
                 "haircut": {"tiers": [{"floor": "0", "ratePpm": 1000000}, {"floor": "100000000", "ratePpm": 975000}]}}
              ]
            }
            """;

    @Test
    void csvAndJson_giveTheSameTable_withWorkedExampleArrays() {
        MarketTable fromCsv = MarketTableGenerator.generate(MarketTableGenerator.parseCsv(CSV));
        MarketTable fromJson = MarketTableGenerator.generate(MarketTableGenerator.parseJson(JSON));
        assertEquals(fromCsv, fromJson);
        long[] put = new long[16];
        for (int s = 0; s < 16; s++) {
            put[s] = fromCsv.instrument("P50000").orElseThrow().risk(s).longValueExact();
        }
        assertArrayEquals(RiskArraysTest.PUT_50K, put);
        assertEquals(BigInteger.valueOf(60), fromCsv.instrument("C70000").orElseThrow().som());
        assertEquals(BigInteger.valueOf(60_000), fromCsv.instrument("BTC-PERP").orElseThrow().mark());
        assertEquals(TierSchedule.of(new long[] {0, 50_000}, new int[] {4_000, 5_000}),
                fromCsv.instrument("BTC-PERP").orElseThrow().maintenance());
        assertEquals(TierSchedule.flat(1_000_000), fromCsv.collateral("USD").orElseThrow().haircut());
    }

    @Test
    void perpWithMaintenanceTiers_isLinear_zeroRiskArray_whileOptionsKeepTheirs() {
        MarketTable t = MarketTableGenerator.generate(MarketTableGenerator.parseCsv(CSV));
        for (int s = 0; s < 16; s++) {
            assertEquals(BigInteger.ZERO, t.instrument("BTC-PERP").orElseThrow().risk(s), "scenario " + (s + 1));
        }
        long nonZero = java.util.stream.IntStream.range(0, 16)
                .filter(s -> t.instrument("C70000").orElseThrow().risk(s).signum() != 0).count();
        assertEquals(16, nonZero);
    }

    @Test
    void readsFilesByExtension(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("in.csv"), CSV);
        java.nio.file.Path json = java.nio.file.Files.writeString(dir.resolve("in.json"), JSON);
        assertEquals(MarketTableGenerator.generate(MarketTableGenerator.read(csv)),
                MarketTableGenerator.generate(MarketTableGenerator.read(json)));
    }

    @Test
    void outputJson_roundTrips() {
        MarketTable t = MarketTableGenerator.generate(MarketTableGenerator.parseCsv(CSV));
        String json = MarketTableGenerator.toJson(t);
        assertTrue(json.contains("\"riskArray\""), json);
        assertEquals(t, MarketTableGenerator.fromJson(json));
    }

    @Test
    void dynamicRangeFromHistory() {
        RiskToolInput in = MarketTableGenerator.parseJson("""
                {"underlyings": [{"id": "ETH", "price": 3000, "volScanRange": 0.1, "scanFloorFraction": 0.05,
                                  "priceHistory": [3000, 3003, 2997, 3000]}],
                 "instruments": [{"id": "ETH-PERP", "leafIndex": 0, "underlying": "ETH", "type": "perp"}]}
                """);
        MarketTable t = MarketTableGenerator.generate(in);
        // calm history: floor 5% of 3,000 = 150 per range; scenario 11 (+1 range) loses 150 per short... long lot
        assertEquals(BigInteger.valueOf(-150), t.instrument("ETH-PERP").orElseThrow().risk(10));
    }

    @Test
    void errors_nameTheRowOrInstrument() {
        String m = assertThrows(IllegalArgumentException.class, () -> MarketTableGenerator.generate(
                MarketTableGenerator.parseCsv(CSV.replace("perp,BTC-PERP,12,BTC,", "perp,BTC-PERP,12,ETH,"))))
                .getMessage();
        assertTrue(m.contains("BTC-PERP") && m.contains("ETH"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> MarketTableGenerator.parseCsv(CSV.replace("put,P50000,10,BTC,,,,50000,30,0.60",
                        "put,P50000,10,BTC,,,,50k,30,0.60"))).getMessage();
        assertTrue(m.contains("line 5") && m.contains("strike"), m);
        m = assertThrows(IllegalArgumentException.class, () -> MarketTableGenerator.generate(
                MarketTableGenerator.parseCsv(CSV.replace("call,C70000,11,BTC,,,,70000,30,0.60,,",
                        "call,C70000,11,BTC,,,,70000,30,0.60,1e18,")))).getMessage();
        assertTrue(m.contains("C70000") && m.contains("bounds"), m);
        m = assertThrows(IllegalArgumentException.class, () -> MarketTableGenerator.generate(
                MarketTableGenerator.parseCsv(CSV.replace("perp,BTC-PERP", "swap,BTC-PERP")))).getMessage();
        assertTrue(m.contains("swap"), m);
        m = assertThrows(IllegalArgumentException.class, () -> MarketTableGenerator.generate(
                MarketTableGenerator.parseCsv(CSV.replace("collateral,BTC,1,", "collateral,BTC,11,")))).getMessage();
        assertTrue(m.contains("C70000") && m.contains("BTC") && m.contains("11"), m);
        assertThrows(IllegalArgumentException.class, () -> MarketTableGenerator.parseCsv("kind,id\nfoo"));
        m = assertThrows(IllegalArgumentException.class, () -> MarketTableGenerator.parseCsv(
                "kind,id,leaf,underlying,inverse\ncall,X,1,BTC,yes")).getMessage();
        assertTrue(m.contains("line 2") && m.contains("inverse"), m);
        assertThrows(IllegalArgumentException.class, () -> MarketTableGenerator.parseJson("{\"nope\": 1}"));
    }
}
