package io.zkmargin.crypto.encoding;

import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import io.zkmargin.crypto.curve.G2Affine;

/** Shared fixtures for the encoding tests. */
final class TestPoints {
    private TestPoints() {}

    /** x = (k, 1) for the first k giving a twist point; without cofactor clearing it is outside G2. */
    static Fp2[] twistPointOutsideSubgroup() {
        for (int k = 1; ; k++) {
            Fp2 x = Fp2.of(Fp.of(k), Fp.ONE);
            var y = x.square().mul(x).add(G2Affine.B).sqrt();
            if (y.isPresent()) return new Fp2[] {x, y.get()};
        }
    }

    /** An x in Fp with x^3 + 3 a non-residue (no curve point has it). */
    static Fp g1XWithoutPoint() {
        for (int k = 0; ; k++) {
            Fp x = Fp.of(k);
            if (x.square().mul(x).add(Fp.of(3)).legendre() == -1) return x;
        }
    }

    /** The modulus p as 32 big-endian bytes (the smallest invalid coordinate). */
    static byte[] pBytes() {
        byte[] b = Fp.MODULUS.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(b, b.length - 32, out, 0, 32);
        return out;
    }
}
