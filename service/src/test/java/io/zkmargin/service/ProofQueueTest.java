package io.zkmargin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProofQueueTest {

    @Test
    void proofsArrivingWhileOneIsVerified_areBatched_andEachGetsItsOwnVerdict() throws Exception {
        FakeProofChecker checker = new FakeProofChecker();
        ProofChecker.CheckedKey key = checker.parseKey(FakeProofChecker.KEY);
        checker.delayMillis = 500; // the first verification is slow, the rest pile up
        try (ProofQueue q = new ProofQueue(checker, 16)) {
            List<CompletableFuture<Boolean>> verdicts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                BigInteger[] pub = {BigInteger.valueOf(i), BigInteger.ONE, BigInteger.TWO};
                byte[] proof = i == 4 ? FakeProofChecker.invalidProof() : FakeProofChecker.proofFor(pub);
                verdicts.add(q.submit(key, proof, pub));
                if (i == 0) {
                    // wait until the worker holds the first proof, so the next five queue up behind it
                    long end = System.currentTimeMillis() + 5_000;
                    while (q.depth() > 0 && System.currentTimeMillis() < end) {
                        Thread.sleep(5);
                    }
                }
            }
            for (int i = 0; i < 6; i++) {
                assertEquals(i != 4, verdicts.get(i).get(10, TimeUnit.SECONDS), "verdict " + i);
            }
            assertEquals(1, checker.batchCalls.get());
            assertEquals(5, checker.maxBatch.get());
            assertEquals(6, q.verifiedCount());
        }
    }

    @Test
    void checkerFailure_failsOnlyThatGroup_andStoppedQueueRefuses() throws Exception {
        ProofChecker exploding = new FakeProofChecker() {
            @Override
            public boolean verify(CheckedKey k, byte[] proof, BigInteger[] publics) {
                throw new IllegalStateException("boom");
            }
        };
        ProofQueue q = new ProofQueue(exploding, 4);
        CompletableFuture<Boolean> f = q.submit(exploding.parseKey(FakeProofChecker.KEY), new byte[128],
                new BigInteger[3]);
        assertTrue(f.handle((v, t) -> t != null).get(5, TimeUnit.SECONDS));
        q.close();
        assertFalse(q.submit(exploding.parseKey(FakeProofChecker.KEY), new byte[128], new BigInteger[3])
                .handle((v, t) -> t == null).get());
    }
}
