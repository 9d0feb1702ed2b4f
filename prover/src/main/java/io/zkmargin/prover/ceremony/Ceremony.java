package io.zkmargin.prover.ceremony;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.Msm;
import io.zkmargin.crypto.pairing.Pairing;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.R1csDigest;
import io.zkmargin.prover.SetupListener;
import io.zkmargin.crypto.curve.PointOps;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.LongConsumer;

/**
 * The phase-2 MPC ceremony (BGM17 style, as snarkjs runs it): start from the key derived from phase 1 and
 * the circuit with delta = 1, let each participant multiply delta by a secret delta' (dividing the L and H
 * queries by it) and publish a proof of knowledge of delta' bound to the transcript, close with a public
 * beacon, verify everything against phase 1 and the circuit, export ordinary prover/verifier keys.
 * The keys are sound if at least one participant destroyed their delta'.
 */
public final class Ceremony {
    private static final byte[] BEACON_TAG = "zkmargin/ceremony/v1/beacon".getBytes(StandardCharsets.US_ASCII);

    private Ceremony() {
    }

    /** What {@link #verify} establishes: the transcript hash and the contributions it checked. */
    public record Report(String transcriptHash, List<String> contributions, String verifyingKeySummary) {
    }

    /** Reads a .ptau file and runs the phase-1 consistency check; throws {@link PtauFormatException}. */
    public static PowersOfTau importPtau(Path ptau) throws IOException {
        PowersOfTau p = PowersOfTau.read(ptau);
        p.check(new SecureRandom());
        return p;
    }

    /** As {@link #importPtau(Path)}, loading only the powers up to 2^maxPower (see {@link PowersOfTau#read(Path, int)}). */
    public static PowersOfTau importPtau(Path ptau, int maxPower) throws IOException {
        PowersOfTau p = PowersOfTau.read(ptau, maxPower);
        p.check(new SecureRandom());
        return p;
    }

    /** A dev/test phase 1 made locally (prints a warning: it is not a ceremony). */
    public static PowersOfTau localPhase1(int power) {
        return PowersOfTau.localInsecure(power);
    }

    /** Starts a ceremony for r1cs from checked phase-1 powers. */
    public static Transcript start(PowersOfTau ptau, R1cs r1cs) {
        return start(ptau, r1cs, SetupListener.NONE);
    }

    /** As {@link #start(PowersOfTau, R1cs)}, reporting progress (it takes minutes for large circuits). */
    public static Transcript start(PowersOfTau ptau, R1cs r1cs, SetupListener listener) {
        Phase2Key k = Phase2Key.start(ptau, r1cs, listener);
        return new Transcript(k.r1csDigest(), k.hash(), k, List.of());
    }

    /** One participant's contribution with delta' from SecureRandom (wiped before returning). */
    public static Transcript contribute(Transcript t, String name, SecureRandom rnd) {
        return contribute(t, name, rnd, SetupListener.NONE);
    }

    /** As {@link #contribute(Transcript, String, SecureRandom)}, reporting progress. */
    public static Transcript contribute(Transcript t, String name, SecureRandom rnd, SetupListener listener) {
        Objects.requireNonNull(rnd, "rnd");
        return contribute(t, name, (Random) rnd, listener);
    }

    static Transcript contribute(Transcript t, String name, Random rnd) {
        return contribute(t, name, rnd, SetupListener.NONE);
    }

    static Transcript contribute(Transcript t, String name, Random rnd, SetupListener listener) {
        Objects.requireNonNull(t, "transcript");
        Objects.requireNonNull(listener, "listener");
        long[] d = new long[4];
        try {
            Secrets.sampleNonZero(rnd, d, 0);
            return apply(t, name, d, null, 0, listener);
        } finally {
            Arrays.fill(d, 0L);
        }
    }

    /**
     * The closing contribution from public randomness (e.g. a future block hash announced in advance):
     * delta' = H(SHA-256 iterated 2^iterationsExp times on the beacon value), so nobody can bias it without
     * predicting the beacon, and anyone can recompute it.
     */
    public static Transcript beacon(Transcript t, String name, byte[] beacon, int iterationsExp) {
        return beacon(t, name, beacon, iterationsExp, SetupListener.NONE);
    }

    /** As {@link #beacon(Transcript, String, byte[], int)}, reporting progress. */
    public static Transcript beacon(Transcript t, String name, byte[] beacon, int iterationsExp, SetupListener listener) {
        Objects.requireNonNull(t, "transcript");
        Objects.requireNonNull(beacon, "beacon");
        if (beacon.length == 0 || beacon.length > 1024 || iterationsExp < 0 || iterationsExp > 40) {
            throw new IllegalArgumentException("beacon value must be 1..1024 bytes and the iteration exponent 0..40");
        }
        Objects.requireNonNull(listener, "listener");
        long[] d = beaconScalar(beacon, iterationsExp);
        return apply(t, name, d, beacon, iterationsExp, listener);
    }

    static long[] beaconScalar(byte[] beacon, int iterationsExp) {
        byte[] h = beacon.clone();
        for (long i = 0; i < 1L << iterationsExp; i++) {
            h = Phase2Key.sha256(h);
        }
        byte[] wide = new byte[64];
        System.arraycopy(Phase2Key.sha256(BEACON_TAG, h, new byte[] {0}), 0, wide, 0, 32);
        System.arraycopy(Phase2Key.sha256(BEACON_TAG, h, new byte[] {1}), 0, wide, 32, 32);
        Fr k = Fr.reduce(new BigInteger(1, wide));
        if (k.isZero()) {
            throw new IllegalArgumentException("beacon hashes to zero; pick another beacon");
        }
        long[] d = new long[4];
        k.writeMont(d, 0);
        return d;
    }

    /** Multiplies delta by delta' (Montgomery limbs in dm) and records the proof of knowledge. */
    private static Transcript apply(Transcript t, String name, long[] dm, byte[] beacon, int exp, SetupListener listener) {
        Phase2Key k = t.key();
        long[] d = dm.clone();
        long[] inv = new long[4];
        try {
            Fr.inverse(inv, 0, d, 0);
            Fr.fromMont(d, 0);
            Fr.fromMont(inv, 0);
            G1Affine delta1 = ScalarMul.g1(k.delta1, d);
            G2Affine delta2 = ScalarMul.g2(k.delta2, d);
            G1Affine s = ScalarMul.g1(G1Affine.GENERATOR, d);
            LongConsumer progress = Phase2Key.counter(listener, "dividing L and H by delta'", k.l.size() + k.h.size());
            G1Packed l = G1Packed.of(BulkOps.mulEach(PointOps.G1, k.l.toLongs(), k.l.size(), inv, 0, true, progress));
            G1Packed h = G1Packed.of(BulkOps.mulEach(PointOps.G1, k.h.toLongs(), k.h.size(), inv, 0, true, progress));
            G2Affine r = Contribution.challenge(t.hash(), s, delta1);
            G2Affine rDelta = ScalarMul.g2(r, d);
            Contribution c = new Contribution(name == null ? "" : name, delta1, s, rDelta, beacon, exp);
            return t.append(k.withDelta(delta1, delta2, l, h), c);
        } finally {
            Arrays.fill(d, 0L);
            Arrays.fill(inv, 0L);
        }
    }

    /**
     * Verifies a transcript against phase 1 and the circuit: the start key is recomputed from ptau and r1cs,
     * every contribution's proof of knowledge and delta update are checked by pairings (beacons recomputed),
     * the final delta is the last contribution's, every non-delta part of the key equals the start key and
     * L, H equal the start key's divided by the final delta. Throws {@link CeremonyException} otherwise.
     */
    public static Report verify(Transcript t, PowersOfTau ptau, R1cs r1cs) {
        return verify(t, ptau, r1cs, SetupListener.NONE);
    }

    /** As {@link #verify(Transcript, PowersOfTau, R1cs)}, reporting progress (it recomputes the start key). */
    public static Report verify(Transcript t, PowersOfTau ptau, R1cs r1cs, SetupListener listener) {
        Objects.requireNonNull(t, "transcript");
        Objects.requireNonNull(listener, "listener");
        if (!Arrays.equals(R1csDigest.of(r1cs), t.r1csDigest())) {
            throw new CeremonyException("the transcript is for another circuit (R1CS digest differs)");
        }
        Phase2Key start = Phase2Key.start(ptau, r1cs, listener);
        if (!Arrays.equals(start.hash(), t.startKeyHash())) {
            throw new CeremonyException("the transcript did not start from the key of this .ptau and circuit");
        }
        G1Affine g1 = G1Affine.GENERATOR;
        G2Affine g2 = G2Affine.GENERATOR;
        G1Affine prev = start.delta1;
        List<String> names = new ArrayList<>();
        byte[] h = t.hashAfter(0);
        List<Contribution> cs = t.contributions();
        for (int i = 0; i < cs.size(); i++) {
            Contribution c = cs.get(i);
            String who = "contribution " + (i + 1) + " (" + c.name() + ")";
            if (c.s().isInfinity() || c.deltaAfter().isInfinity() || c.rDelta().isInfinity()) {
                throw new CeremonyException(who + " has a zero point");
            }
            G2Affine r = Contribution.challenge(h, c.s(), c.deltaAfter());
            if (!Pairing.productIsOne(new G1Affine[] {c.s(), g1.neg()}, new G2Affine[] {r, c.rDelta()})) {
                throw new CeremonyException(who + ": the proof of knowledge of delta' does not verify");
            }
            if (!Pairing.productIsOne(new G1Affine[] {prev, c.deltaAfter().neg()}, new G2Affine[] {c.rDelta(), r})) {
                throw new CeremonyException(who + ": the new delta is not the previous delta times delta'"
                        + " (a contribution is missing, reordered or altered)");
            }
            if (c.isBeacon()) {
                long[] d = beaconScalar(c.beacon(), c.beaconIterationsExp());
                Fr.fromMont(d, 0);
                if (!ScalarMul.g1(g1, d).equals(c.s())) {
                    throw new CeremonyException(who + ": the beacon contribution does not match its beacon value");
                }
            }
            names.add(c.name() + (c.isBeacon() ? " [beacon 2^" + c.beaconIterationsExp() + "]" : ""));
            prev = c.deltaAfter();
            h = Phase2Key.sha256(h, c.encode());
        }
        Phase2Key k = t.key();
        if (!k.delta1.equals(prev)) {
            throw new CeremonyException("the key's delta is not the one the last contribution produced");
        }
        if (!Pairing.productIsOne(new G1Affine[] {k.delta1, g1.neg()}, new G2Affine[] {g2, k.delta2})) {
            throw new CeremonyException("the key's delta in G1 and G2 disagree");
        }
        if (k.nWires != start.nWires || k.nPub != start.nPub || k.nCons != start.nCons || k.log != start.log
                || !k.alpha1.equals(start.alpha1) || !k.beta1.equals(start.beta1) || !k.beta2.equals(start.beta2)
                || !k.gamma2.equals(start.gamma2) || !k.ic.equals(start.ic) || !k.a.equals(start.a)
                || !k.b1.equals(start.b1) || !k.b2.equals(start.b2)) {
            throw new CeremonyException("the key's non-delta parts differ from the start key of this circuit");
        }
        SecureRandom rnd = new SecureRandom();
        if (!dividedByDelta(start.l, k.l, k.delta2, rnd) || !dividedByDelta(start.h, k.h, k.delta2, rnd)) {
            throw new CeremonyException("the key's L or H query is not the start key's divided by delta");
        }
        return new Report(HexFormat.of().formatHex(t.hash()), names,
                "VerifyingKey{publicInputs=" + k.nPub + ", domain=2^" + k.log + "}");
    }

    /** e(sum r_j after_j, delta2) = e(sum r_j before_j, G2) with random 128-bit r_j. */
    static boolean dividedByDelta(G1Packed before, G1Packed after, G2Affine delta2, Random rnd) {
        int n = before.size();
        if (n != after.size()) {
            return false;
        }
        if (n == 0) {
            return true;
        }
        long[] sc = new long[4 * n];
        for (int i = 0; i < n; i++) {
            sc[4 * i] = rnd.nextLong();
            sc[4 * i + 1] = rnd.nextLong();
        }
        G1Affine a = Msm.g1(after, sc, n).toAffine();
        G1Affine b = Msm.g1(before, sc, n).toAffine();
        return Pairing.productIsOne(new G1Affine[] {a, b.neg()}, new G2Affine[] {delta2, G2Affine.GENERATOR});
    }

    /**
     * The final proving key (with its verifying key) in the prover's format. Refuses a transcript without
     * contributions: its delta is 1, known to everyone. Call {@link #verify} first.
     */
    public static ProvingKey exportProvingKey(Transcript t) {
        if (t.contributions().isEmpty()) {
            throw new IllegalArgumentException("the ceremony has no contribution yet: its delta is public, the key is unsafe");
        }
        return t.key().toProvingKey();
    }
}
