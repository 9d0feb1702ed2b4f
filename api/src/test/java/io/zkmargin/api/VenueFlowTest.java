package io.zkmargin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.engine.MarginResult;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.market.MarketLeaf;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.Salt;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.Threshold;
import io.zkmargin.api.risk.MarketTableGenerator;
import io.zkmargin.api.sig.VenueSignatures;
import io.zkmargin.api.sig.VenueSigningKey;
import io.zkmargin.api.wire.JsonCodec;
import io.zkmargin.api.wire.WireMapping;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The venue's path end to end: risk tool, signed epoch over JSON, registration, engine, Merkle openings. */
class VenueFlowTest {
    static final String CSV = String.join("\n",
            "kind,id,leaf,underlying,price,price_scan_range,vol_scan_range,strike,days,vol,som_fraction,tiers",
            "underlying,BTC,,,60000,6000,0.10,,,,,",
            "put,P50000,10,BTC,,,,50000,30,0.60,,",
            "call,C70000,11,BTC,,,,70000,30,0.60,0.001,",
            "perp,BTC-PERP,12,BTC,,,,,,,,0:4000;50000:5000",
            "collateral,USD,0,,1,,,,,,,");

    @Test
    void riskToolToSignedEpochToProvableAccount() {
        SecureRandom rnd = new SecureRandom();
        VenueSigningKey venue = VenueSigningKey.generate(rnd);
        String tableJson = MarketTableGenerator.toJson(MarketTableGenerator.generate(MarketTableGenerator.parseCsv(CSV)));

        // the epoch command: read the table file, sign, publish JSON
        MarketTable table = MarketTableGenerator.fromJson(tableJson);
        MarketEpoch published = VenueSignatures.signEpoch(venue, 17, 1_763_700_000_000L, table);
        String epochJson = JsonCodec.toJson(WireMapping.toProto(published));

        // a verifier decodes (bounds and root checked) and checks the signature
        MarketEpoch epoch = WireMapping.fromProto(
                JsonCodec.<io.zkmargin.api.proto.MarketEpoch>fromJson(epochJson, io.zkmargin.api.proto.MarketEpoch.newBuilder()));
        assertTrue(VenueSignatures.verifyEpoch(venue.publicKey(), epoch));
        assertEquals(published.epochDigest(), epoch.epochDigest());

        // the venue registers the account's commitment
        AccountState state = AccountState.builder(1001).sequence(3).position(10, -1).position(11, -1)
                .balance(0, 4_000).build();
        CommitmentOpening opening = CommitmentOpening.of(state, SizeClass.smallestFor(state), Salt.random(rnd));
        AccountRegistration reg = VenueSignatures.signRegistration(venue, 1001, 3, opening.commitment());
        assertTrue(VenueSignatures.verifyRegistration(venue.publicKey(),
                WireMapping.fromProto(WireMapping.toProto(reg))));

        // the prover's view: engine figures and a Merkle opening for every used slot
        MarginResult r = MarginEngine.evaluate(epoch.table(), state);
        assertEquals(BigInteger.valueOf(2_164), r.scan());
        assertTrue(r.isHealthy(Threshold.CALL));
        assertFalse(r.isHealthy(Threshold.WARN));
        int[] leaves = opening.positionLeaves();
        for (int i = 0; i < state.positions().size(); i++) {
            var ins = epoch.table().instrumentAt(leaves[i]).orElseThrow();
            assertEquals(epoch.marketRoot(), epoch.tree().proof(leaves[i]).computeRoot(MarketLeaf.hash(ins)));
        }
        var usd = epoch.table().collateralAt(opening.collateralLeaves()[0]).orElseThrow();
        assertEquals(epoch.marketRoot(), epoch.tree().proof(0).computeRoot(MarketLeaf.hash(usd)));
    }
}
