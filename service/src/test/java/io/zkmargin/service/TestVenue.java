package io.zkmargin.service;

import com.google.protobuf.ByteString;
import io.zkmargin.api.market.AccountCommitment;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.api.sig.VenueSignatures;
import io.zkmargin.api.sig.VenueSigningKey;
import io.zkmargin.api.wire.JsonCodec;
import io.zkmargin.api.wire.WireMapping;
import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

/** A venue key and helpers that build and sign requests the way a venue does (api module types). */
final class TestVenue {
    final VenueSigningKey key = VenueSigningKey.generate(new SecureRandom());

    byte[] publicKey() {
        return key.publicKey().raw();
    }

    static MarketTable table(long mark) {
        return MarketTable.of(List.of(Instrument.linear("BTC-PERP", 0, mark, TierSchedule.flat(50_000))),
                List.of(CollateralAsset.of("USD", 1, 1, TierSchedule.none())));
    }

    MarketEpoch epoch(long epochId) {
        return VenueSignatures.signEpoch(key, epochId, 1_700_000_000_000L + epochId, table(60_000 + epochId));
    }

    static String json(MarketEpoch e) {
        return JsonCodec.toJson(WireMapping.toProto(e));
    }

    AccountRegistration registration(long account, long seq, BigInteger commitment) {
        return VenueSignatures.signRegistration(key, account, seq, AccountCommitment.of(Fr.of(commitment)));
    }

    static String json(AccountRegistration r) {
        return JsonCodec.toJson(WireMapping.toProto(r));
    }

    static io.zkmargin.api.proto.ProofSubmission proofMessage(long account, long epoch, SizeClass sc, long f,
                                                              byte[] proof) {
        return io.zkmargin.api.proto.ProofSubmission.newBuilder().setAccountId(account).setEpochId(epoch)
                .setSizeClass(WireMapping.toProto(sc)).setThresholdBps((int) f).setProof(ByteString.copyFrom(proof))
                .build();
    }

    static String proofJson(long account, long epoch, long f, byte[] proof) {
        return JsonCodec.toJson(proofMessage(account, epoch, SizeClass.S, f, proof));
    }

    static String keyJson(SizeClass sc, byte[] key) {
        return JsonCodec.toJson(io.zkmargin.api.proto.VerifyingKeyRecord.newBuilder()
                .setSizeClass(WireMapping.toProto(sc)).setKey(ByteString.copyFrom(key)).build());
    }
}
