package io.zkmargin.crypto.msm;

import io.zkmargin.crypto.field.Fp2;

/** XYZZ formulas on the twist y^2 = x^3 + 3/(9+u) over Fp2 (a = 0), from the explicit-formulas database (2008-s). */
final class G2Xyzz extends BucketCurve {
    static final G2Xyzz INSTANCE = new G2Xyzz();

    // scratch slots (8 longs each; F is the Fp2 multiplication scratch)
    private static final int U1 = 0, U2 = 8, S1 = 16, S2 = 24, P = 32, R = 40, PP = 48, PPP = 56, Q = 64, T = 72, F = 80;

    private G2Xyzz() {
        super(8, 96);
    }

    @Override
    void addAffine(long[] b, int bo, long[] pts, int po, boolean neg, long[] s) {
        if (Fp2.isZero(b, bo + 16)) {
            System.arraycopy(pts, po, b, bo, 8);
            if (neg) Fp2.neg(b, bo + 8, pts, po + 8); else System.arraycopy(pts, po + 8, b, bo + 8, 8);
            Fp2.setOne(b, bo + 16);
            Fp2.setOne(b, bo + 24);
            return;
        }
        Fp2.mul(s, U2, b, bo + 16, pts, po, s, F);        // U2 = x2 ZZ1
        Fp2.mul(s, S2, b, bo + 24, pts, po + 8, s, F);   // S2 = y2 ZZZ1
        if (neg) Fp2.neg(s, S2, s, S2);
        Fp2.sub(s, P, s, U2, b, bo);
        Fp2.sub(s, R, s, S2, b, bo + 8);
        if (Fp2.isZero(s, P)) {
            if (Fp2.isZero(s, R)) {
                affineDouble(b, bo, pts, po, neg, s);
            } else {
                setInfinity(b, bo);
            }
            return;
        }
        Fp2.square(s, PP, s, P, s, F);
        Fp2.mul(s, PPP, s, P, s, PP, s, F);
        Fp2.mul(s, Q, b, bo, s, PP, s, F);               // Q = X1 PP
        Fp2.mul(b, bo + 16, b, bo + 16, s, PP, s, F);
        Fp2.mul(b, bo + 24, b, bo + 24, s, PPP, s, F);
        Fp2.square(s, T, s, R, s, F);
        Fp2.sub(s, T, s, T, s, PPP);
        Fp2.sub(s, T, s, T, s, Q);
        Fp2.sub(b, bo, s, T, s, Q);                // X3 = R^2 - PPP - 2Q
        Fp2.sub(s, Q, s, Q, b, bo);
        Fp2.mul(s, Q, s, Q, s, R, s, F);
        Fp2.mul(s, T, b, bo + 8, s, PPP, s, F);
        Fp2.sub(b, bo + 8, s, Q, s, T);            // Y3 = R (Q - X3) - Y1 PPP
    }

    /** b = 2 * (x, +-y) (mdbl-2008-s-1). */
    private static void affineDouble(long[] b, int bo, long[] pts, int po, boolean neg, long[] s) {
        if (neg) Fp2.neg(s, S1, pts, po + 8); else System.arraycopy(pts, po + 8, s, S1, 8);
        System.arraycopy(pts, po, s, U1, 8);
        Fp2.add(s, U2, s, S1, s, S1);              // U = 2y
        Fp2.square(b, bo + 16, s, U2, s, F);              // ZZ3 = V = U^2
        Fp2.mul(b, bo + 24, s, U2, b, bo + 16, s, F);     // ZZZ3 = W = U V
        Fp2.mul(s, Q, s, U1, b, bo + 16, s, F);           // S = x V
        Fp2.square(s, T, s, U1, s, F);
        Fp2.add(s, R, s, T, s, T);
        Fp2.add(s, R, s, R, s, T);                 // M = 3 x^2
        Fp2.square(s, T, s, R, s, F);
        Fp2.sub(s, T, s, T, s, Q);
        Fp2.sub(b, bo, s, T, s, Q);                // X3 = M^2 - 2S
        Fp2.sub(s, Q, s, Q, b, bo);
        Fp2.mul(s, Q, s, Q, s, R, s, F);
        Fp2.mul(s, T, b, bo + 24, s, S1, s, F);
        Fp2.sub(b, bo + 8, s, Q, s, T);            // Y3 = M (S - X3) - W y
    }

    @Override
    void dbl(long[] a, int ao, long[] s) {
        if (Fp2.isZero(a, ao + 16)) return;
        Fp2.add(s, U2, a, ao + 8, a, ao + 8);      // U = 2Y
        Fp2.square(s, PP, s, U2, s, F);                  // V
        Fp2.mul(s, PPP, s, U2, s, PP, s, F);             // W
        Fp2.mul(s, Q, a, ao, s, PP, s, F);               // S = X V
        Fp2.square(s, T, a, ao, s, F);
        Fp2.add(s, R, s, T, s, T);
        Fp2.add(s, R, s, R, s, T);                 // M = 3 X^2
        Fp2.mul(a, ao + 16, a, ao + 16, s, PP, s, F);      // ZZ3 = V ZZ
        Fp2.mul(a, ao + 24, a, ao + 24, s, PPP, s, F);   // ZZZ3 = W ZZZ
        Fp2.mul(s, S1, s, PPP, a, ao + 8, s, F);         // W Y
        Fp2.square(s, T, s, R, s, F);
        Fp2.sub(s, T, s, T, s, Q);
        Fp2.sub(a, ao, s, T, s, Q);                // X3 = M^2 - 2S
        Fp2.sub(s, Q, s, Q, a, ao);
        Fp2.mul(s, Q, s, Q, s, R, s, F);
        Fp2.sub(a, ao + 8, s, Q, s, S1);           // Y3 = M (S - X3) - W Y
    }

    @Override
    void add(long[] a, int ao, long[] q, int qo, long[] s) {
        if (Fp2.isZero(q, qo + 16)) return;
        if (Fp2.isZero(a, ao + 16)) {
            System.arraycopy(q, qo, a, ao, 32);
            return;
        }
        Fp2.mul(s, U1, a, ao, q, qo + 16, s, F);          // U1 = X1 ZZ2
        Fp2.mul(s, U2, q, qo, a, ao + 16, s, F);          // U2 = X2 ZZ1
        Fp2.mul(s, S1, a, ao + 8, q, qo + 24, s, F);     // S1 = Y1 ZZZ2
        Fp2.mul(s, S2, q, qo + 8, a, ao + 24, s, F);     // S2 = Y2 ZZZ1
        Fp2.sub(s, P, s, U2, s, U1);
        Fp2.sub(s, R, s, S2, s, S1);
        if (Fp2.isZero(s, P)) {
            if (Fp2.isZero(s, R)) dbl(a, ao, s); else setInfinity(a, ao);
            return;
        }
        Fp2.square(s, PP, s, P, s, F);
        Fp2.mul(s, PPP, s, P, s, PP, s, F);
        Fp2.mul(s, Q, s, U1, s, PP, s, F);
        Fp2.mul(a, ao + 16, a, ao + 16, q, qo + 16, s, F);
        Fp2.mul(a, ao + 16, a, ao + 16, s, PP, s, F);      // ZZ3 = ZZ1 ZZ2 PP
        Fp2.mul(a, ao + 24, a, ao + 24, q, qo + 24, s, F);
        Fp2.mul(a, ao + 24, a, ao + 24, s, PPP, s, F);   // ZZZ3 = ZZZ1 ZZZ2 PPP
        Fp2.square(s, T, s, R, s, F);
        Fp2.sub(s, T, s, T, s, PPP);
        Fp2.sub(s, T, s, T, s, Q);
        Fp2.sub(a, ao, s, T, s, Q);                // X3
        Fp2.sub(s, Q, s, Q, a, ao);
        Fp2.mul(s, Q, s, Q, s, R, s, F);
        Fp2.mul(s, T, s, S1, s, PPP, s, F);
        Fp2.sub(a, ao + 8, s, Q, s, T);            // Y3 = R (Q - X3) - S1 PPP
    }

    @Override
    void toAffine(long[] r, int ro, long[] a, int ao, long[] s) {
        if (Fp2.isZero(a, ao + 16)) {
            java.util.Arrays.fill(r, ro, ro + 16, 0L);
            return;
        }
        Fp2.mul(s, T, a, ao + 16, a, ao + 24, s, F);
        Fp2.inverse(s, T, s, T, s, F);                   // 1/(ZZ ZZZ)
        Fp2.mul(s, U1, s, T, a, ao + 24, s, F);          // 1/ZZ
        Fp2.mul(s, U2, s, T, a, ao + 16, s, F);           // 1/ZZZ
        Fp2.mul(r, ro, a, ao, s, U1, s, F);
        Fp2.mul(r, ro + 8, a, ao + 8, s, U2, s, F);
    }
}
