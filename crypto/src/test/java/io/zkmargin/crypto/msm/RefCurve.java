package io.zkmargin.crypto.msm;

import java.math.BigInteger;

/**
 * Independent model for the tests: affine short-Weierstrass arithmetic (a = 0) over Fp2 = Fp[u]/(u^2+1)
 * with BigInteger, written from the textbook chord-and-tangent formulas. G1 points are Fp2 points
 * with zero imaginary parts. A point is {x0, x1, y0, y1}; null is infinity.
 */
final class RefCurve {
    static final BigInteger P = new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");
    static final BigInteger R = new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");

    static final BigInteger[] G1 = {BigInteger.ONE, BigInteger.ZERO, BigInteger.TWO, BigInteger.ZERO};
    static final BigInteger[] G2 = {
        new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
        new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
        new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
        new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")};

    private RefCurve() {}

    private static BigInteger[] f(BigInteger a, BigInteger b) {
        return new BigInteger[] {a.mod(P), b.mod(P)};
    }

    static BigInteger[] fadd(BigInteger[] a, BigInteger[] b) {
        return f(a[0].add(b[0]), a[1].add(b[1]));
    }

    static BigInteger[] fsub(BigInteger[] a, BigInteger[] b) {
        return f(a[0].subtract(b[0]), a[1].subtract(b[1]));
    }

    static BigInteger[] fmul(BigInteger[] a, BigInteger[] b) {
        return f(a[0].multiply(b[0]).subtract(a[1].multiply(b[1])), a[0].multiply(b[1]).add(a[1].multiply(b[0])));
    }

    static BigInteger[] finv(BigInteger[] a) {
        BigInteger norm = a[0].multiply(a[0]).add(a[1].multiply(a[1])).mod(P).modInverse(P);
        return f(a[0].multiply(norm), a[1].negate().multiply(norm));
    }

    static boolean feq(BigInteger[] a, BigInteger[] b) {
        return a[0].equals(b[0]) && a[1].equals(b[1]);
    }

    static BigInteger[] x(BigInteger[] pt) {
        return new BigInteger[] {pt[0], pt[1]};
    }

    static BigInteger[] y(BigInteger[] pt) {
        return new BigInteger[] {pt[2], pt[3]};
    }

    static BigInteger[] point(BigInteger[] x, BigInteger[] y) {
        return new BigInteger[] {x[0], x[1], y[0], y[1]};
    }

    static BigInteger[] neg(BigInteger[] pt) {
        if (pt == null) return null;
        return point(x(pt), f(pt[2].negate(), pt[3].negate()));
    }

    static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        if (a == null) return b;
        if (b == null) return a;
        BigInteger[] lambda;
        if (feq(x(a), x(b))) {
            if (!feq(y(a), y(b))) return null;
            BigInteger[] x2 = fmul(x(a), x(a));
            lambda = fmul(fadd(fadd(x2, x2), x2), finv(fadd(y(a), y(a))));
        } else {
            lambda = fmul(fsub(y(b), y(a)), finv(fsub(x(b), x(a))));
        }
        BigInteger[] x3 = fsub(fsub(fmul(lambda, lambda), x(a)), x(b));
        BigInteger[] y3 = fsub(fmul(lambda, fsub(x(a), x3)), y(a));
        return point(x3, y3);
    }

    static BigInteger[] mul(BigInteger k, BigInteger[] pt) {
        BigInteger[] acc = null;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = add(acc, acc);
            if (k.testBit(i)) acc = add(acc, pt);
        }
        return acc;
    }
}
