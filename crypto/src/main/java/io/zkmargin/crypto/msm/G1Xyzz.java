package io.zkmargin.crypto.msm;

import io.zkmargin.crypto.field.Fp;

/** XYZZ formulas on y^2 = x^3 + 3 over Fp (a = 0), from the explicit-formulas database (2008-s). */
final class G1Xyzz extends BucketCurve {
    static final G1Xyzz INSTANCE = new G1Xyzz();

    // scratch slots (4 longs each)
    private static final int U1 = 0, U2 = 4, S1 = 8, S2 = 12, P = 16, R = 20, PP = 24, PPP = 28, Q = 32, T = 36;

    private G1Xyzz() {
        super(4, 40);
    }

    @Override
    void addAffine(long[] b, int bo, long[] pts, int po, boolean neg, long[] s) {
        if (Fp.isZero(b, bo + 8)) {
            System.arraycopy(pts, po, b, bo, 4);
            if (neg) Fp.neg(b, bo + 4, pts, po + 4); else System.arraycopy(pts, po + 4, b, bo + 4, 4);
            Fp.ONE.writeMont(b, bo + 8);
            Fp.ONE.writeMont(b, bo + 12);
            return;
        }
        Fp.mul(s, U2, b, bo + 8, pts, po);        // U2 = x2 ZZ1
        Fp.mul(s, S2, b, bo + 12, pts, po + 4);   // S2 = y2 ZZZ1
        if (neg) Fp.neg(s, S2, s, S2);
        Fp.sub(s, P, s, U2, b, bo);
        Fp.sub(s, R, s, S2, b, bo + 4);
        if (Fp.isZero(s, P)) {
            if (Fp.isZero(s, R)) {
                affineDouble(b, bo, pts, po, neg, s);
            } else {
                setInfinity(b, bo);
            }
            return;
        }
        Fp.square(s, PP, s, P);
        Fp.mul(s, PPP, s, P, s, PP);
        Fp.mul(s, Q, b, bo, s, PP);               // Q = X1 PP
        Fp.mul(b, bo + 8, b, bo + 8, s, PP);
        Fp.mul(b, bo + 12, b, bo + 12, s, PPP);
        Fp.square(s, T, s, R);
        Fp.sub(s, T, s, T, s, PPP);
        Fp.sub(s, T, s, T, s, Q);
        Fp.sub(b, bo, s, T, s, Q);                // X3 = R^2 - PPP - 2Q
        Fp.sub(s, Q, s, Q, b, bo);
        Fp.mul(s, Q, s, Q, s, R);
        Fp.mul(s, T, b, bo + 4, s, PPP);
        Fp.sub(b, bo + 4, s, Q, s, T);            // Y3 = R (Q - X3) - Y1 PPP
    }

    /** b = 2 * (x, +-y) (mdbl-2008-s-1). */
    private static void affineDouble(long[] b, int bo, long[] pts, int po, boolean neg, long[] s) {
        if (neg) Fp.neg(s, S1, pts, po + 4); else System.arraycopy(pts, po + 4, s, S1, 4);
        System.arraycopy(pts, po, s, U1, 4);
        Fp.add(s, U2, s, S1, s, S1);              // U = 2y
        Fp.square(b, bo + 8, s, U2);              // ZZ3 = V = U^2
        Fp.mul(b, bo + 12, s, U2, b, bo + 8);     // ZZZ3 = W = U V
        Fp.mul(s, Q, s, U1, b, bo + 8);           // S = x V
        Fp.square(s, T, s, U1);
        Fp.add(s, R, s, T, s, T);
        Fp.add(s, R, s, R, s, T);                 // M = 3 x^2
        Fp.square(s, T, s, R);
        Fp.sub(s, T, s, T, s, Q);
        Fp.sub(b, bo, s, T, s, Q);                // X3 = M^2 - 2S
        Fp.sub(s, Q, s, Q, b, bo);
        Fp.mul(s, Q, s, Q, s, R);
        Fp.mul(s, T, b, bo + 12, s, S1);
        Fp.sub(b, bo + 4, s, Q, s, T);            // Y3 = M (S - X3) - W y
    }

    @Override
    void dbl(long[] a, int ao, long[] s) {
        if (Fp.isZero(a, ao + 8)) return;
        Fp.add(s, U2, a, ao + 4, a, ao + 4);      // U = 2Y
        Fp.square(s, PP, s, U2);                  // V
        Fp.mul(s, PPP, s, U2, s, PP);             // W
        Fp.mul(s, Q, a, ao, s, PP);               // S = X V
        Fp.square(s, T, a, ao);
        Fp.add(s, R, s, T, s, T);
        Fp.add(s, R, s, R, s, T);                 // M = 3 X^2
        Fp.mul(a, ao + 8, a, ao + 8, s, PP);      // ZZ3 = V ZZ
        Fp.mul(a, ao + 12, a, ao + 12, s, PPP);   // ZZZ3 = W ZZZ
        Fp.mul(s, S1, s, PPP, a, ao + 4);         // W Y
        Fp.square(s, T, s, R);
        Fp.sub(s, T, s, T, s, Q);
        Fp.sub(a, ao, s, T, s, Q);                // X3 = M^2 - 2S
        Fp.sub(s, Q, s, Q, a, ao);
        Fp.mul(s, Q, s, Q, s, R);
        Fp.sub(a, ao + 4, s, Q, s, S1);           // Y3 = M (S - X3) - W Y
    }

    @Override
    void add(long[] a, int ao, long[] q, int qo, long[] s) {
        if (Fp.isZero(q, qo + 8)) return;
        if (Fp.isZero(a, ao + 8)) {
            System.arraycopy(q, qo, a, ao, 16);
            return;
        }
        Fp.mul(s, U1, a, ao, q, qo + 8);          // U1 = X1 ZZ2
        Fp.mul(s, U2, q, qo, a, ao + 8);          // U2 = X2 ZZ1
        Fp.mul(s, S1, a, ao + 4, q, qo + 12);     // S1 = Y1 ZZZ2
        Fp.mul(s, S2, q, qo + 4, a, ao + 12);     // S2 = Y2 ZZZ1
        Fp.sub(s, P, s, U2, s, U1);
        Fp.sub(s, R, s, S2, s, S1);
        if (Fp.isZero(s, P)) {
            if (Fp.isZero(s, R)) dbl(a, ao, s); else setInfinity(a, ao);
            return;
        }
        Fp.square(s, PP, s, P);
        Fp.mul(s, PPP, s, P, s, PP);
        Fp.mul(s, Q, s, U1, s, PP);
        Fp.mul(a, ao + 8, a, ao + 8, q, qo + 8);
        Fp.mul(a, ao + 8, a, ao + 8, s, PP);      // ZZ3 = ZZ1 ZZ2 PP
        Fp.mul(a, ao + 12, a, ao + 12, q, qo + 12);
        Fp.mul(a, ao + 12, a, ao + 12, s, PPP);   // ZZZ3 = ZZZ1 ZZZ2 PPP
        Fp.square(s, T, s, R);
        Fp.sub(s, T, s, T, s, PPP);
        Fp.sub(s, T, s, T, s, Q);
        Fp.sub(a, ao, s, T, s, Q);                // X3
        Fp.sub(s, Q, s, Q, a, ao);
        Fp.mul(s, Q, s, Q, s, R);
        Fp.mul(s, T, s, S1, s, PPP);
        Fp.sub(a, ao + 4, s, Q, s, T);            // Y3 = R (Q - X3) - S1 PPP
    }

    @Override
    void toAffine(long[] r, int ro, long[] a, int ao, long[] s) {
        if (Fp.isZero(a, ao + 8)) {
            java.util.Arrays.fill(r, ro, ro + 8, 0L);
            return;
        }
        Fp.mul(s, T, a, ao + 8, a, ao + 12);
        Fp.inverse(s, T, s, T);                   // 1/(ZZ ZZZ)
        Fp.mul(s, U1, s, T, a, ao + 12);          // 1/ZZ
        Fp.mul(s, U2, s, T, a, ao + 8);           // 1/ZZZ
        Fp.mul(r, ro, a, ao, s, U1);
        Fp.mul(r, ro + 4, a, ao + 4, s, U2);
    }
}
