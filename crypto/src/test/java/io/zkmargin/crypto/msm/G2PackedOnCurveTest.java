package io.zkmargin.crypto.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zkmargin.crypto.curve.G2Affine;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The subgroup-check-free loader for proving keys still rejects unreduced and off-twist points. */
class G2PackedOnCurveTest {
    @Test
    void validPoints_roundTrip() {
        G2Affine p = G2Affine.GENERATOR.mul(BigInteger.valueOf(12345));
        long[] limbs = new long[32];
        p.writePacked(limbs, 0);
        G2Affine.INFINITY.writePacked(limbs, 16);
        G2Packed packed = G2Packed.ofOnCurve(limbs);
        assertEquals(p, packed.get(0));
        assertEquals(G2Affine.INFINITY, packed.get(1));
    }

    @Test
    void offTwistPoint_throws() {
        long[] limbs = new long[16];
        G2Affine.GENERATOR.writePacked(limbs, 0);
        limbs[8] ^= 1; // y.c0 changed: off the twist (still reduced: the low bit of a Montgomery limb)
        assertThrows(IllegalArgumentException.class, () -> G2Packed.ofOnCurve(limbs));
    }

    @Test
    void unreducedCoordinate_throws() {
        long[] limbs = new long[16];
        G2Affine.GENERATOR.writePacked(limbs, 0);
        for (int i = 0; i < 4; i++) limbs[i] = -1L;
        assertThrows(IllegalArgumentException.class, () -> G2Packed.ofOnCurve(limbs));
    }
}
