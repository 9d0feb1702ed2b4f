package io.zkmargin.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProofEncodingTest {
    private static final Proof PROOF = SnarkjsJson.readProof(Fixtures.text("proof.json"));

    @Test
    void compressedAndRaw_roundTrip() {
        byte[] c = ProofEncoding.compressed(PROOF);
        byte[] r = ProofEncoding.raw(PROOF);
        assertEquals(128, c.length);
        assertEquals(256, r.length);
        assertEquals(PROOF, ProofEncoding.decode(c));
        assertEquals(PROOF, ProofEncoding.decode(r));
        // compressed flags: top two bits 0b10 or 0b11 on each point
        for (int off : new int[] {0, 32, 96}) {
            assertTrue((c[off] & 0x80) != 0, "flag at " + off);
        }
    }

    @Test
    void raw_isEip197Order() {
        byte[] r = ProofEncoding.raw(PROOF);
        // A.x, then B.x imaginary part first, then C.y last (independent of our codec: from proof.json decimals)
        assertEquals(PROOF.a().x().toBigInteger(), new BigInteger(1, Arrays.copyOfRange(r, 0, 32)));
        assertEquals(PROOF.b().x().c1().toBigInteger(), new BigInteger(1, Arrays.copyOfRange(r, 64, 96)));
        assertEquals(PROOF.b().x().c0().toBigInteger(), new BigInteger(1, Arrays.copyOfRange(r, 96, 128)));
        assertEquals(PROOF.c().y().toBigInteger(), new BigInteger(1, Arrays.copyOfRange(r, 224, 256)));
        assertArrayEquals(SolidityVerifier.callData(PROOF, new Fr[0]).getBytes(),
                SolidityVerifier.callData(ProofEncoding.decode(r), new Fr[0]).getBytes());
    }

    @Test
    void g2PointOutsideSubgroup_throws() {
        // a point on the twist found by trial: the twist has cofactor 2p - r, so it is almost surely outside G2
        io.zkmargin.crypto.field.Fp2 x = io.zkmargin.crypto.field.Fp2.ONE;
        java.util.Optional<io.zkmargin.crypto.field.Fp2> y;
        while ((y = x.square().mul(x).add(io.zkmargin.crypto.curve.G2Affine.B).sqrt()).isEmpty()) {
            x = x.add(io.zkmargin.crypto.field.Fp2.ONE);
        }
        byte[] r = ProofEncoding.raw(PROOF);
        byte[][] coords = {x.c1().toBytesBE(), x.c0().toBytesBE(), y.get().c1().toBytesBE(), y.get().c0().toBytesBE()};
        for (int i = 0; i < 4; i++) {
            System.arraycopy(coords[i], 0, r, 64 + 32 * i, 32);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProofEncoding.decode(r));
        assertTrue(e.getMessage().contains("subgroup"), e.getMessage());
    }

    @Test
    void malformed_throws() {
        assertThrows(IllegalArgumentException.class, () -> ProofEncoding.decode(new byte[100]));
        assertThrows(IllegalArgumentException.class, () -> ProofEncoding.decode(null));
        byte[] r = ProofEncoding.raw(PROOF);
        r[255] ^= 1;   // C off the curve
        assertThrows(IllegalArgumentException.class, () -> ProofEncoding.decode(r));
        byte[] c = ProofEncoding.compressed(PROOF);
        c[0] = (byte) (c[0] & 0x3F);   // compressed length but uncompressed flag
        assertThrows(IllegalArgumentException.class, () -> ProofEncoding.decode(c));
        byte[] big = ProofEncoding.raw(PROOF);
        Arrays.fill(big, 0, 32, (byte) 0xFF);   // x >= p (and flag bits)
        assertThrows(IllegalArgumentException.class, () -> ProofEncoding.decode(big));
    }
}
