package io.zkmargin.crypto.curve;

import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fr;

import java.math.BigInteger;

/**
 * The GLV endomorphism of BN254 (both groups have j-invariant 0): phi(x, y) = (beta x, y) with beta a cube root
 * of unity in Fp acts on the prime-order subgroups as multiplication by lambda, a cube root of unity in Fr. A
 * scalar k is split as k = k1 + k2 lambda (mod r) with |k1|, |k2| about 2^127, which halves the doublings of a
 * scalar multiplication. The roots and the short lattice basis are derived here (not copied constants) and the
 * pairing of beta with lambda is checked on each group's generator when the class loads.
 */
public final class Glv {
    private static final BigInteger R = Fr.MODULUS;
    /** A primitive cube root of unity in Fr. */
    public static final BigInteger LAMBDA = cubeRoot(R);
    private static final BigInteger[] BASIS = shortBasis();
    private static final BigInteger A1 = BASIS[0];
    private static final BigInteger B1 = BASIS[1];
    private static final BigInteger A2 = BASIS[2];
    private static final BigInteger B2 = BASIS[3];
    /** beta for G1 and G2 in Montgomery limbs (the cube root of unity in Fp matching LAMBDA on each group). */
    private static final long[] BETA_G1 = matchBeta(true);
    private static final long[] BETA_G2 = matchBeta(false);

    private Glv() {
    }

    /** A cube root of unity other than 1 modulo the prime q (q = 1 mod 3). */
    private static BigInteger cubeRoot(BigInteger q) {
        BigInteger e = q.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
        for (long g = 2; ; g++) {
            BigInteger w = BigInteger.valueOf(g).modPow(e, q);
            if (!w.equals(BigInteger.ONE)) {
                return w;
            }
        }
    }

    /** Two short vectors (a1, b1), (a2, b2) with a + b lambda = 0 mod r (extended Euclid, stopped at sqrt r). */
    private static BigInteger[] shortBasis() {
        BigInteger sqrt = R.sqrt();
        BigInteger r0 = R;
        BigInteger r1 = LAMBDA;
        BigInteger t0 = BigInteger.ZERO;
        BigInteger t1 = BigInteger.ONE;
        // invariant: r_i = s_i R + t_i LAMBDA
        while (r1.compareTo(sqrt) >= 0) {
            BigInteger q = r0.divide(r1);
            BigInteger r2 = r0.subtract(q.multiply(r1));
            BigInteger t2 = t0.subtract(q.multiply(t1));
            r0 = r1;
            r1 = r2;
            t0 = t1;
            t1 = t2;
        }
        // r0 >= sqrt > r1: (r1, -t1) is the first short vector; the second is the shorter of (r0, -t0) and the next
        BigInteger q = r0.divide(r1);
        BigInteger r2 = r0.subtract(q.multiply(r1));
        BigInteger t2 = t0.subtract(q.multiply(t1));
        BigInteger a1 = r1;
        BigInteger b1 = t1.negate();
        BigInteger a2;
        BigInteger b2;
        if (r0.pow(2).add(t0.pow(2)).compareTo(r2.pow(2).add(t2.pow(2))) <= 0) {
            a2 = r0;
            b2 = t0.negate();
        } else {
            a2 = r2;
            b2 = t2.negate();
        }
        return new BigInteger[] {a1, b1, a2, b2};
    }

    private static long[] matchBeta(boolean g1) {
        BigInteger beta = cubeRoot(Fp.MODULUS);
        for (int attempt = 0; attempt < 2; attempt++) {
            long[] b = new long[4];
            Fp.of(beta).writeMont(b, 0);
            boolean ok;
            if (g1) {
                long[] p = new long[8];
                G1Affine.GENERATOR.writePacked(p, 0);
                endoG1(p, 0, b);
                ok = G1Affine.readPacked(p, 0).equals(G1Affine.GENERATOR.mul(LAMBDA));
            } else {
                long[] p = new long[16];
                G2Affine.GENERATOR.writePacked(p, 0);
                endoG2(p, 0, b);
                ok = G2Affine.readPacked(p, 0).equals(G2Affine.GENERATOR.mul(LAMBDA));
            }
            if (ok) {
                return b;
            }
            beta = beta.multiply(beta).mod(Fp.MODULUS);
        }
        throw new IllegalStateException("no cube root of unity in Fp matches lambda on " + (g1 ? "G1" : "G2"));
    }

    private static void endoG1(long[] p, int po, long[] beta) {
        Fp.mul(p, po, p, po, beta, 0);
    }

    private static void endoG2(long[] p, int po, long[] beta) {
        Fp.mul(p, po, p, po, beta, 0);
        Fp.mul(p, po + 4, p, po + 4, beta, 0);
    }

    /** p = phi(p) = lambda p in place, for a Jacobian or affine G1 point at p[po] (x is scaled; Y, Z kept). */
    public static void endoG1(long[] p, int po) {
        endoG1(p, po, BETA_G1);
    }

    /** p = phi(p) = lambda p in place, for a Jacobian or affine G2 point at p[po]. */
    public static void endoG2(long[] p, int po) {
        endoG2(p, po, BETA_G2);
    }

    /**
     * Splits the canonical scalar k[ko..ko+3] (below r) into k1 + k2 lambda: out[0..3] = |k1|, out[4..7] = |k2|
     * (canonical limbs, at most 130 bits), out[8] = 1 when k1 is negative, out[9] = 1 when k2 is negative.
     */
    public static void decompose(long[] k, int ko, long[] out) {
        BigInteger kk = toBig(k, ko);
        BigInteger c1 = roundDiv(B2.multiply(kk), R);
        BigInteger c2 = roundDiv(B1.negate().multiply(kk), R);
        BigInteger k1 = kk.subtract(c1.multiply(A1)).subtract(c2.multiply(A2));
        BigInteger k2 = c1.multiply(B1).add(c2.multiply(B2)).negate();
        write(k1.abs(), out, 0);
        write(k2.abs(), out, 4);
        out[8] = k1.signum() < 0 ? 1 : 0;
        out[9] = k2.signum() < 0 ? 1 : 0;
    }

    private static BigInteger roundDiv(BigInteger x, BigInteger d) {
        BigInteger[] qr = x.divideAndRemainder(d);
        BigInteger twice = qr[1].abs().shiftLeft(1);
        if (twice.compareTo(d) >= 0) {
            return qr[0].add(BigInteger.valueOf(x.signum()));
        }
        return qr[0];
    }

    private static BigInteger toBig(long[] k, int ko) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) {
            v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(k[ko + i])));
        }
        return v;
    }

    private static void write(BigInteger v, long[] out, int oo) {
        if (v.bitLength() > 192) {
            throw new IllegalStateException("GLV half-scalar too large");
        }
        for (int i = 0; i < 4; i++) {
            out[oo + i] = v.shiftRight(64 * i).longValue();
        }
    }
}
