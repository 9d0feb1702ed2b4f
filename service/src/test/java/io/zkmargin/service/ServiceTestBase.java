package io.zkmargin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.zkmargin.api.model.SizeClass;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Starts real services on 127.0.0.1 and a free port, with a fake Groth16 checker and real api epochs and signatures. */
abstract class ServiceTestBase {
    static final String TOKEN = "venue-token-0123456789";
    @TempDir
    Path dataDir;
    final TestVenue venue = new TestVenue();
    final FakeProofChecker checker = new FakeProofChecker();
    final List<VerifierService> started = new ArrayList<>();
    final List<String> accessLines = new java.util.concurrent.CopyOnWriteArrayList<>();
    VerifierService svc;
    Http http;

    ServiceConfig.Builder config() {
        return ServiceConfig.builder().dataDir(dataDir).port(0).bearerToken(TOKEN).venuePublicKey(venue.publicKey())
                .proofWindowMillis(60_000).graceWindowMillis(60_000).tickMillis(25).stalenessEpochs(1);
    }

    VerifierService start(UnaryOperator<ServiceConfig.Builder> tweak) {
        svc = VerifierService.builder(tweak.apply(config()).build()).proofChecker(checker).accessLog(accessLines::add)
                .build().start();
        started.add(svc);
        http = new Http(svc.url(), TOKEN);
        return svc;
    }

    @AfterEach
    void stopAll() {
        for (VerifierService s : started) {
            s.stop();
        }
    }

    static BigInteger scalar(long v) {
        return BigInteger.valueOf(v).multiply(BigInteger.valueOf(1_000_003)).add(BigInteger.TWO.pow(200));
    }

    void registerKey() {
        Http.Resp r = http.venue("POST", "/v1/keys", TestVenue.keyJson(SizeClass.S, FakeProofChecker.KEY));
        assertEquals(201, r.status(), r.body());
    }

    void publish(long epoch) {
        Http.Resp r = http.venue("POST", "/v1/epochs", TestVenue.json(venue.epoch(epoch)));
        assertEquals(201, r.status(), r.body());
    }

    void register(long account, long seq, BigInteger commitment) {
        Http.Resp r = http.venue("POST", "/v1/accounts", TestVenue.json(venue.registration(account, seq, commitment)));
        assertEquals(200, r.status(), r.body());
    }

    BigInteger digest(long epoch) {
        return venue.epoch(epoch).epochDigest().toBigInteger();
    }

    /** A valid (fake) proof for the account's commitment, the epoch's digest and f. */
    Http.Resp prove(long account, BigInteger commitment, long epoch, long f) {
        return http.post("/v1/proofs", TestVenue.proofJson(account, epoch, f,
                FakeProofChecker.proofFor(commitment, digest(epoch), BigInteger.valueOf(f))));
    }

    String state(long account) {
        Http.Resp r = http.get("/v1/accounts/" + account);
        assertEquals(200, r.status(), r.body());
        return r.json().getString("state");
    }

    void awaitState(long account, String want, long timeoutMillis) {
        long end = System.currentTimeMillis() + timeoutMillis;
        String s = null;
        while (System.currentTimeMillis() < end) {
            s = state(account);
            if (s.equals(want)) {
                return;
            }
            sleep(20);
        }
        fail(account + " stayed " + s + ", expected " + want);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
