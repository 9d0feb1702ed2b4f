package io.zkmargin.circuits.circom;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.crypto.field.Fr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * circom .r1cs version 1: section 1 header, section 2 constraints (A, B, C linear combinations with
 * coefficients in standard form), section 3 wire-to-label map. Other sections (custom gates) are ignored.
 * Written files put the sections in the order 1, 2, 3.
 */
public final class R1csFile {
    static final String MAGIC = "r1cs";
    static final int VERSION = 1;
    static final int HEADER = 1, CONSTRAINTS = 2, WIRE_MAP = 3;
    private static final int TERM_BYTES = 4 + Fr.BYTES;

    private R1csFile() {
    }

    public static R1cs read(Path path) throws IOException {
        return read(Files.readAllBytes(path));
    }

    /** Decodes a .r1cs file; throws {@link IllegalArgumentException} on any malformed or foreign content. */
    public static R1cs read(byte[] data) {
        BinFile f = BinFile.parse(data, MAGIC, HEADER, CONSTRAINTS, WIRE_MAP);
        if (f.version != VERSION) throw new IllegalArgumentException("unsupported r1cs version " + f.version);
        BinFile.Reader h = f.section(HEADER, "r1cs header");
        int n8 = h.u32();
        if (n8 != Fr.BYTES) throw new IllegalArgumentException("r1cs field size " + n8 + " is not 32 bytes");
        if (!h.unsignedLE(n8).equals(Fr.MODULUS)) {
            throw new IllegalArgumentException("r1cs prime is not the BN254 scalar field");
        }
        int nWires = h.count("nWires");
        int nPubOut = h.count("nPubOut");
        int nPubIn = h.count("nPubIn");
        int nPrvIn = h.count("nPrvIn");
        long nLabels = h.u64();
        int nConstraints = h.count("nConstraints");
        if (!h.atEnd()) throw new IllegalArgumentException("r1cs header section has trailing bytes");
        if (nLabels < 0) throw new IllegalArgumentException("r1cs label count too large");

        BinFile.Reader c = f.section(CONSTRAINTS, "r1cs constraints");
        // every constraint takes at least 12 bytes: refuse counts the section cannot hold before allocating
        if ((long) nConstraints * 12 > c.remaining()) throw new IllegalArgumentException("r1cs constraints section truncated");
        int maxTerms = c.remaining() / TERM_BYTES;
        int[][] starts = new int[3][nConstraints + 1];
        int[][] wires = new int[3][];
        long[][] coeffs = new long[3][];
        int[] used = new int[3];
        for (int m = 0; m < 3; m++) {
            wires[m] = new int[Math.min(maxTerms, 1024)];
            coeffs[m] = new long[4 * wires[m].length];
        }
        for (int i = 0; i < nConstraints; i++) {
            for (int m = 0; m < 3; m++) {
                int n = c.count("term count");
                if ((long) n * TERM_BYTES > c.remaining()) throw new IllegalArgumentException("r1cs constraints section truncated");
                starts[m][i] = used[m];
                if (used[m] + n > wires[m].length) {
                    int cap = (int) Math.min(maxTerms, Math.max(2L * wires[m].length, used[m] + (long) n));
                    wires[m] = Arrays.copyOf(wires[m], cap);
                    coeffs[m] = Arrays.copyOf(coeffs[m], 4 * cap);
                }
                for (int t = 0; t < n; t++) {
                    int w = c.u32();
                    if (w < 0 || w >= nWires) {
                        throw new IllegalArgumentException("r1cs constraint " + i + " refers to wire " + Integer.toUnsignedString(w)
                                + " of " + nWires);
                    }
                    int off = c.position();
                    c.skip(Fr.BYTES);
                    Fr k = Fr.fromBytesLE(data, off); // rejects coefficients not below the prime
                    wires[m][used[m]] = w;
                    k.writeMont(coeffs[m], 4 * used[m]);
                    used[m]++;
                }
            }
        }
        if (!c.atEnd()) throw new IllegalArgumentException("r1cs constraints section has trailing bytes");
        R1cs.Matrix[] mats = new R1cs.Matrix[3];
        for (int m = 0; m < 3; m++) {
            starts[m][nConstraints] = used[m];
            mats[m] = R1cs.Matrix.of(starts[m], Arrays.copyOf(wires[m], used[m]),
                    Arrays.copyOf(coeffs[m], 4 * used[m]));
        }
        long[] map = null;
        if (f.sections.containsKey(WIRE_MAP)) {
            BinFile.Reader mr = f.section(WIRE_MAP, "r1cs wire-to-label map");
            if (mr.remaining() != 8L * nWires) throw new IllegalArgumentException("r1cs wire-to-label map has the wrong size");
            map = new long[nWires];
            for (int i = 0; i < nWires; i++) map[i] = mr.u64();
        }
        return R1cs.of(nWires, nPubOut, nPubIn, nPrvIn, mats[0], mats[1], mats[2], map, nLabels);
    }

    public static void write(R1cs r, Path path) throws IOException {
        Files.write(path, write(r));
    }

    /** Encodes {@code r} as a .r1cs v1 file (sections 1, 2, 3). */
    public static byte[] write(R1cs r) {
        BinFile.Writer w = new BinFile.Writer(MAGIC, VERSION);
        ByteBuffer h = ByteBuffer.allocate(4 + Fr.BYTES + 16 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(Fr.BYTES).put(BinFile.primeLE(Fr.MODULUS, Fr.BYTES));
        h.putInt(r.nWires()).putInt(r.nPubOut()).putInt(r.nPubIn()).putInt(r.nPrvIn()).putLong(r.nLabels())
                .putInt(r.nConstraints());
        w.section(HEADER, h.array());

        R1cs.Matrix[] ms = {r.a(), r.b(), r.c()};
        long total = 0;
        for (R1cs.Matrix m : ms) total += 4L * m.rows() + (long) TERM_BYTES * m.terms();
        if (total > Integer.MAX_VALUE - 64) throw new IllegalArgumentException("R1CS too large for one .r1cs section here");
        ByteBuffer cb = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        int[][] starts = {ms[0].rowStarts(), ms[1].rowStarts(), ms[2].rowStarts()};
        int[][] wires = {ms[0].wires(), ms[1].wires(), ms[2].wires()};
        for (int i = 0; i < r.nConstraints(); i++) {
            for (int m = 0; m < 3; m++) {
                cb.putInt(starts[m][i + 1] - starts[m][i]);
                for (int t = starts[m][i]; t < starts[m][i + 1]; t++) {
                    cb.putInt(wires[m][t]);
                    cb.put(ms[m].coeff(t).toBytesLE());
                }
            }
        }
        w.section(CONSTRAINTS, cb.array());

        ByteBuffer mb = ByteBuffer.allocate(8 * r.nWires()).order(ByteOrder.LITTLE_ENDIAN);
        for (long l : r.wireToLabel()) mb.putLong(l);
        w.section(WIRE_MAP, mb.array());
        return w.toBytes();
    }
}
