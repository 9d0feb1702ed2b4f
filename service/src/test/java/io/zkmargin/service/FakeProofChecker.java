package io.zkmargin.service;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Groth16 in service tests: a "key" is FAKEVK + number of public inputs, and a "proof" is
 * valid when its first 32 bytes are SHA-256 of the public inputs. It lets the policy tests craft valid
 * and invalid proofs for any public inputs; real Groth16 is exercised in Groth16ServiceTest.
 */
class FakeProofChecker implements ProofChecker {
    static final byte[] KEY = fakeKey(3);
    final AtomicInteger batchCalls = new AtomicInteger();
    final AtomicInteger maxBatch = new AtomicInteger();
    volatile long delayMillis;

    static byte[] fakeKey(int nPublic) {
        byte[] k = Arrays.copyOf("FAKEVK".getBytes(StandardCharsets.US_ASCII), 7);
        k[6] = (byte) nPublic;
        return k;
    }

    record Key(int publicInputs) implements CheckedKey { }

    @Override
    public CheckedKey parseKey(byte[] vk) {
        if (vk.length != 7 || !new String(vk, 0, 6, StandardCharsets.US_ASCII).equals("FAKEVK")) {
            throw new IllegalArgumentException("not a fake key");
        }
        return new Key(vk[6]);
    }

    @Override
    public void checkProofEncoding(byte[] proof) {
        if (proof.length != 128 || proof[127] != 0x01) {
            throw new IllegalArgumentException("point not on curve");
        }
    }

    static byte[] proofFor(BigInteger... publics) {
        byte[] p = new byte[128];
        System.arraycopy(hash(publics), 0, p, 0, 32);
        p[127] = 0x01;
        return p;
    }

    static byte[] invalidProof() {
        byte[] p = new byte[128];
        p[0] = 42;
        p[127] = 0x01;
        return p;
    }

    private static byte[] hash(BigInteger[] publics) {
        byte[] all = new byte[32 * publics.length];
        for (int i = 0; i < publics.length; i++) {
            System.arraycopy(toBytes32(publics[i]), 0, all, 32 * i, 32);
        }
        return Hashes.sha256(all);
    }

    static byte[] toBytes32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    @Override
    public boolean verify(CheckedKey key, byte[] proof, BigInteger[] publics) {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return publics.length == key.publicInputs() && Arrays.equals(Arrays.copyOf(proof, 32), hash(publics));
    }

    @Override
    public boolean[] verifyBatch(CheckedKey key, List<byte[]> proofs, List<BigInteger[]> publics) {
        batchCalls.incrementAndGet();
        maxBatch.accumulateAndGet(proofs.size(), Math::max);
        return ProofChecker.super.verifyBatch(key, proofs, publics);
    }
}
