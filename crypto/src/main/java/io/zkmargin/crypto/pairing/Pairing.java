package io.zkmargin.crypto.pairing;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp12;
import io.zkmargin.crypto.field.Fp2;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The BN254 optimal ate pairing e: G1 x G2 -> GT (the order-r subgroup of Fp12*).
 *
 * <p>Miller loop over the signed digits of 6x + 2 followed by the two Frobenius line steps, with T
 * in homogeneous projective coordinates on the D-type twist (line formulas of eprint 2013/722);
 * lines are sparse (coefficients of 1, w, v*w) and multiplied into one shared accumulator. The final
 * exponentiation raises to (p^12 - 1)/r times a fixed integer coprime to r (the Fuentes-Castaneda
 * et al. hard part used by gnark, arkworks and libff), so products of pairings are checked exactly
 * as by the EIP-197 precompile. All arithmetic runs on long[] buffers with no per-step allocation.
 */
public final class Pairing {
    private Pairing() {}

    /** The BN parameter x. */
    static final BigInteger X = new BigInteger("4965661367192848881");
    /** Signed (NAF) digits of 6x + 2, least significant first. */
    static final byte[] LOOP = naf(X.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));
    /** Signed (NAF) digits of x, least significant first. */
    private static final byte[] X_NAF = naf(X);
    /** Number of line-coefficient steps per prepared point. */
    static final int STEPS = countSteps();
    private static final int STEP_LONGS = 24;

    private static final long[] TWIST_B = buffer(G2Affine.B);
    private static final long[] HALF = fpBuffer(Fp.of(2).inverse());

    private static long[] buffer(Fp2 v) {
        long[] b = new long[8];
        v.write(b, 0);
        return b;
    }

    private static long[] fpBuffer(Fp v) {
        long[] b = new long[4];
        v.writeMont(b, 0);
        return b;
    }

    static byte[] naf(BigInteger k) {
        byte[] d = new byte[k.bitLength() + 1];
        BigInteger n = k;
        int i = 0;
        while (n.signum() > 0) {
            if (n.testBit(0)) {
                int z = 2 - n.mod(BigInteger.valueOf(4)).intValue(); // 1 or -1
                d[i] = (byte) z;
                n = n.subtract(BigInteger.valueOf(z));
            }
            n = n.shiftRight(1);
            i++;
        }
        int len = i;
        byte[] out = new byte[len];
        System.arraycopy(d, 0, out, 0, len);
        return out;
    }

    private static int countSteps() {
        int n = 0;
        for (int i = LOOP.length - 2; i >= 0; i--) n += LOOP[i] != 0 ? 2 : 1;
        return n + 2;
    }

    // ------------------------------------------------------------------ public API

    /** e(P, Q). */
    public static Fp12 pair(G1Affine p, G2Affine q) {
        return finalExponentiation(millerLoop(new G1Affine[] {p}, new G2Prepared[] {prepare(q)}));
    }

    /** Precomputes the line coefficients of Q for any number of later Miller loops. */
    public static G2Prepared prepare(G2Affine q) {
        Objects.requireNonNull(q, "q");
        if (q.isInfinity()) return new G2Prepared(q, new long[0]);
        long[] c = new long[STEPS * STEP_LONGS];
        long[] tp = new long[24];        // T = (X, Y, Z), homogeneous projective
        long[] qa = new long[16];        // Q affine
        long[] qn = new long[16];        // -Q
        long[] s = new long[160];
        q.writePacked(qa, 0);
        System.arraycopy(qa, 0, tp, 0, 16);
        Fp2.setOne(tp, 16);
        System.arraycopy(qa, 0, qn, 0, 8);
        Fp2.neg(qn, 8, qa, 8);
        int k = 0;
        for (int i = LOOP.length - 2; i >= 0; i--) {
            doublingStep(tp, c, k++ * STEP_LONGS, s);
            if (LOOP[i] == 1) additionStep(tp, qa, c, k++ * STEP_LONGS, s);
            else if (LOOP[i] == -1) additionStep(tp, qn, c, k++ * STEP_LONGS, s);
        }
        // Q1 = pi(Q), Q2 = -pi^2(Q) on the twist
        long[] q1 = new long[16], q2 = new long[16];
        q.psi().writePacked(q1, 0);
        q.psi().psi().writePacked(q2, 0);
        Fp2.neg(q2, 8, q2, 8);
        additionStep(tp, q1, c, k++ * STEP_LONGS, s);
        additionStep(tp, q2, c, k * STEP_LONGS, s);
        return new G2Prepared(q, c);
    }

    /**
     * The product of the Miller loops f_{6x+2,Q_i}(P_i) (before the final exponentiation), with one
     * shared accumulator. Pairs where P or Q is infinity contribute 1.
     */
    public static Fp12 millerLoop(G1Affine[] ps, G2Prepared[] qs) {
        Objects.requireNonNull(ps, "ps");
        Objects.requireNonNull(qs, "qs");
        if (ps.length != qs.length) {
            throw new IllegalArgumentException("millerLoop needs as many G1 as G2 points: " + ps.length + " vs " + qs.length);
        }
        int n = 0;
        for (int i = 0; i < ps.length; i++) {
            Objects.requireNonNull(ps[i], "G1 point");
            Objects.requireNonNull(qs[i], "G2 point");
            if (!ps[i].isInfinity() && !qs[i].isInfinity()) n++;
        }
        long[] pxy = new long[8 * n];
        long[][] coeffs = new long[n][];
        for (int i = 0, j = 0; i < ps.length; i++) {
            if (ps[i].isInfinity() || qs[i].isInfinity()) continue;
            ps[i].writePacked(pxy, 8 * j);
            coeffs[j++] = qs[i].coeffs();
        }
        long[] f = new long[Fp12.LONGS];
        millerLoop(f, pxy, coeffs, n, new long[Fp12.SCRATCH + 24]);
        return Fp12.read(f, 0);
    }

    /** f^((p^12 - 1)/r * m) for the fixed m = 2x(6x^2 + 3x + 1) coprime to r (see class comment). */
    public static Fp12 finalExponentiation(Fp12 f) {
        Objects.requireNonNull(f, "f");
        if (f.isZero()) throw new ArithmeticException("final exponentiation of zero");
        long[] buf = new long[Fp12.LONGS];
        f.write(buf, 0);
        finalExponentiation(buf, new FinalExpScratch());
        return Fp12.read(buf, 0);
    }

    /** True iff prod e(P_i, Q_i) = 1 (the EIP-197 check); pairs with an infinity point contribute 1. */
    public static boolean productIsOne(G1Affine[] ps, G2Affine[] qs) {
        Objects.requireNonNull(ps, "ps");
        Objects.requireNonNull(qs, "qs");
        if (ps.length != qs.length) {
            throw new IllegalArgumentException("productIsOne needs as many G1 as G2 points: " + ps.length + " vs " + qs.length);
        }
        G2Prepared[] prepared = new G2Prepared[qs.length];
        for (int i = 0; i < qs.length; i++) prepared[i] = prepare(Objects.requireNonNull(qs[i], "G2 point"));
        return productIsOne(ps, prepared);
    }

    /** True iff prod e(P_i, Q_i) = 1, with prepared G2 points. */
    public static boolean productIsOne(G1Affine[] ps, G2Prepared[] qs) {
        Fp12 m = millerLoop(ps, qs);
        long[] buf = new long[Fp12.LONGS];
        m.write(buf, 0);
        finalExponentiation(buf, new FinalExpScratch());
        return Fp12.isOne(buf, 0);
    }

    // ------------------------------------------------------------------ Miller loop kernels

    /** f = prod over pairs of the Miller function; pxy holds n affine G1 points (8 longs each). */
    private static void millerLoop(long[] f, long[] pxy, long[][] coeffs, int n, long[] s) {
        Fp12.setOne(f, 0);
        final int line = Fp12.SCRATCH; // 24 longs after the Fp12 scratch hold the evaluated line
        int k = 0;
        for (int i = LOOP.length - 2; i >= 0; i--) {
            if (i != LOOP.length - 2) Fp12.square(f, 0, f, 0, s, 0);
            for (int j = 0; j < n; j++) ell(f, coeffs[j], k, pxy, 8 * j, s, line);
            k++;
            if (LOOP[i] != 0) {
                for (int j = 0; j < n; j++) ell(f, coeffs[j], k, pxy, 8 * j, s, line);
                k++;
            }
        }
        for (int j = 0; j < n; j++) ell(f, coeffs[j], k, pxy, 8 * j, s, line);
        k++;
        for (int j = 0; j < n; j++) ell(f, coeffs[j], k, pxy, 8 * j, s, line);
    }

    /** f *= line evaluated at P: (c0 * yP) + (c1 * xP) w + c2 v w. */
    private static void ell(long[] f, long[] c, int step, long[] p, int po, long[] s, int line) {
        int co = step * STEP_LONGS;
        Fp2.mulByFp(s, line, c, co, p, po + 4);
        Fp2.mulByFp(s, line + 8, c, co + 8, p, po);
        System.arraycopy(c, co + 16, s, line + 16, 8);
        Fp12.mulBy034(f, 0, f, 0, s, line, line + 8, line + 16, s, 0);
    }

    // Doubling step (eprint 2013/722, formula 3) on the D-type twist; writes (-h, 3j, i).
    private static void doublingStep(long[] tp, long[] c, int co, long[] s) {
        final int a = 0, b = 8, cc = 16, e = 24, f = 32, g = 40, h = 48, i = 56, j = 64, u = 72, x = 80;
        final int X = 0, Y = 8, Z = 16;
        Fp2.mul(s, a, tp, X, tp, Y, s, x);
        Fp2.mulByFp(s, a, s, a, HALF, 0);                   // a = XY/2
        Fp2.square(s, b, tp, Y, s, x);                      // b = Y^2
        Fp2.square(s, cc, tp, Z, s, x);                     // c = Z^2
        Fp2.dbl(s, e, s, cc);
        Fp2.add(s, e, s, e, s, cc);
        Fp2.mul(s, e, s, e, TWIST_B, 0, s, x);              // e = 3 b' c
        Fp2.dbl(s, f, s, e);
        Fp2.add(s, f, s, f, s, e);                          // f = 3e
        Fp2.add(s, g, s, b, s, f);
        Fp2.mulByFp(s, g, s, g, HALF, 0);                   // g = (b + f)/2
        Fp2.add(s, h, tp, Y, tp, Z);
        Fp2.square(s, h, s, h, s, x);
        Fp2.sub(s, h, s, h, s, b);
        Fp2.sub(s, h, s, h, s, cc);                         // h = (Y + Z)^2 - b - c
        Fp2.sub(s, i, s, e, s, b);                          // i = e - b
        Fp2.square(s, j, tp, X, s, x);                      // j = X^2
        // new T
        Fp2.sub(s, u, s, b, s, f);
        Fp2.mul(tp, X, s, a, s, u, s, x);                   // X = a (b - f)
        Fp2.square(s, u, s, e, s, x);
        Fp2.square(tp, Y, s, g, s, x);
        Fp2.sub(tp, Y, tp, Y, s, u);
        Fp2.sub(tp, Y, tp, Y, s, u);
        Fp2.sub(tp, Y, tp, Y, s, u);                        // Y = g^2 - 3 e^2
        Fp2.mul(tp, Z, s, b, s, h, s, x);                   // Z = b h
        // line
        Fp2.neg(c, co, s, h);
        Fp2.dbl(c, co + 8, s, j);
        Fp2.add(c, co + 8, c, co + 8, s, j);
        Fp2.copy(c, co + 16, s, i);
    }

    // Mixed addition step (eprint 2013/722, formula 4) with affine q; writes (lambda, -theta, j).
    private static void additionStep(long[] tp, long[] q, long[] c, int co, long[] s) {
        final int th = 0, la = 8, cc = 16, d = 24, e = 32, f = 40, g = 48, h = 56, j = 64, u = 72, x = 80;
        final int X = 0, Y = 8, Z = 16, QX = 0, QY = 8;
        Fp2.mul(s, u, q, QY, tp, Z, s, x);
        Fp2.sub(s, th, tp, Y, s, u);                        // theta = Y - qy Z
        Fp2.mul(s, u, q, QX, tp, Z, s, x);
        Fp2.sub(s, la, tp, X, s, u);                        // lambda = X - qx Z
        Fp2.square(s, cc, s, th, s, x);                     // c = theta^2
        Fp2.square(s, d, s, la, s, x);                      // d = lambda^2
        Fp2.mul(s, e, s, la, s, d, s, x);                   // e = lambda^3
        Fp2.mul(s, f, tp, Z, s, cc, s, x);                  // f = Z c
        Fp2.mul(s, g, tp, X, s, d, s, x);                   // g = X d
        Fp2.add(s, h, s, e, s, f);
        Fp2.sub(s, h, s, h, s, g);
        Fp2.sub(s, h, s, h, s, g);                          // h = e + f - 2g
        Fp2.mul(tp, X, s, la, s, h, s, x);                  // X = lambda h
        Fp2.sub(s, u, s, g, s, h);
        Fp2.mul(s, u, s, th, s, u, s, x);
        Fp2.mul(s, j, s, e, tp, Y, s, x);
        Fp2.sub(tp, Y, s, u, s, j);                         // Y = theta (g - h) - e Y
        Fp2.mul(tp, Z, tp, Z, s, e, s, x);                  // Z = Z e
        Fp2.mul(s, j, s, th, q, QX, s, x);
        Fp2.mul(s, u, s, la, q, QY, s, x);
        Fp2.sub(s, j, s, j, s, u);                          // j = theta qx - lambda qy
        Fp2.copy(c, co, s, la);
        Fp2.neg(c, co + 8, s, th);
        Fp2.copy(c, co + 16, s, j);
    }

    // ------------------------------------------------------------------ final exponentiation

    /** Scratch buffers for one final exponentiation (not shared between threads). */
    static final class FinalExpScratch {
        final long[] s = new long[Fp12.SCRATCH];
        final long[] r = new long[Fp12.LONGS];
        final long[] y = new long[Fp12.LONGS * 10];
        final long[] e = new long[Fp12.LONGS * 2];
    }

    private static final int Y0 = 0, Y1 = 48, Y2 = 96, Y3 = 144, Y4 = 192, Y5 = 240, Y6 = 288, Y7 = 336, Y8 = 384,
            Y9 = 432;

    /** f = f^((p^12-1)/r * m) in place. */
    static void finalExponentiation(long[] f, FinalExpScratch sc) {
        long[] s = sc.s, r = sc.r, y = sc.y;
        // easy part: r = f^((p^6 - 1)(p^2 + 1)), after which r is in the cyclotomic subgroup
        Fp12.inverse(y, Y0, f, 0, s, 0);
        Fp12.conjugate(r, 0, f, 0);
        Fp12.mul(r, 0, r, 0, y, Y0, s, 0);
        Fp12.frobenius(y, Y0, r, 0, 2, s, 0);
        Fp12.mul(r, 0, r, 0, y, Y0, s, 0);
        // hard part (Fuentes-Castaneda et al.), exponent 2x(6x^2+3x+1)(p^4 - p^2 + 1)/r
        expByNegX(y, Y0, r, 0, sc);                         // y0 = r^-x
        Fp12.cyclotomicSquare(y, Y1, y, Y0, s, 0);          // y1 = y0^2
        Fp12.cyclotomicSquare(y, Y2, y, Y1, s, 0);          // y2 = y1^2
        Fp12.mul(y, Y3, y, Y2, y, Y1, s, 0);                // y3 = y2 y1
        expByNegX(y, Y4, y, Y3, sc);                        // y4 = y3^-x
        Fp12.cyclotomicSquare(y, Y5, y, Y4, s, 0);          // y5 = y4^2
        expByNegX(y, Y6, y, Y5, sc);                        // y6 = y5^-x
        Fp12.conjugate(y, Y3, y, Y3);
        Fp12.conjugate(y, Y6, y, Y6);
        Fp12.mul(y, Y7, y, Y6, y, Y4, s, 0);                // y7 = y6 y4
        Fp12.mul(y, Y8, y, Y7, y, Y3, s, 0);                // y8 = y7 y3
        Fp12.mul(y, Y9, y, Y8, y, Y1, s, 0);                // y9 = y8 y1
        Fp12.mul(y, Y0, y, Y8, y, Y4, s, 0);                // y10 = y8 y4 (into Y0)
        Fp12.mul(y, Y0, y, Y0, r, 0, s, 0);                 // y11 = y10 r
        Fp12.frobenius(y, Y2, y, Y9, 1, s, 0);              // y12 = frob(y9)
        Fp12.mul(y, Y2, y, Y2, y, Y0, s, 0);                // y13 = y12 y11
        Fp12.frobenius(y, Y8, y, Y8, 2, s, 0);
        Fp12.mul(y, Y2, y, Y8, y, Y2, s, 0);                // y14 = frob2(y8) y13
        Fp12.conjugate(r, 0, r, 0);
        Fp12.mul(y, Y5, r, 0, y, Y9, s, 0);                 // y15 = r^-1 y9
        Fp12.frobenius(y, Y5, y, Y5, 3, s, 0);
        Fp12.mul(f, 0, y, Y5, y, Y2, s, 0);                 // y16 = frob3(y15) y14
    }

    /** r = a^(-x) for a in the cyclotomic subgroup (NAF of x; inverse = conjugate). */
    private static void expByNegX(long[] r, int ro, long[] a, int ao, FinalExpScratch sc) {
        long[] s = sc.s, e = sc.e;
        Fp12.copy(e, 0, a, ao);
        Fp12.conjugate(e, 48, a, ao);                       // a^-1
        Fp12.copy(r, ro, e, 0);                             // top NAF digit is 1
        for (int i = X_NAF.length - 2; i >= 0; i--) {
            Fp12.cyclotomicSquare(r, ro, r, ro, s, 0);
            if (X_NAF[i] == 1) Fp12.mul(r, ro, r, ro, e, 0, s, 0);
            else if (X_NAF[i] == -1) Fp12.mul(r, ro, r, ro, e, 48, s, 0);
        }
        Fp12.conjugate(r, ro, r, ro);
    }
}
