package io.zkmargin.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.groth16.VerifyingKey;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VerifyingKeyEncodingTest {
    private final VerifyingKey vk = SnarkjsJson.readVerifyingKey(Fixtures.text("verification_key.json"));

    @Test
    void roundTrip() {
        byte[] enc = VerifyingKeyEncoding.encode(vk);
        assertEquals(12 + 64 + 3 * 128 + 4 * 64 + 32, enc.length);
        assertEquals(vk, VerifyingKeyEncoding.decode(enc));
    }

    @Test
    void truncated_throws() {
        byte[] enc = VerifyingKeyEncoding.encode(vk);
        for (int len : new int[] {0, 10, 44, enc.length - 1, enc.length - 33}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> VerifyingKeyEncoding.decode(Arrays.copyOf(enc, len)));
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("checksum"), e.getMessage());
        }
    }

    @Test
    void corruptedByte_throwsChecksum() {
        byte[] enc = VerifyingKeyEncoding.encode(vk);
        for (int pos : new int[] {20, 100, 400, enc.length - 1}) {
            byte[] bad = enc.clone();
            bad[pos] ^= 0x10;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VerifyingKeyEncoding.decode(bad));
            assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        }
    }

    @Test
    void wrongMagicVersionOrCurve_throws() {
        byte[] enc = VerifyingKeyEncoding.encode(vk);
        byte[] magic = enc.clone();
        magic[0] = 'X';
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VerifyingKeyEncoding.decode(magic))
                .getMessage().contains("magic"));
        byte[] version = enc.clone();
        version[5] = 2;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VerifyingKeyEncoding.decode(version))
                .getMessage().contains("version"));
        byte[] curve = enc.clone();
        curve[7] = 9;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VerifyingKeyEncoding.decode(curve))
                .getMessage().contains("curve"));
    }

    @Test
    void gammaEqualDelta_rejected() {
        assertThrows(IllegalArgumentException.class,
                () -> VerifyingKey.of(vk.alpha(), vk.beta(), vk.delta(), vk.delta(), vk.ic()));
        assertThrows(IllegalArgumentException.class,
                () -> VerifyingKey.of(vk.alpha(), vk.beta(), vk.gamma(), vk.delta(), java.util.List.of()));
    }
}
