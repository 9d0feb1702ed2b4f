package io.zkmargin.circuits.circom;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The iden3 binfileutils container: 4-byte magic, u32 version, u32 section count, then sections (u32 type,
 * u64 size, payload), all little-endian. Sections of unknown type are kept aside and ignored by the readers.
 */
final class BinFile {
    /** Payload bounds of each known section type (start, end). */
    final Map<Integer, int[]> sections = new HashMap<>();
    final int version;
    final byte[] data;

    private BinFile(byte[] data, int version) {
        this.data = data;
        this.version = version;
    }

    static BinFile parse(byte[] data, String magic, int... knownTypes) {
        if (data == null || data.length < 12) throw new IllegalArgumentException(magic + " file truncated: no header");
        String m = new String(data, 0, 4, StandardCharsets.ISO_8859_1);
        if (!m.equals(magic)) throw new IllegalArgumentException("not a ." + magic + " file: bad magic");
        ByteBuffer bb = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int version = bb.getInt(4);
        long count = Integer.toUnsignedLong(bb.getInt(8));
        BinFile f = new BinFile(data, version);
        long pos = 12;
        for (long i = 0; i < count; i++) {
            if (pos + 12 > data.length) throw new IllegalArgumentException(magic + " file truncated in section header " + i);
            int type = bb.getInt((int) pos);
            long size = bb.getLong((int) pos + 4);
            pos += 12;
            if (size < 0 || size > data.length - pos) {
                throw new IllegalArgumentException(magic + " file truncated: section " + type + " declares " + size + " bytes");
            }
            for (int k : knownTypes) {
                if (k == type && f.sections.put(type, new int[] {(int) pos, (int) (pos + size)}) != null) {
                    throw new IllegalArgumentException(magic + " file has section " + type + " twice");
                }
            }
            pos += size;
        }
        return f;
    }

    /** A little-endian reader over one section's payload that reports truncation clearly. */
    Reader section(int type, String what) {
        int[] b = sections.get(type);
        if (b == null) throw new IllegalArgumentException("missing " + what + " section (type " + type + ")");
        return new Reader(data, b[0], b[1], what);
    }

    static final class Reader {
        private final ByteBuffer bb;
        private final int end;
        private final String what;
        private int pos;

        Reader(byte[] data, int start, int end, String what) {
            this.bb = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            this.pos = start;
            this.end = end;
            this.what = what;
        }

        private void need(long n) {
            if (n > end - pos) throw new IllegalArgumentException(what + " section truncated");
        }

        int u32() {
            need(4);
            int v = bb.getInt(pos);
            pos += 4;
            return v;
        }

        /** A u32 that must fit a non-negative int. */
        int count(String name) {
            int v = u32();
            if (v < 0) throw new IllegalArgumentException(what + ": " + name + " too large");
            return v;
        }

        long u64() {
            need(8);
            long v = bb.getLong(pos);
            pos += 8;
            return v;
        }

        int position() {
            return pos;
        }

        void skip(long n) {
            need(n);
            pos += (int) n;
        }

        BigInteger unsignedLE(int n) {
            need(n);
            byte[] be = new byte[n];
            for (int i = 0; i < n; i++) be[i] = bb.get(pos + n - 1 - i);
            pos += n;
            return new BigInteger(1, be);
        }

        boolean atEnd() {
            return pos == end;
        }

        int remaining() {
            return end - pos;
        }
    }

    /** Writes a container: magic, version, then the given sections in order. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int count;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final String magic;
        private final int version;

        Writer(String magic, int version) {
            this.magic = magic;
            this.version = version;
        }

        void section(int type, byte[] payload) {
            ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(type).putLong(payload.length);
            body.writeBytes(h.array());
            body.writeBytes(payload);
            count++;
        }

        byte[] toBytes() {
            out.reset();
            out.writeBytes(magic.getBytes(StandardCharsets.ISO_8859_1));
            ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(version).putInt(count);
            out.writeBytes(h.array());
            out.writeBytes(body.toByteArray());
            return out.toByteArray();
        }
    }

    /** The prime as n8 little-endian bytes. */
    static byte[] primeLE(BigInteger p, int n8) {
        byte[] r = new byte[n8];
        for (int i = 0; i < n8; i++) r[i] = p.shiftRight(8 * i).byteValue();
        return r;
    }
}
