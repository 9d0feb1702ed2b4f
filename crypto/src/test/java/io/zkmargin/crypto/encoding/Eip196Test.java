package io.zkmargin.crypto.encoding;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp2;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** EIP-196/197 encodings: round trips, the published generator bytes, and every rejection rule. */
class Eip196Test {

    @Test
    void roundTrips() {
        Random rnd = new Random(71);
        for (int i = 0; i < 5; i++) {
            G1Affine p = G1Affine.GENERATOR.mul(new BigInteger(250, rnd));
            G2Affine q = G2Affine.GENERATOR.mul(new BigInteger(250, rnd));
            assertEquals(p, Eip196.decodeG1(Eip196.encodeG1(p)));
            assertEquals(q, Eip196.decodeG2(Eip196.encodeG2(q)));
        }
        assertArrayEquals(new byte[64], Eip196.encodeG1(G1Affine.INFINITY));
        assertArrayEquals(new byte[128], Eip196.encodeG2(G2Affine.INFINITY));
        assertEquals(G1Affine.INFINITY, Eip196.decodeG1(new byte[64]));
        assertEquals(G2Affine.INFINITY, Eip196.decodeG2(new byte[128]));
    }

    @Test
    void generatorBytesAreImaginaryFirst() {
        // The EIP-197 G2 generator as written in the EIP (x.c1, x.c0, y.c1, y.c0)
        String expected = "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
                + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
                + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
                + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";
        assertEquals(expected, HexFormat.of().formatHex(Eip196.encodeG2(G2Affine.GENERATOR)));
        byte[] g1 = Eip196.encodeG1(G1Affine.GENERATOR);
        assertEquals(1, g1[31]);
        assertEquals(2, g1[63]);
    }

    @Test
    void wrongLength_throws() {
        assertThrows(EncodingException.class, () -> Eip196.decodeG1(new byte[63]));
        assertThrows(EncodingException.class, () -> Eip196.decodeG1(new byte[65]));
        assertThrows(EncodingException.class, () -> Eip196.decodeG2(new byte[127]));
        assertThrows(EncodingException.class, () -> Eip196.decodeG1(new byte[64], 1));
        assertThrows(EncodingException.class, () -> Eip196.decodeG2(new byte[128], -1));
        assertThrows(EncodingException.class, () -> Eip196.decodeG1(null));
    }

    @Test
    void coordinateNotBelowP_throws() {
        byte[] p = TestPoints.pBytes();
        for (int slot = 0; slot < 2; slot++) {
            byte[] in = Eip196.encodeG1(G1Affine.GENERATOR);
            System.arraycopy(p, 0, in, 32 * slot, 32);
            EncodingException e = assertThrows(EncodingException.class, () -> Eip196.decodeG1(in));
            assertTrue(e.getMessage().contains("modulus"), e.getMessage());
        }
        for (int slot = 0; slot < 4; slot++) {
            byte[] in = Eip196.encodeG2(G2Affine.GENERATOR);
            System.arraycopy(p, 0, in, 32 * slot, 32);
            EncodingException e = assertThrows(EncodingException.class, () -> Eip196.decodeG2(in));
            assertTrue(e.getMessage().contains("modulus"), e.getMessage());
        }
    }

    @Test
    void offCurve_throws() {
        byte[] in = Eip196.encodeG1(G1Affine.GENERATOR);
        in[63] ^= 1;
        EncodingException e = assertThrows(EncodingException.class, () -> Eip196.decodeG1(in));
        assertTrue(e.getMessage().contains("not on the curve"), e.getMessage());
        byte[] in2 = Eip196.encodeG2(G2Affine.GENERATOR);
        in2[127] ^= 1;
        e = assertThrows(EncodingException.class, () -> Eip196.decodeG2(in2));
        assertTrue(e.getMessage().contains("not on the twist"), e.getMessage());
    }

    @Test
    void g2OutsideSubgroup_throws() {
        Fp2[] xy = TestPoints.twistPointOutsideSubgroup();
        byte[] in = new byte[128];
        System.arraycopy(xy[0].c1().toBytesBE(), 0, in, 0, 32);
        System.arraycopy(xy[0].c0().toBytesBE(), 0, in, 32, 32);
        System.arraycopy(xy[1].c1().toBytesBE(), 0, in, 64, 32);
        System.arraycopy(xy[1].c0().toBytesBE(), 0, in, 96, 32);
        EncodingException e = assertThrows(EncodingException.class, () -> Eip196.decodeG2(in));
        assertTrue(e.getMessage().contains("subgroup"), e.getMessage());
    }
}
