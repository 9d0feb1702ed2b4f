package io.zkmargin.crypto.curve;

import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;

import java.util.Arrays;

/**
 * The buffer formulas of G1 or G2 behind one interface, so that bulk algorithms over many points (fixed-base
 * tables, group FFTs, many scalar multiplications) are written once for both groups. Layouts are those of
 * {@link G1Jacobian}/{@link G2Jacobian} (Jacobian X, Y, Z Montgomery limbs, Z = 0 is infinity) and of the
 * packed affine form (x, y; all zero is infinity). Outputs may alias inputs.
 */
public interface PointOps {
    /** Longs per affine point (8 for G1, 16 for G2). */
    int affine();

    /** Longs per Jacobian point (12 for G1, 24 for G2). */
    int jacobian();

    /** Scratch longs the add/dbl formulas need. */
    int scratch();

    void dbl(long[] r, int ro, long[] p, int po, long[] t);

    void add(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t);

    /** r = p + q with q affine. */
    void addMixed(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t);

    void setInfinity(long[] r, int ro);

    boolean isInfinity(long[] jac, int jo);

    /** Jacobian r = affine a (infinity maps to infinity). */
    void fromAffine(long[] r, int ro, long[] a, int ao);

    /** Jacobian r = -p. */
    void neg(long[] r, int ro, long[] p, int po);

    /** Affine r = -a. */
    void negAffine(long[] r, int ro, long[] a, int ao);

    /** Converts n Jacobian points from jac[jo..] to packed affine in out[oo..] with one inversion. */
    void toAffine(long[] jac, int jo, int n, long[] out, int oo);

    /** p = lambda p in place by the GLV endomorphism ({@link Glv}); p Jacobian or affine. */
    void endo(long[] p, int po);

    PointOps G1 = new PointOps() {
        public int affine() {
            return 8;
        }

        public int jacobian() {
            return G1Jacobian.LONGS;
        }

        public int scratch() {
            return G1Jacobian.SCRATCH;
        }

        public void dbl(long[] r, int ro, long[] p, int po, long[] t) {
            G1Jacobian.dbl(r, ro, p, po, t);
        }

        public void add(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t) {
            G1Jacobian.add(r, ro, p, po, q, qo, t);
        }

        public void addMixed(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t) {
            G1Jacobian.addMixed(r, ro, p, po, q, qo, t);
        }

        public void setInfinity(long[] r, int ro) {
            Fp.ONE.writeMont(r, ro);
            Fp.ONE.writeMont(r, ro + 4);
            Arrays.fill(r, ro + 8, ro + 12, 0L);
        }

        public boolean isInfinity(long[] jac, int jo) {
            return Fp.isZero(jac, jo + 8);
        }

        public void fromAffine(long[] r, int ro, long[] a, int ao) {
            if (Fp.isZero(a, ao) && Fp.isZero(a, ao + 4)) {
                setInfinity(r, ro);
            } else {
                System.arraycopy(a, ao, r, ro, 8);
                Fp.ONE.writeMont(r, ro + 8);
            }
        }

        public void neg(long[] r, int ro, long[] p, int po) {
            if (r != p || ro != po) {
                System.arraycopy(p, po, r, ro, 12);
            }
            Fp.neg(r, ro + 4, p, po + 4);
        }

        public void negAffine(long[] r, int ro, long[] a, int ao) {
            if (r != a || ro != ao) {
                System.arraycopy(a, ao, r, ro, 8);
            }
            Fp.neg(r, ro + 4, a, ao + 4);
        }

        public void endo(long[] p, int po) {
            Glv.endoG1(p, po);
        }

        public void toAffine(long[] jac, int jo, int n, long[] out, int oo) {
            long[] prefix = new long[4 * (n + 1)];
            Fp.ONE.writeMont(prefix, 0);
            for (int i = 0; i < n; i++) {
                int z = jo + 12 * i + 8;
                if (Fp.isZero(jac, z)) {
                    System.arraycopy(prefix, 4 * i, prefix, 4 * i + 4, 4);
                } else {
                    Fp.mul(prefix, 4 * i + 4, prefix, 4 * i, jac, z);
                }
            }
            long[] inv = new long[4];
            long[] t = new long[12];
            Fp.inverse(inv, 0, prefix, 4 * n);
            for (int i = n - 1; i >= 0; i--) {
                int o = oo + 8 * i;
                int p = jo + 12 * i;
                if (Fp.isZero(jac, p + 8)) {
                    Arrays.fill(out, o, o + 8, 0L);
                    continue;
                }
                Fp.mul(t, 0, inv, 0, prefix, 4 * i);   // 1/Z_i
                Fp.mul(inv, 0, inv, 0, jac, p + 8);
                Fp.square(t, 4, t, 0);
                Fp.mul(t, 8, t, 4, t, 0);
                Fp.mul(out, o, jac, p, t, 4);
                Fp.mul(out, o + 4, jac, p + 4, t, 8);
            }
        }
    };

    PointOps G2 = new PointOps() {
        public int affine() {
            return 16;
        }

        public int jacobian() {
            return G2Jacobian.LONGS;
        }

        public int scratch() {
            return G2Jacobian.SCRATCH;
        }

        public void dbl(long[] r, int ro, long[] p, int po, long[] t) {
            G2Jacobian.dbl(r, ro, p, po, t);
        }

        public void add(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t) {
            G2Jacobian.add(r, ro, p, po, q, qo, t);
        }

        public void addMixed(long[] r, int ro, long[] p, int po, long[] q, int qo, long[] t) {
            G2Jacobian.addMixed(r, ro, p, po, q, qo, t);
        }

        public void setInfinity(long[] r, int ro) {
            Fp2.setOne(r, ro);
            Fp2.setOne(r, ro + 8);
            Fp2.setZero(r, ro + 16);
        }

        public boolean isInfinity(long[] jac, int jo) {
            return Fp2.isZero(jac, jo + 16);
        }

        public void fromAffine(long[] r, int ro, long[] a, int ao) {
            if (Fp2.isZero(a, ao) && Fp2.isZero(a, ao + 8)) {
                setInfinity(r, ro);
            } else {
                System.arraycopy(a, ao, r, ro, 16);
                Fp2.setOne(r, ro + 16);
            }
        }

        public void neg(long[] r, int ro, long[] p, int po) {
            if (r != p || ro != po) {
                System.arraycopy(p, po, r, ro, 24);
            }
            Fp2.neg(r, ro + 8, p, po + 8);
        }

        public void negAffine(long[] r, int ro, long[] a, int ao) {
            if (r != a || ro != ao) {
                System.arraycopy(a, ao, r, ro, 16);
            }
            Fp2.neg(r, ro + 8, a, ao + 8);
        }

        public void endo(long[] p, int po) {
            Glv.endoG2(p, po);
        }

        public void toAffine(long[] jac, int jo, int n, long[] out, int oo) {
            long[] prefix = new long[8 * (n + 1)];
            long[] s = new long[Fp2.SCRATCH];
            Fp2.setOne(prefix, 0);
            for (int i = 0; i < n; i++) {
                int z = jo + 24 * i + 16;
                if (Fp2.isZero(jac, z)) {
                    System.arraycopy(prefix, 8 * i, prefix, 8 * i + 8, 8);
                } else {
                    Fp2.mul(prefix, 8 * i + 8, prefix, 8 * i, jac, z, s, 0);
                }
            }
            long[] inv = new long[8];
            long[] t = new long[24];
            Fp2.inverse(inv, 0, prefix, 8 * n, s, 0);
            for (int i = n - 1; i >= 0; i--) {
                int o = oo + 16 * i;
                int p = jo + 24 * i;
                if (Fp2.isZero(jac, p + 16)) {
                    Arrays.fill(out, o, o + 16, 0L);
                    continue;
                }
                Fp2.mul(t, 0, inv, 0, prefix, 8 * i, s, 0);
                Fp2.mul(inv, 0, inv, 0, jac, p + 16, s, 0);
                Fp2.square(t, 8, t, 0, s, 0);
                Fp2.mul(t, 16, t, 8, t, 0, s, 0);
                Fp2.mul(out, o, jac, p, t, 8, s, 0);
                Fp2.mul(out, o + 8, jac, p + 8, t, 16, s, 0);
            }
        }
    };
}
