package io.zkmargin.prover.ceremony;

import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import io.zkmargin.crypto.field.Fr;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Hashes bytes to a G2 point whose discrete logarithm nobody knows (try-and-increment on x, then
 * cofactor clearing), the random-oracle point of the BGM17 proof of knowledge. Not constant time: the
 * input is public (the transcript hash).
 */
final class HashToG2 {
    private static final byte[] DST = "zkmargin/ceremony/v1/hash-to-G2".getBytes(StandardCharsets.US_ASCII);
    /** #E'(Fp2) / r = 2p - r for BN254. */
    static final BigInteger COFACTOR = Fp.MODULUS.shiftLeft(1).subtract(Fr.MODULUS);

    private HashToG2() {
    }

    static G2Affine hash(byte[] msg) {
        for (int ctr = 0; ctr < 1 << 16; ctr++) {
            Fp2 x = Fp2.of(toFp(msg, ctr, 0), toFp(msg, ctr, 1));
            Fp2 rhs = x.square().mul(x).add(G2Affine.B);
            Optional<Fp2> y = rhs.sqrt();
            if (y.isEmpty()) {
                continue;
            }
            Fp2 yy = y.get().isLexicographicallyLargest() ? y.get().neg() : y.get();
            Fp2[] p = clearCofactor(x, yy);
            if (p == null) {
                continue;
            }
            return G2Affine.of(p[0], p[1]);   // validates curve and subgroup
        }
        throw new IllegalStateException("hash to G2 found no point");
    }

    private static BigInteger toFp(byte[] msg, int ctr, int idx) {
        byte[] c = {(byte) (ctr >>> 24), (byte) (ctr >>> 16), (byte) (ctr >>> 8), (byte) ctr, (byte) idx};
        byte[] h0 = Phase2Key.sha256(DST, msg, c, new byte[] {0});
        byte[] h1 = Phase2Key.sha256(DST, msg, c, new byte[] {1});
        byte[] wide = new byte[64];
        System.arraycopy(h0, 0, wide, 0, 32);
        System.arraycopy(h1, 0, wide, 32, 32);
        return new BigInteger(1, wide).mod(Fp.MODULUS);
    }

    /** COFACTOR * (x, y) by affine double-and-add on the twist; null if the result is infinity. */
    private static Fp2[] clearCofactor(Fp2 x, Fp2 y) {
        Fp2[] acc = null;
        Fp2[] base = {x, y};
        for (int i = COFACTOR.bitLength() - 1; i >= 0; i--) {
            if (acc != null) {
                acc = add(acc, acc);
            }
            if (COFACTOR.testBit(i)) {
                acc = acc == null ? base : add(acc, base);
            }
        }
        return acc;
    }

    private static Fp2[] add(Fp2[] p, Fp2[] q) {
        if (p == null) {
            return q;
        }
        if (q == null) {
            return p;
        }
        Fp2 lambda;
        if (p[0].equals(q[0])) {
            if (!p[1].equals(q[1]) || p[1].isZero()) {
                return null;
            }
            Fp2 x2 = p[0].square();
            lambda = x2.add(x2).add(x2).mul(p[1].add(p[1]).inverse());
        } else {
            lambda = q[1].sub(p[1]).mul(q[0].sub(p[0]).inverse());
        }
        Fp2 x3 = lambda.square().sub(p[0]).sub(q[0]);
        Fp2 y3 = lambda.mul(p[0].sub(x3)).sub(p[1]);
        return new Fp2[] {x3, y3};
    }
}
