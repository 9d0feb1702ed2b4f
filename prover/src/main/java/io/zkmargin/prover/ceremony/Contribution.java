package io.zkmargin.prover.ceremony;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.verifier.RawPoints;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One phase-2 contribution as recorded in the transcript: the new delta G1, the contributor's public key
 * s = delta' G1, and the proof of knowledge rDelta = delta' R, where R is the transcript hash (before this
 * contribution) and s, deltaAfter hashed to G2. A beacon contribution also records the beacon value and
 * the iteration exponent so anyone can recompute delta'.
 */
public record Contribution(String name, G1Affine deltaAfter, G1Affine s, G2Affine rDelta, byte[] beacon,
        int beaconIterationsExp) {
    static final int MAX_NAME = 256;

    public Contribution {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(deltaAfter, "deltaAfter");
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(rDelta, "rDelta");
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME) {
            throw new IllegalArgumentException("contribution name longer than " + MAX_NAME + " bytes");
        }
        if (beacon != null && (beacon.length == 0 || beacon.length > 1024 || beaconIterationsExp < 0
                || beaconIterationsExp > 40)) {
            throw new IllegalArgumentException("beacon value must be 1..1024 bytes and the iteration exponent 0..40");
        }
        beacon = beacon == null ? null : beacon.clone();
    }

    public boolean isBeacon() {
        return beacon != null;
    }

    @Override
    public byte[] beacon() {
        return beacon == null ? null : beacon.clone();
    }

    /** Canonical bytes (also the transcript record). */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(beacon == null ? 0 : 1);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        out.write(n.length >>> 8);
        out.write(n.length);
        out.writeBytes(n);
        byte[] p1 = new byte[RawPoints.G1_BYTES];
        RawPoints.writeG1(deltaAfter, p1, 0);
        out.writeBytes(p1);
        RawPoints.writeG1(s, p1, 0);
        out.writeBytes(p1);
        byte[] p2 = new byte[RawPoints.G2_BYTES];
        RawPoints.writeG2(rDelta, p2, 0);
        out.writeBytes(p2);
        if (beacon != null) {
            out.write(beaconIterationsExp);
            out.write(beacon.length >>> 8);
            out.write(beacon.length);
            out.writeBytes(beacon);
        }
        return out.toByteArray();
    }

    /** The point R the proof of knowledge is bound to: hash of the previous transcript hash, s and deltaAfter. */
    static G2Affine challenge(byte[] prevHash, G1Affine s, G1Affine deltaAfter) {
        byte[] p = new byte[2 * RawPoints.G1_BYTES];
        RawPoints.writeG1(s, p, 0);
        RawPoints.writeG1(deltaAfter, p, RawPoints.G1_BYTES);
        return HashToG2.hash(Phase2Key.sha256(prevHash, p));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contribution c && java.util.Arrays.equals(encode(), c.encode());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "Contribution{name=" + name + (beacon != null ? ", beacon" : "") + "}";
    }
}
