package io.zkmargin.crypto.encoding;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import java.util.List;

/**
 * Points as snarkjs writes them in JSON: canonical decimal strings, projective with z = "1"
 * (G1 [x, y, "1"], G2 [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]], real part first); infinity is
 * written with z = 0 (["0", "1", "0"] and [["0","0"],["1","0"],["0","0"]]).
 */
public final class DecimalPoints {
    private DecimalPoints() {}

    /** G1 from [x, y, z] with z = "1" (finite) or z = "0" (infinity). */
    public static G1Affine g1(List<String> xyz) {
        if (xyz == null || xyz.size() != 3) throw new EncodingException("G1 point must be [x, y, z] decimal strings");
        Fp z = decimal(xyz.get(2), "G1 z");
        if (z.isZero()) return G1Affine.INFINITY;
        if (!z.isOne()) throw new EncodingException("G1 point must be affine (z = 1) or infinity (z = 0)");
        Fp x = decimal(xyz.get(0), "G1 x"), y = decimal(xyz.get(1), "G1 y");
        try {
            return G1Affine.of(x, y);
        } catch (IllegalArgumentException e) {
            throw new EncodingException("G1 point is not on the curve y^2 = x^3 + 3");
        }
    }

    /** G2 from [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]] with z = 1 or z = 0; checks the subgroup. */
    public static G2Affine g2(List<List<String>> xyz) {
        if (xyz == null || xyz.size() != 3) throw new EncodingException("G2 point must be [[x], [y], [z]] of decimal pairs");
        Fp2 z = fp2(xyz.get(2), "G2 z");
        if (z.isZero()) return G2Affine.INFINITY;
        if (!z.isOne()) throw new EncodingException("G2 point must be affine (z = 1) or infinity (z = 0)");
        return Gnark.checkedG2(fp2(xyz.get(0), "G2 x"), fp2(xyz.get(1), "G2 y"));
    }

    public static List<String> toDecimal(G1Affine p) {
        if (p.isInfinity()) return List.of("0", "1", "0");
        return List.of(p.x().toDecimalString(), p.y().toDecimalString(), "1");
    }

    public static List<List<String>> toDecimal(G2Affine p) {
        if (p.isInfinity()) return List.of(List.of("0", "0"), List.of("1", "0"), List.of("0", "0"));
        return List.of(pair(p.x()), pair(p.y()), List.of("1", "0"));
    }

    private static List<String> pair(Fp2 v) {
        return List.of(v.c0().toDecimalString(), v.c1().toDecimalString());
    }

    private static Fp2 fp2(List<String> c, String what) {
        if (c == null || c.size() != 2) throw new EncodingException(what + " must be a pair of decimal strings");
        return Fp2.of(decimal(c.get(0), what + ".c0"), decimal(c.get(1), what + ".c1"));
    }

    /** A canonical decimal field element; rejects non-digits, leading zeros and values >= p. */
    public static Fp decimal(String s, String what) {
        try {
            return Fp.fromDecimal(s);
        } catch (IllegalArgumentException e) {
            throw new EncodingException(what + ": " + e.getMessage());
        }
    }
}
