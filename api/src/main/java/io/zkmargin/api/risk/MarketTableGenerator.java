package io.zkmargin.api.risk;

import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.api.proto.CollateralRow;
import io.zkmargin.api.proto.ContractRow;
import io.zkmargin.api.proto.RiskToolInput;
import io.zkmargin.api.proto.Tier;
import io.zkmargin.api.proto.UnderlyingRow;
import io.zkmargin.api.wire.JsonCodec;
import io.zkmargin.api.wire.WireFormatException;
import io.zkmargin.api.wire.WireMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns risk-tool input (JSON, or the CSV form of docs/RISK-TOOLS.md) into a bound-checked market table, and writes
 * the table as the JSON that the {@code epoch} command signs. Any failure names the row or instrument.
 */
public final class MarketTableGenerator {
    private MarketTableGenerator() {}

    public static MarketTable generate(RiskToolInput in) {
        double lookahead = in.getLookaheadDays() == 0 ? 1 : in.getLookaheadDays();
        Map<String, ScanParameters> scan = new HashMap<>();
        for (UnderlyingRow u : in.getUnderlyingsList()) {
            if (scan.containsKey(u.getId())) {
                throw new IllegalArgumentException("risk tool: underlying " + u.getId() + " is defined twice");
            }
            scan.put(u.getId(), scanParameters(u, lookahead, in.getRate()));
        }
        List<Instrument> instruments = new ArrayList<>();
        for (ContractRow c : in.getInstrumentsList()) {
            ScanParameters p = scan.get(c.getUnderlying());
            if (p == null) {
                throw new IllegalArgumentException("risk tool: instrument " + c.getId() + ": unknown underlying '"
                        + c.getUnderlying() + "'");
            }
            instruments.add(RiskArrays.instrument(spec(c), p));
        }
        List<CollateralAsset> collaterals = new ArrayList<>();
        for (CollateralRow c : in.getCollateralsList()) {
            String where = "collateral " + c.getId();
            TierSchedule hc = c.hasHaircut() ? WireMapping.fromProto(c.getHaircut(), where + " haircut")
                    : TierSchedule.flat(1_000_000);
            collaterals.add(CollateralAsset.of(c.getId(), c.getLeafIndex(), WireMapping.decimal(c.getPrice(),
                    where + " price"), hc));
        }
        return MarketTable.of(instruments, collaterals);
    }

    static ScanParameters scanParameters(UnderlyingRow u, double lookahead, double rate) {
        String what = "underlying " + u.getId();
        try {
            double range = u.getPriceScanRange();
            if (range == 0) {
                if (u.getPriceHistoryCount() < 2) {
                    throw new IllegalArgumentException("needs price_scan_range or a price_history of 2+ prices");
                }
                double[] h = u.getPriceHistoryList().stream().mapToDouble(Double::doubleValue).toArray();
                range = ScanRanges.dynamic(u.getPrice(), h,
                        u.getEwmaLambda() == 0 ? EwmaVolatility.DEFAULT_LAMBDA : u.getEwmaLambda(),
                        u.getScanZ() == 0 ? ScanRanges.DEFAULT_Z : u.getScanZ(), u.getScanFloorFraction(), lookahead);
            }
            return new ScanParameters(u.getPrice(), range, u.getVolScanRange(), lookahead, rate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("risk tool: " + what + ": " + e.getMessage(), e);
        }
    }

    static ContractSpec spec(ContractRow c) {
        ContractType type = switch (c.getType().toLowerCase(Locale.ROOT)) {
            case "future", "perp", "spot" -> ContractType.FUTURE;
            case "call" -> ContractType.CALL;
            case "put" -> ContractType.PUT;
            default -> throw new IllegalArgumentException("risk tool: instrument " + c.getId() + ": unknown type '"
                    + c.getType() + "' (future, perp, spot, call, put)");
        };
        TierSchedule mm = c.hasMaintenance()
                ? WireMapping.fromProto(c.getMaintenance(), "instrument " + c.getId() + " maintenance")
                : TierSchedule.none();
        return new ContractSpec(c.getId(), c.getLeafIndex(), type, c.getStrike(), c.getDaysToExpiry(),
                c.getVolatility(), c.getMultiplier() == 0 ? 1 : c.getMultiplier(), c.getInverse(), c.getSomFraction(),
                mm);
    }

    /** Reads a risk-tool input file: CSV when the name ends in .csv, JSON otherwise. */
    public static RiskToolInput read(java.nio.file.Path file) throws java.io.IOException {
        String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? parseCsv(text)
                : parseJson(text);
    }

    public static RiskToolInput parseJson(String json) {
        return JsonCodec.fromJson(json, RiskToolInput.newBuilder());
    }

    /** The market table as proto3 JSON (the file the {@code epoch} command reads and signs). */
    public static String toJson(MarketTable t) {
        return JsonCodec.toJson(WireMapping.toProto(t));
    }

    public static MarketTable fromJson(String json) {
        return WireMapping.fromProto(JsonCodec.<io.zkmargin.api.proto.MarketTable>fromJson(json,
                io.zkmargin.api.proto.MarketTable.newBuilder()));
    }

    /**
     * Parses the CSV form: a header line naming the columns, then one row per line; blank lines and lines starting
     * with '#' are skipped; no quoting. Column {@code kind} is one of param, underlying, future, perp, spot, call,
     * put, collateral; see docs/RISK-TOOLS.md for the other columns. Tiers are "floor:rate;floor:rate", price
     * history "p1;p2;...".
     */
    public static RiskToolInput parseCsv(String csv) {
        String[] lines = csv.split("\r?\n", -1);
        String[] header = null;
        RiskToolInput.Builder b = RiskToolInput.newBuilder();
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.indexOf('"') >= 0) {
                throw new WireFormatException("CSV line " + (n + 1) + ": quoted fields are not supported");
            }
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = cells;
                for (int i = 0; i < header.length; i++) {
                    header[i] = header[i].strip().toLowerCase(Locale.ROOT);
                }
                continue;
            }
            if (cells.length != header.length) {
                throw new WireFormatException("CSV line " + (n + 1) + ": " + cells.length + " cells, header has "
                        + header.length);
            }
            Row row = new Row(n + 1, header, cells);
            try {
                row.addTo(b);
            } catch (WireFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new WireFormatException("CSV line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        if (header == null) {
            throw new WireFormatException("CSV has no header line");
        }
        return b.build();
    }

    private static final class Row {
        private final int line;
        private final Map<String, String> cells = new HashMap<>();

        Row(int line, String[] header, String[] values) {
            this.line = line;
            for (int i = 0; i < header.length; i++) {
                cells.put(header[i], values[i].strip());
            }
        }

        String text(String col) {
            return cells.getOrDefault(col, "");
        }

        double num(String col) {
            String s = text(col);
            if (s.isEmpty()) {
                return 0;
            }
            try {
                double v = Double.parseDouble(s);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new WireFormatException("CSV line " + line + ": column " + col + " is not a number");
            }
        }

        void addTo(RiskToolInput.Builder b) {
            String kind = text("kind").toLowerCase(Locale.ROOT);
            switch (kind) {
                case "param" -> {
                    switch (text("id")) {
                        case "rate" -> b.setRate(num("value"));
                        case "lookahead_days" -> b.setLookaheadDays(num("value"));
                        default -> throw new WireFormatException("CSV line " + line + ": unknown param '" + text("id")
                                + "' (rate, lookahead_days)");
                    }
                }
                case "underlying" -> {
                    UnderlyingRow.Builder u = UnderlyingRow.newBuilder().setId(text("id")).setPrice(num("price"))
                            .setPriceScanRange(num("price_scan_range")).setVolScanRange(num("vol_scan_range"))
                            .setEwmaLambda(num("ewma_lambda")).setScanZ(num("scan_z"))
                            .setScanFloorFraction(num("scan_floor_fraction"));
                    for (String p : text("price_history").split(";")) {
                        if (!p.isBlank()) {
                            u.addPriceHistory(Double.parseDouble(p.strip()));
                        }
                    }
                    b.addUnderlyings(u);
                }
                case "future", "perp", "spot", "call", "put" -> {
                    ContractRow.Builder c = ContractRow.newBuilder().setId(text("id")).setLeafIndex(leaf())
                            .setUnderlying(text("underlying")).setType(kind).setStrike(num("strike"))
                            .setDaysToExpiry(num("days")).setVolatility(num("vol")).setMultiplier(num("multiplier"))
                            .setInverse(bool("inverse")).setSomFraction(num("som_fraction"));
                    if (!text("tiers").isEmpty()) {
                        c.setMaintenance(tiers(text("tiers")));
                    }
                    b.addInstruments(c);
                }
                case "collateral" -> {
                    CollateralRow.Builder c = CollateralRow.newBuilder().setId(text("id")).setLeafIndex(leaf())
                            .setPrice(text("price"));
                    if (!text("tiers").isEmpty()) {
                        c.setHaircut(tiers(text("tiers")));
                    }
                    b.addCollaterals(c);
                }
                default -> throw new WireFormatException("CSV line " + line + ": unknown kind '" + kind + "'");
            }
        }

        boolean bool(String col) {
            String s = text(col).toLowerCase(Locale.ROOT);
            if (s.isEmpty() || s.equals("false")) {
                return false;
            }
            if (s.equals("true")) {
                return true;
            }
            throw new WireFormatException("CSV line " + line + ": column " + col + " must be true or false");
        }

        int leaf() {
            try {
                return Integer.parseInt(text("leaf"));
            } catch (NumberFormatException e) {
                throw new WireFormatException("CSV line " + line + ": column leaf is not an integer");
            }
        }

        io.zkmargin.api.proto.TierSchedule tiers(String s) {
            io.zkmargin.api.proto.TierSchedule.Builder t = io.zkmargin.api.proto.TierSchedule.newBuilder();
            for (String part : s.split(";")) {
                String[] fr = part.split(":");
                if (fr.length != 2) {
                    throw new WireFormatException("CSV line " + line + ": tiers must be floor:rate;floor:rate");
                }
                try {
                    t.addTiers(Tier.newBuilder().setFloor(fr[0].strip()).setRatePpm(Integer.parseInt(fr[1].strip())));
                } catch (NumberFormatException e) {
                    throw new WireFormatException("CSV line " + line + ": tier rate is not an integer");
                }
            }
            return t.build();
        }
    }
}
