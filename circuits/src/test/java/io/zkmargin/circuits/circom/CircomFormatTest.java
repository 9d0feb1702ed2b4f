package io.zkmargin.circuits.circom;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.crypto.field.Fr;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class CircomFormatTest {
    private static byte[] r1cs() throws IOException {
        return CircomInteropTest.resource("interop.r1cs");
    }

    private static byte[] wtns() throws IOException {
        return CircomInteropTest.resource("interop.wtns");
    }

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    /** Offset of the payload of the first section of this type. */
    private static int sectionPayload(byte[] f, int type) {
        ByteBuffer bb = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        for (int i = 0; i < bb.getInt(8); i++) {
            if (bb.getInt(pos) == type) return pos + 12;
            pos += 12 + (int) bb.getLong(pos + 4);
        }
        throw new AssertionError("no section " + type);
    }

    @Test
    void badMagic_throws() throws IOException {
        byte[] f = r1cs();
        f[0] = 'x';
        byte[] r = r1cs(), w = wtns();
        assertTrue(error(() -> R1csFile.read(f)).contains("magic"));
        assertTrue(error(() -> WtnsFile.readValues(r)).contains("magic"));
        assertTrue(error(() -> R1csFile.read(w)).contains("magic"));
    }

    @Test
    void wrongVersion_throws() throws IOException {
        byte[] f = r1cs();
        f[4] = 2;
        assertTrue(error(() -> R1csFile.read(f)).contains("version"));
        byte[] w = wtns();
        w[4] = 1;
        assertTrue(error(() -> WtnsFile.readValues(w)).contains("version"));
    }

    @Test
    void wrongPrime_throws() throws IOException {
        byte[] f = r1cs();
        f[sectionPayload(f, 1) + 4] ^= 1; // lowest prime byte
        assertTrue(error(() -> R1csFile.read(f)).contains("prime"));
        byte[] w = wtns();
        w[sectionPayload(w, 1) + 4 + 31] ^= 0x40;
        assertTrue(error(() -> WtnsFile.readValues(w)).contains("prime"));
    }

    @Test
    void everyTruncation_throwsIllegalArgument() throws IOException {
        byte[] f = r1cs();
        for (int n = 0; n < f.length; n++) {
            byte[] cut = Arrays.copyOf(f, n);
            assertThrows(IllegalArgumentException.class, () -> R1csFile.read(cut), "length " + n);
        }
        byte[] w = wtns();
        for (int n = 0; n < w.length; n++) {
            byte[] cut = Arrays.copyOf(w, n);
            assertThrows(IllegalArgumentException.class, () -> WtnsFile.readValues(cut), "length " + n);
        }
    }

    @Test
    void unknownSection_isIgnored() throws IOException {
        byte[] f = r1cs();
        byte[] extra = new byte[f.length + 12 + 5];
        System.arraycopy(f, 0, extra, 0, f.length);
        ByteBuffer bb = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(8, bb.getInt(8) + 1);
        bb.putInt(f.length, 4).putLong(f.length + 4, 5);
        assertEquals(R1csFile.read(f), R1csFile.read(extra));
    }

    @Test
    void coefficientNotBelowPrime_throws() throws IOException {
        byte[] f = r1cs();
        int p = sectionPayload(f, 2);
        // first constraint's A: nTerms u32, then wire u32, then the 32-byte coefficient: make it all 0xff
        int nTerms = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).getInt(p);
        assertTrue(nTerms > 0);
        Arrays.fill(f, p + 8, p + 8 + 32, (byte) 0xff);
        assertThrows(IllegalArgumentException.class, () -> R1csFile.read(f));
    }

    @Test
    void wireOutOfRange_throws() throws IOException {
        byte[] f = r1cs();
        int p = sectionPayload(f, 2);
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(p + 4, 15);
        assertTrue(error(() -> R1csFile.read(f)).contains("wire 15"));
    }

    @Test
    void hugeDeclaredCounts_throwWithoutAllocating() throws IOException {
        byte[] f = r1cs();
        int h = sectionPayload(f, 1);
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(h + 4 + 32 + 4 * 4 + 8, Integer.MAX_VALUE);
        assertTrue(error(() -> R1csFile.read(f)).contains("truncated"));
    }

    @Test
    void wtnsCountMismatch_throws() throws IOException {
        R1cs small = R1csFile.read(R1csFile.write(io.zkmargin.circuits.Compiler.compile(api -> api.assertBoolean(api.secretInput("b"))).r1cs()));
        byte[] w = wtns();
        assertTrue(error(() -> WtnsFile.read(w, small)).contains("wires"));
    }

    @Test
    void wtnsFirstValueNotOne_throws() throws IOException {
        byte[] w = wtns();
        w[sectionPayload(w, 2)] = 2;
        assertTrue(error(() -> WtnsFile.readValues(w)).contains("one"));
    }

    @Test
    void wtnsValueNotBelowPrime_throwsWithoutQuotingIt() throws IOException {
        byte[] w = wtns();
        int v3 = sectionPayload(w, 2) + 3 * 32;
        Arrays.fill(w, v3, v3 + 32, (byte) 0xff);
        String msg = error(() -> WtnsFile.readValues(w));
        assertTrue(msg.contains("value 3"));
        assertFalse(msg.matches(".*\\d{20,}.*"));
    }

    @Test
    void writtenHeaderFieldsAreLittleEndian() {
        R1cs r = io.zkmargin.circuits.Compiler.compile(api -> api.assertBoolean(api.publicInput("b"))).r1cs();
        ByteBuffer bb = ByteBuffer.wrap(R1csFile.write(r)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, bb.getInt(4));
        assertEquals(3, bb.getInt(8));
        assertEquals(1, bb.getInt(12));          // header section first
        assertEquals(32, bb.getInt(24));         // n8
        assertEquals(Fr.MODULUS.testBit(0) ? 1 : 0, bb.get(28) & 1);
        assertEquals(2, bb.getInt(60));          // nWires
        assertEquals(0, bb.getInt(64));          // nPubOut
        assertEquals(1, bb.getInt(68));          // nPubIn
    }
}
