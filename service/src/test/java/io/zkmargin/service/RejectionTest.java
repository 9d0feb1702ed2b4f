package io.zkmargin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.wire.JsonCodec;
import io.zkmargin.api.wire.WireMapping;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every rejection rule of STATEMENT.md ("A proof counts only if", "What is never accepted") and the
 * request-level ones: each gets its code and leaves every account, epoch, key and event unchanged.
 */
class RejectionTest extends ServiceTestBase {
    static final long A = 100;
    static final long B = 200;
    final BigInteger ca = scalar(100);
    final BigInteger cb = scalar(200);

    @BeforeEach
    void setUp() {
        start(b -> b.stalenessEpochs(1));
        registerKey();
        publish(1);
        register(A, 1, ca);
        register(B, 1, cb);
    }

    /** Everything a client can observe about the state. */
    private List<String> snapshot() {
        return List.of(http.get("/v1/accounts/" + A).body(), http.get("/v1/accounts/" + B).body(),
                http.get("/v1/epochs/current").body(), http.get("/v1/keys").body(),
                http.get("/v1/events?after=0").body());
    }

    private void rejected(int status, String code, Http.Resp r, List<String> before) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.code(), r.body());
        assertEquals(before, snapshot(), "a rejection must not change state");
    }

    private Http.Resp proofWith(long account, long epoch, long f, byte[] proof) {
        return http.post("/v1/proofs", TestVenue.proofJson(account, epoch, f, proof));
    }

    @Test
    void venueEndpointsWithoutOrWithWrongToken_are401() {
        List<String> before = snapshot();
        String epoch = TestVenue.json(venue.epoch(2));
        rejected(401, "UNAUTHENTICATED", http.send("POST", "/v1/epochs", epoch, "application/json", false), before);
        Http wrong = new Http(svc.url(), "wrong-token-0123456789");
        rejected(401, "UNAUTHENTICATED", wrong.venue("POST", "/v1/epochs", epoch), before);
        rejected(401, "UNAUTHENTICATED", http.send("POST", "/v1/accounts",
                TestVenue.json(venue.registration(A, 2, scalar(5))), "application/json", false), before);
        rejected(401, "UNAUTHENTICATED", http.send("POST", "/v1/keys",
                TestVenue.keyJson(SizeClass.M, FakeProofChecker.KEY), "application/json", false), before);
    }

    @Test
    void epochsThatAreNotSignedByTheVenueOrBreakTheRulesOrDoNotIncrease_areRejected() {
        List<String> before = snapshot();
        TestVenue other = new TestVenue();
        rejected(422, "BAD_SIGNATURE", http.venue("POST", "/v1/epochs", TestVenue.json(other.epoch(2))), before);
        rejected(409, "EPOCH_NOT_INCREASING", http.venue("POST", "/v1/epochs", TestVenue.json(venue.epoch(1))), before);
        rejected(409, "EPOCH_NOT_INCREASING", http.venue("POST", "/v1/epochs", TestVenue.json(venue.epoch(0))), before);
        // a root that is not the root of the table
        var wrongRoot = WireMapping.toProto(venue.epoch(2)).toBuilder().setMarketRoot("12345").build();
        rejected(422, "MARKET_BOUNDS", http.venue("POST", "/v1/epochs", JsonCodec.toJson(wrongRoot)), before);
        // a mark of 2^64 breaks the MARGIN-MODEL bounds
        var p = WireMapping.toProto(venue.epoch(2)).toBuilder();
        p.getTableBuilder().getInstrumentsBuilder(0).setMark(BigInteger.ONE.shiftLeft(64).toString());
        Http.Resp r = http.venue("POST", "/v1/epochs", JsonCodec.toJson(p.build()));
        assertEquals(true, r.status() == 422 || r.status() == 400, r.body());
        assertEquals(before, snapshot());
    }

    @Test
    void registrationsNotSignedByTheVenueOrWithoutIncreasingSequence_areRejected() {
        List<String> before = snapshot();
        TestVenue other = new TestVenue();
        rejected(422, "BAD_SIGNATURE", http.venue("POST", "/v1/accounts",
                TestVenue.json(other.registration(A, 2, scalar(9)))), before);
        rejected(409, "SEQUENCE_NOT_INCREASING", http.venue("POST", "/v1/accounts",
                TestVenue.json(venue.registration(A, 1, scalar(9)))), before);
        // a signature for one account moved onto another account's registration
        var sigOfA = venue.registration(A, 5, scalar(9)).signature();
        var forged = WireMapping.toProto(venue.registration(B, 5, scalar(9))).toBuilder()
                .setVenueSignature(com.google.protobuf.ByteString.copyFrom(sigOfA)).build();
        rejected(422, "BAD_SIGNATURE", http.venue("POST", "/v1/accounts", JsonCodec.toJson(forged)), before);
    }

    @Test
    void badKeys_areRejected() {
        List<String> before = snapshot();
        rejected(400, "MALFORMED_KEY", http.venue("POST", "/v1/keys", TestVenue.keyJson(SizeClass.M, new byte[] {1, 2})),
                before);
        rejected(400, "MALFORMED_KEY", http.venue("POST", "/v1/keys",
                TestVenue.keyJson(SizeClass.M, FakeProofChecker.fakeKey(2))), before);
        rejected(409, "KEY_EXISTS", http.venue("POST", "/v1/keys", TestVenue.keyJson(SizeClass.S, FakeProofChecker.KEY)),
                before);
    }

    @Test
    void proofsThatDoNotCount_areRejected() {
        List<String> before = snapshot();
        BigInteger d1 = digest(1);
        byte[] forA = FakeProofChecker.proofFor(ca, d1, BigInteger.valueOf(15_000));
        // another account's commitment: a valid proof for A submitted for B
        rejected(422, "INVALID_PROOF", proofWith(B, 1, 15_000, forA), before);
        // a proof for a different threshold than claimed
        rejected(422, "INVALID_PROOF", proofWith(A, 1, 16_000, forA), before);
        rejected(422, "INVALID_PROOF", proofWith(A, 1, 15_000, FakeProofChecker.invalidProof()), before);
        rejected(404, "UNKNOWN_ACCOUNT", proofWith(999, 1, 15_000, forA), before);
        rejected(422, "UNKNOWN_EPOCH", proofWith(A, 7, 15_000, forA), before);
        rejected(400, "MALFORMED_PROOF", proofWith(A, 1, 15_000, new byte[127]), before);
        byte[] offCurve = forA.clone();
        offCurve[127] = 0;
        rejected(400, "MALFORMED_PROOF", proofWith(A, 1, 15_000, offCurve), before);
        rejected(400, "THRESHOLD_OUT_OF_RANGE", proofWith(A, 1, 0, forA), before);
        rejected(400, "THRESHOLD_OUT_OF_RANGE", proofWith(A, 1, 1_000_001, forA), before);
        rejected(422, "UNKNOWN_KEY", http.post("/v1/proofs", JsonCodec.toJson(
                TestVenue.proofMessage(A, 1, SizeClass.M, 15_000, forA))), before);
    }

    @Test
    void staleEpochsReplaysAndDuplicates_areRejected() {
        assertEquals(200, prove(A, ca, 1, 15_000).status());
        List<String> before = snapshot();
        rejected(409, "DUPLICATE_PROOF", prove(A, ca, 1, 15_000), before);
        publish(2);
        publish(3);
        before = snapshot();
        // epoch 1 is two epochs back with staleness 1
        rejected(422, "STALE_EPOCH", prove(A, ca, 1, 15_000), before);
        // epoch 2 is within staleness and counts for epoch 3
        Http.Resp r = prove(A, ca, 2, 15_000);
        assertEquals(200, r.status(), r.body());
        assertEquals("HEALTHY", r.json().getString("state"));
        assertEquals(3, r.json().getLong("epochId"));
        // once the account proved epoch 3, a proof for epoch 2 is a replay for an epoch it moved past
        assertEquals(200, prove(A, ca, 3, 15_000).status());
        before = snapshot();
        rejected(409, "REPLAY", prove(A, ca, 2, 16_000), before);
    }

    @Test
    void malformedBodies_are400Or415_never500() {
        List<String> before = snapshot();
        rejected(400, "MALFORMED_REQUEST", http.post("/v1/proofs", "{not json"), before);
        rejected(400, "MALFORMED_REQUEST", http.post("/v1/proofs", "[1,2]"), before);
        rejected(400, "MALFORMED_REQUEST", http.post("/v1/proofs", "{\"unknownField\":1}"), before);
        rejected(400, "MALFORMED_REQUEST", http.post("/v1/proofs", "{\"accountId\":\"x\"}"), before);
        rejected(400, "MALFORMED_REQUEST", http.post("/v1/proofs", ""), before);
        rejected(400, "MALFORMED_REQUEST", http.send("POST", "/v1/proofs", "\u0008\u0001garbage", "application/x-protobuf",
                false), before);
        rejected(400, "MALFORMED_REQUEST", http.venue("POST", "/v1/epochs", "{\"epochId\":\"1\"}"), before);
        rejected(415, "UNSUPPORTED_MEDIA_TYPE", http.send("POST", "/v1/proofs", "x=1", "text/plain", false), before);
        rejected(400, "MALFORMED_REQUEST", http.get("/v1/accounts/abc"), before);
        rejected(404, "UNKNOWN_ACCOUNT", http.get("/v1/accounts/12345"), before);
        rejected(404, "NOT_FOUND", http.get("/v2/nothing"), before);
    }
}
