package io.zkmargin.api.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.zkmargin.api.market.AccountCommitment;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.api.proto.ErrorCode;
import io.zkmargin.api.proto.ErrorResponse;
import io.zkmargin.api.proto.HealthState;
import io.zkmargin.api.proto.MarginCallEvent;
import io.zkmargin.api.proto.ProofSubmission;
import io.zkmargin.api.sig.VenueSignatures;
import io.zkmargin.api.sig.VenueSigningKey;
import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireMappingTest {
    static MarketTable table() {
        BigInteger[] ra = new BigInteger[16];
        for (int s = 0; s < 16; s++) {
            ra[s] = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.valueOf(s + 1)).multiply(BigInteger.valueOf(s % 2 == 0 ? 1 : -1));
        }
        Instrument big = Instrument.of("BIG", 300, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
                TierSchedule.of(List.of(BigInteger.ZERO, BigInteger.ONE.shiftLeft(127)), List.of(1, 1_000_000)), ra,
                BigInteger.valueOf(5));
        return MarketTable.of(List.of(big, Instrument.linear("BTC-PERP", 0, 58_000, TierSchedule.flat(30_000))),
                List.of(CollateralAsset.of("USDC", 1, 1, TierSchedule.flat(1_000_000))));
    }

    @Test
    void marketTable_roundTripsBinaryAndJson() throws Exception {
        MarketTable t = table();
        io.zkmargin.api.proto.MarketTable p = WireMapping.toProto(t);
        assertEquals(t, WireMapping.fromProto(io.zkmargin.api.proto.MarketTable.parseFrom(p.toByteArray())));
        String json = JsonCodec.toJson(p);
        assertTrue(json.contains("\"riskArray\": [\"18446744073709551615\", \"-18446744073709551614\""), json);
        assertTrue(json.contains("\"170141183460469231731687303715884105728\""), json); // 2^127 floor
        assertEquals(t, WireMapping.fromProto(
                JsonCodec.<io.zkmargin.api.proto.MarketTable>fromJson(json, io.zkmargin.api.proto.MarketTable.newBuilder())));
    }

    @Test
    void epochAndRegistration_roundTrip() {
        VenueSigningKey k = VenueSigningKey.fromSeed(new byte[32]);
        MarketEpoch e = VenueSignatures.signEpoch(k, 3, 1_000, table());
        String json = JsonCodec.toJson(WireMapping.toProto(e));
        MarketEpoch back = WireMapping.fromProto(
                JsonCodec.<io.zkmargin.api.proto.MarketEpoch>fromJson(json, io.zkmargin.api.proto.MarketEpoch.newBuilder()));
        assertEquals(e, back);
        assertTrue(VenueSignatures.verifyEpoch(k.publicKey(), back));
        assertTrue(json.contains("\"epochId\": \"3\""), json); // uint64 as a JSON string

        AccountRegistration r = VenueSignatures.signRegistration(k, 7, 2, AccountCommitment.of(Fr.of(99)));
        assertEquals(r, WireMapping.fromProto(WireMapping.toProto(r)));
    }

    @Test
    void epochWithTamperedRoot_rejected() {
        VenueSigningKey k = VenueSigningKey.fromSeed(new byte[32]);
        io.zkmargin.api.proto.MarketEpoch p = WireMapping.toProto(VenueSignatures.signEpoch(k, 3, 1_000, table()))
                .toBuilder().setMarketRoot("12345").build();
        assertThrows(IllegalArgumentException.class, () -> WireMapping.fromProto(p));
    }

    @Test
    void tableBreakingBounds_rejectedNamingEntry() {
        io.zkmargin.api.proto.MarketTable p = WireMapping.toProto(table());
        io.zkmargin.api.proto.MarketTable tooBig = p.toBuilder()
                .setInstruments(0, p.getInstruments(0).toBuilder().setMark("18446744073709551616")).build();
        String m = assertThrows(IllegalArgumentException.class, () -> WireMapping.fromProto(tooBig)).getMessage();
        assertTrue(m.contains("BTC-PERP") && m.contains("mark"), m);
        io.zkmargin.api.proto.MarketTable shortRa = p.toBuilder()
                .setInstruments(1, p.getInstruments(1).toBuilder().clearRiskArray().addAllRiskArray(p.getInstruments(1).getRiskArrayList().subList(0, 15))).build();
        m = assertThrows(WireFormatException.class, () -> WireMapping.fromProto(shortRa)).getMessage();
        assertTrue(m.contains("BIG") && m.contains("16"), m);
        io.zkmargin.api.proto.MarketTable badRate = p.toBuilder().setCollaterals(0, p.getCollaterals(0).toBuilder()
                .setHaircut(p.getCollaterals(0).getHaircut().toBuilder().setTiers(0,
                        p.getCollaterals(0).getHaircut().getTiers(0).toBuilder().setRatePpm(-1)))).build();
        m = assertThrows(WireFormatException.class, () -> WireMapping.fromProto(badRate)).getMessage();
        assertTrue(m.contains("USDC"), m);
    }

    @Test
    void decimals_areStrict() {
        for (String bad : new String[] {"", "+1", "01", "-0", "1e3", " 1", "-", "0x10", "1".repeat(81)}) {
            assertThrows(WireFormatException.class, () -> WireMapping.decimal(bad, "x"), bad);
        }
        assertEquals(BigInteger.valueOf(-12), WireMapping.decimal("-12", "x"));
        assertThrows(WireFormatException.class, () -> WireMapping.field(Fr.MODULUS.toString(), "root"));
    }

    @Test
    void json_rejectsUnknownFieldsAndMalformedInput() {
        assertThrows(WireFormatException.class,
                () -> JsonCodec.fromJson("{\"accountId\": \"1\", \"bogus\": 1}", ProofSubmission.newBuilder()));
        assertThrows(WireFormatException.class, () -> JsonCodec.fromJson("{", ProofSubmission.newBuilder()));
    }

    @Test
    void serviceMessages_jsonRoundTrip() {
        ProofSubmission s = ProofSubmission.newBuilder().setAccountId(Long.MAX_VALUE).setEpochId(9)
                .setSizeClass(WireMapping.toProto(SizeClass.M)).setThresholdBps(12_000)
                .setProof(ByteString.copyFrom(new byte[] {1, 2, 3})).build();
        String json = JsonCodec.toJson(s);
        assertTrue(json.contains("\"sizeClass\": \"SIZE_CLASS_M\"") && json.contains("\"proof\": \"AQID\""), json);
        ProofSubmission back = JsonCodec.fromJson(json, ProofSubmission.newBuilder());
        assertEquals(s, back);
        assertEquals(SizeClass.M, WireMapping.fromProto(back.getSizeClass()));
        assertThrows(WireFormatException.class,
                () -> WireMapping.fromProto(io.zkmargin.api.proto.SizeClass.SIZE_CLASS_UNSPECIFIED));

        MarginCallEvent ev = MarginCallEvent.newBuilder().setEventId(1).setAccountId(2).setEpochId(3)
                .setFromState(HealthState.HEALTH_STATE_WARNING).setToState(HealthState.HEALTH_STATE_MARGIN_CALL)
                .setAtMillis(4).setReason("no proof with f >= 10000 within proofWindow").build();
        assertEquals(ev, JsonCodec.fromJson(JsonCodec.toJson(ev), MarginCallEvent.newBuilder()));
        ErrorResponse err = ErrorResponse.newBuilder().setCode(ErrorCode.ERROR_CODE_BAD_SIGNATURE)
                .setMessage("epoch 5 is not signed by the venue").build();
        assertTrue(JsonCodec.toJson(err).contains("\"field\": \"\""));
        assertEquals(err, JsonCodec.fromJson(JsonCodec.toJson(err), ErrorResponse.newBuilder()));
    }
}
