package io.zkmargin.crypto.encoding;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** gnark compressed and raw encodings: round trips, flag choice, and every rejection rule. */
class GnarkTest {

    @Test
    void compressedRoundTrips_bothSigns() {
        Random rnd = new Random(81);
        boolean[] seen1 = new boolean[2], seen2 = new boolean[2];
        for (int i = 0; i < 12; i++) {
            G1Affine p = G1Affine.GENERATOR.mul(new BigInteger(250, rnd));
            G2Affine q = G2Affine.GENERATOR.mul(new BigInteger(250, rnd));
            byte[] cp = Gnark.encodeG1Compressed(p), cq = Gnark.encodeG2Compressed(q);
            assertEquals(32, cp.length);
            assertEquals(64, cq.length);
            assertEquals(p, Gnark.decodeG1(cp));
            assertEquals(q, Gnark.decodeG2(cq));
            assertEquals(p.neg(), Gnark.decodeG1Compressed(flipSign(cp)));
            assertEquals(q.neg(), Gnark.decodeG2Compressed(flipSign(cq)));
            seen1[(cp[0] >> 6) & 1] = true;
            seen2[(cq[0] >> 6) & 1] = true;
            assertEquals(p, Gnark.decodeG1(Gnark.encodeG1Raw(p)));
            assertEquals(q, Gnark.decodeG2(Gnark.encodeG2Raw(q)));
        }
        assertTrue(seen1[0] && seen1[1] && seen2[0] && seen2[1], "both flags exercised");
    }

    private static byte[] flipSign(byte[] b) {
        byte[] c = b.clone();
        c[0] ^= 0x40;
        return c;
    }

    @Test
    void flagFollowsLexicographicRule() {
        // generator y = 2 is the smaller root: 0b10
        byte[] g = Gnark.encodeG1Compressed(G1Affine.GENERATOR);
        assertEquals("8000000000000000000000000000000000000000000000000000000000000001", HexFormat.of().formatHex(g));
        byte[] ng = Gnark.encodeG1Compressed(G1Affine.GENERATOR.neg());
        assertEquals((byte) 0xC0, ng[0]);
        // G2: y larger iff y.c1 > (p-1)/2 (y.c1 nonzero here)
        byte[] g2 = Gnark.encodeG2Compressed(G2Affine.GENERATOR);
        boolean larger = G2Affine.GENERATOR.y().c1().isLexicographicallyLargest();
        assertEquals(larger ? 0xC0 : 0x80, g2[0] & 0xC0);
    }

    @Test
    void infinityEncodings() {
        byte[] c1 = Gnark.encodeG1Compressed(G1Affine.INFINITY);
        assertEquals(0x40, c1[0]);
        assertEquals(G1Affine.INFINITY, Gnark.decodeG1(c1));
        byte[] c2 = Gnark.encodeG2Compressed(G2Affine.INFINITY);
        assertEquals(G2Affine.INFINITY, Gnark.decodeG2(c2));
        assertEquals(G1Affine.INFINITY, Gnark.decodeG1(new byte[64]));
        assertEquals(G2Affine.INFINITY, Gnark.decodeG2(new byte[128]));
        c1[31] = 1;
        assertThrows(EncodingException.class, () -> Gnark.decodeG1(c1));
    }

    @Test
    void badFlag_throws() {
        byte[] c = Gnark.encodeG1Compressed(G1Affine.GENERATOR);
        c[0] &= 0x3F; // 0b00 on a 32-byte input: uncompressed flag with a compressed length
        EncodingException e = assertThrows(EncodingException.class, () -> Gnark.decodeG1(c));
        assertTrue(e.getMessage().contains("flag"), e.getMessage());
        byte[] c2 = Gnark.encodeG2Compressed(G2Affine.GENERATOR);
        c2[0] &= 0x3F;
        assertThrows(EncodingException.class, () -> Gnark.decodeG2(c2));
        byte[] raw = Gnark.encodeG1Raw(G1Affine.GENERATOR);
        raw[0] |= (byte) 0x80;
        e = assertThrows(EncodingException.class, () -> Gnark.decodeG1(raw));
        assertTrue(e.getMessage().contains("flag"), e.getMessage());
        byte[] raw2 = Gnark.encodeG2Raw(G2Affine.GENERATOR);
        raw2[0] |= (byte) 0x40;
        assertThrows(EncodingException.class, () -> Gnark.decodeG2(raw2));
    }

    @Test
    void wrongLength_throws() {
        for (int len : new int[] {0, 31, 33, 63, 65}) {
            EncodingException e = assertThrows(EncodingException.class, () -> Gnark.decodeG1(new byte[len]));
            assertTrue(e.getMessage().contains("bytes"), e.getMessage());
        }
        for (int len : new int[] {0, 32, 63, 65, 127, 129}) {
            assertThrows(EncodingException.class, () -> Gnark.decodeG2(new byte[len]));
        }
        assertThrows(EncodingException.class, () -> Gnark.decodeG1Compressed(new byte[64]));
        assertThrows(EncodingException.class, () -> Gnark.decodeG2Compressed(new byte[32]));
    }

    @Test
    void coordinateNotBelowP_throws() {
        byte[] c = TestPoints.pBytes();
        c[0] |= (byte) 0x80;
        EncodingException e = assertThrows(EncodingException.class, () -> Gnark.decodeG1(c));
        assertTrue(e.getMessage().contains("modulus"), e.getMessage());
        byte[] c2 = new byte[64];
        System.arraycopy(TestPoints.pBytes(), 0, c2, 32, 32); // x.c0 = p
        c2[0] |= (byte) 0x80;
        assertThrows(EncodingException.class, () -> Gnark.decodeG2(c2));
    }

    @Test
    void xWithoutCurvePoint_throws() {
        Fp x = TestPoints.g1XWithoutPoint();
        byte[] c = x.toBytesBE();
        c[0] |= (byte) 0x80;
        EncodingException e = assertThrows(EncodingException.class, () -> Gnark.decodeG1(c));
        assertTrue(e.getMessage().contains("not the x-coordinate"), e.getMessage());
    }

    @Test
    void g2OutsideSubgroup_throws() {
        Fp2[] xy = TestPoints.twistPointOutsideSubgroup();
        byte[] c = new byte[64];
        System.arraycopy(xy[0].c1().toBytesBE(), 0, c, 0, 32);
        System.arraycopy(xy[0].c0().toBytesBE(), 0, c, 32, 32);
        c[0] |= (byte) 0x80;
        EncodingException e = assertThrows(EncodingException.class, () -> Gnark.decodeG2(c));
        assertTrue(e.getMessage().contains("subgroup"), e.getMessage());
    }
}
