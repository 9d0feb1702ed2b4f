package io.zkmargin.crypto.encoding;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fp;
import io.zkmargin.crypto.field.Fp2;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** snarkjs decimal point notation: round trips, infinity, and rejection of malformed input. */
class DecimalPointsTest {

    @Test
    void roundTrips() {
        G1Affine p = G1Affine.GENERATOR.mul(BigInteger.valueOf(12345));
        G2Affine q = G2Affine.GENERATOR.mul(BigInteger.valueOf(6789));
        assertEquals(p, DecimalPoints.g1(DecimalPoints.toDecimal(p)));
        assertEquals(q, DecimalPoints.g2(DecimalPoints.toDecimal(q)));
        assertEquals(List.of("1", "2", "1"), DecimalPoints.toDecimal(G1Affine.GENERATOR));
        assertEquals(G1Affine.INFINITY, DecimalPoints.g1(DecimalPoints.toDecimal(G1Affine.INFINITY)));
        assertEquals(G2Affine.INFINITY, DecimalPoints.g2(DecimalPoints.toDecimal(G2Affine.INFINITY)));
        assertEquals("10857046999023057135944570762232829481370756359578518086990519993285655852781",
                DecimalPoints.toDecimal(G2Affine.GENERATOR).get(0).get(0)); // real part first
    }

    @Test
    void malformed_throws() {
        assertThrows(EncodingException.class, () -> DecimalPoints.g1(List.of("1", "2")));
        assertThrows(EncodingException.class, () -> DecimalPoints.g1(List.of("1", "3", "1")));
        assertThrows(EncodingException.class, () -> DecimalPoints.g1(List.of("1", "2", "2")));
        assertThrows(EncodingException.class, () -> DecimalPoints.g1(List.of("01", "2", "1")));
        assertThrows(EncodingException.class, () -> DecimalPoints.g1(List.of("0x1", "2", "1")));
        assertThrows(EncodingException.class, () -> DecimalPoints.g1(List.of(Fp.MODULUS.add(BigInteger.ONE).toString(), "2", "1")));
        Fp2[] xy = TestPoints.twistPointOutsideSubgroup();
        List<List<String>> bad = List.of(
                List.of(xy[0].c0().toDecimalString(), xy[0].c1().toDecimalString()),
                List.of(xy[1].c0().toDecimalString(), xy[1].c1().toDecimalString()),
                List.of("1", "0"));
        EncodingException e = assertThrows(EncodingException.class, () -> DecimalPoints.g2(bad));
        assertTrue(e.getMessage().contains("subgroup"), e.getMessage());
    }
}
