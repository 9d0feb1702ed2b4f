package io.zkmargin.api.wire;

import com.google.protobuf.ByteString;
import io.zkmargin.api.market.AccountCommitment;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.Bounds;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.api.proto.CollateralEntry;
import io.zkmargin.api.proto.InstrumentEntry;
import io.zkmargin.api.proto.Tier;
import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Domain values to protobuf messages and back. Decoding runs every domain factory, so a decoded table is
 * bound-checked; failures are {@link WireFormatException} (or the factory's IllegalArgumentException naming the
 * entry).
 */
public final class WireMapping {
    private WireMapping() {}

    // ---------------------------------------------------------------- tiers

    public static io.zkmargin.api.proto.TierSchedule toProto(TierSchedule t) {
        io.zkmargin.api.proto.TierSchedule.Builder b = io.zkmargin.api.proto.TierSchedule.newBuilder();
        for (int k = 0; k < t.size(); k++) {
            b.addTiers(Tier.newBuilder().setFloor(t.floor(k).toString()).setRatePpm(t.rate(k)));
        }
        return b.build();
    }

    public static TierSchedule fromProto(io.zkmargin.api.proto.TierSchedule p, String where) {
        if (p.getTiersCount() == 0) {
            throw new WireFormatException(where + ": tier schedule has no tiers");
        }
        List<BigInteger> floors = new ArrayList<>();
        List<Integer> rates = new ArrayList<>();
        for (int k = 0; k < p.getTiersCount(); k++) {
            Tier t = p.getTiers(k);
            floors.add(decimal(t.getFloor(), where + " tier " + k + " floor"));
            if (t.getRatePpm() < 0 || t.getRatePpm() > Bounds.PPM) { // uint32 reads negative above 2^31
                throw new WireFormatException(where + ": tier " + k + " rate outside 0..1000000 ppm");
            }
            rates.add(t.getRatePpm());
        }
        try {
            return TierSchedule.of(floors, rates);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(where + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- entries and table

    public static InstrumentEntry toProto(Instrument i) {
        InstrumentEntry.Builder b = InstrumentEntry.newBuilder().setId(i.id()).setLeafIndex(i.leafIndex())
                .setMark(i.mark().toString()).setMaintenance(toProto(i.maintenance())).setSom(i.som().toString());
        for (BigInteger r : i.riskArray()) {
            b.addRiskArray(r.toString());
        }
        return b.build();
    }

    public static Instrument fromProto(InstrumentEntry p) {
        String where = "instrument " + (p.getId().isEmpty() ? "#" + p.getLeafIndex() : p.getId());
        if (p.getRiskArrayCount() != Bounds.SCENARIOS) {
            throw new WireFormatException(where + ": risk array must have " + Bounds.SCENARIOS + " entries, got "
                    + p.getRiskArrayCount());
        }
        BigInteger[] ra = new BigInteger[Bounds.SCENARIOS];
        for (int s = 0; s < ra.length; s++) {
            ra[s] = decimal(p.getRiskArray(s), where + " risk array[" + s + "]");
        }
        return Instrument.of(p.getId(), leaf(p.getLeafIndex(), where), decimal(p.getMark(), where + " mark"),
                fromProto(p.getMaintenance(), where + " maintenance"), ra, decimal(p.getSom(), where + " som"));
    }

    public static CollateralEntry toProto(CollateralAsset c) {
        return CollateralEntry.newBuilder().setId(c.id()).setLeafIndex(c.leafIndex()).setPrice(c.price().toString())
                .setHaircut(toProto(c.haircut())).build();
    }

    public static CollateralAsset fromProto(CollateralEntry p) {
        String where = "collateral " + (p.getId().isEmpty() ? "#" + p.getLeafIndex() : p.getId());
        return CollateralAsset.of(p.getId(), leaf(p.getLeafIndex(), where), decimal(p.getPrice(), where + " price"),
                fromProto(p.getHaircut(), where + " haircut"));
    }

    public static io.zkmargin.api.proto.MarketTable toProto(MarketTable t) {
        io.zkmargin.api.proto.MarketTable.Builder b = io.zkmargin.api.proto.MarketTable.newBuilder();
        t.instruments().forEach(i -> b.addInstruments(toProto(i)));
        t.collaterals().forEach(c -> b.addCollaterals(toProto(c)));
        return b.build();
    }

    public static MarketTable fromProto(io.zkmargin.api.proto.MarketTable p) {
        List<Instrument> ins = new ArrayList<>();
        for (InstrumentEntry e : p.getInstrumentsList()) {
            ins.add(fromProto(e));
        }
        List<CollateralAsset> cols = new ArrayList<>();
        for (CollateralEntry e : p.getCollateralsList()) {
            cols.add(fromProto(e));
        }
        return MarketTable.of(ins, cols);
    }

    // ---------------------------------------------------------------- epochs and registrations

    public static io.zkmargin.api.proto.MarketEpoch toProto(MarketEpoch e) {
        return io.zkmargin.api.proto.MarketEpoch.newBuilder().setEpochId(e.epochId())
                .setTimestampMillis(e.timestampMillis()).setTable(toProto(e.table()))
                .setMarketRoot(e.marketRoot().toDecimalString()).setSignature(ByteString.copyFrom(e.signature()))
                .build();
    }

    /** Decodes and checks bounds and the market root; the signature is checked separately. */
    public static MarketEpoch fromProto(io.zkmargin.api.proto.MarketEpoch p) {
        if (p.getEpochId() < 0) {
            throw new WireFormatException("epoch id must be below 2^63");
        }
        if (!p.hasTable()) {
            throw new WireFormatException("epoch " + p.getEpochId() + ": market table is missing");
        }
        return MarketEpoch.of(p.getEpochId(), p.getTimestampMillis(), fromProto(p.getTable()),
                field(p.getMarketRoot(), "market_root"), p.getSignature().toByteArray());
    }

    public static io.zkmargin.api.proto.AccountRegistration toProto(AccountRegistration r) {
        return io.zkmargin.api.proto.AccountRegistration.newBuilder().setAccountId(r.accountId())
                .setSequence(r.sequence()).setCommitment(r.commitment().toDecimalString())
                .setVenueSignature(ByteString.copyFrom(r.signature())).build();
    }

    public static AccountRegistration fromProto(io.zkmargin.api.proto.AccountRegistration p) {
        if (p.getAccountId() < 0 || p.getSequence() < 0) {
            throw new WireFormatException("registration: account id and sequence must be below 2^63");
        }
        return AccountRegistration.of(p.getAccountId(), p.getSequence(),
                AccountCommitment.of(field(p.getCommitment(), "commitment")), p.getVenueSignature().toByteArray());
    }

    // ---------------------------------------------------------------- enums

    public static io.zkmargin.api.proto.SizeClass toProto(SizeClass sc) {
        return switch (sc) {
            case S -> io.zkmargin.api.proto.SizeClass.SIZE_CLASS_S;
            case M -> io.zkmargin.api.proto.SizeClass.SIZE_CLASS_M;
            case L -> io.zkmargin.api.proto.SizeClass.SIZE_CLASS_L;
        };
    }

    public static SizeClass fromProto(io.zkmargin.api.proto.SizeClass p) {
        return switch (p) {
            case SIZE_CLASS_S -> SizeClass.S;
            case SIZE_CLASS_M -> SizeClass.M;
            case SIZE_CLASS_L -> SizeClass.L;
            default -> throw new WireFormatException("size_class must be S, M or L");
        };
    }

    // ---------------------------------------------------------------- scalars

    /** Strict decimal: optional '-', digits, no leading zeros, at most 80 characters. */
    public static BigInteger decimal(String s, String what) {
        if (s == null || s.isEmpty()) {
            throw new WireFormatException(what + " is missing");
        }
        if (s.length() > 80) {
            throw new WireFormatException(what + " is too long");
        }
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) {
            throw new WireFormatException(what + " is not a decimal integer");
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new WireFormatException(what + " is not a decimal integer");
            }
        }
        if (s.charAt(start) == '0' && s.length() > start + 1) {
            throw new WireFormatException(what + " has leading zeros");
        }
        if (start == 1 && s.equals("-0")) {
            throw new WireFormatException(what + " is negative zero");
        }
        return new BigInteger(s);
    }

    /** A canonical decimal field element (below r). */
    public static Fr field(String s, String what) {
        BigInteger v = decimal(s, what);
        if (v.signum() < 0 || v.compareTo(Fr.MODULUS) >= 0) {
            throw new WireFormatException(what + " is not a field element below r");
        }
        return Fr.of(v);
    }

    private static int leaf(int leafIndex, String where) {
        if (leafIndex < 0 || leafIndex >= Bounds.MAX_LEAVES) {
            throw new WireFormatException(where + ": leaf index outside 0.." + (Bounds.MAX_LEAVES - 1));
        }
        return leafIndex;
    }
}
