package io.zkmargin.circuits.circom;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.crypto.field.Fr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * circom/snarkjs .wtns version 2: section 1 (n8, prime, witness count), section 2 (the values, 32 bytes
 * little-endian each, standard form). Witness values are secret: errors never quote them.
 */
public final class WtnsFile {
    static final String MAGIC = "wtns";
    static final int VERSION = 2;
    static final int HEADER = 1, VALUES = 2;

    private WtnsFile() {
    }

    /** Decodes all values of a .wtns file (wire 0 must be one). */
    public static Fr[] readValues(byte[] data) {
        BinFile f = BinFile.parse(data, MAGIC, HEADER, VALUES);
        if (f.version != VERSION) throw new IllegalArgumentException("unsupported wtns version " + f.version);
        BinFile.Reader h = f.section(HEADER, "wtns header");
        int n8 = h.u32();
        if (n8 != Fr.BYTES) throw new IllegalArgumentException("wtns field size " + n8 + " is not 32 bytes");
        if (!h.unsignedLE(n8).equals(Fr.MODULUS)) throw new IllegalArgumentException("wtns prime is not the BN254 scalar field");
        int n = h.count("nWitness");
        if (!h.atEnd()) throw new IllegalArgumentException("wtns header section has trailing bytes");
        BinFile.Reader v = f.section(VALUES, "wtns values");
        if (v.remaining() != (long) n * Fr.BYTES) {
            throw new IllegalArgumentException("wtns values section holds " + v.remaining() + " bytes for " + n + " values");
        }
        if (n < 1) throw new IllegalArgumentException("wtns file has no values");
        Fr[] r = new Fr[n];
        for (int i = 0; i < n; i++) {
            int off = v.position();
            v.skip(Fr.BYTES);
            try {
                r[i] = Fr.fromBytesLE(data, off);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("wtns value " + i + " is not below the prime", e);
            }
        }
        if (!r[0].isOne()) throw new IllegalArgumentException("wtns value 0 is not one");
        return r;
    }

    /** Decodes a .wtns file as the witness of {@code r1cs} (the value count must equal its wire count). */
    public static Witness read(byte[] data, R1cs r1cs) {
        Fr[] v = readValues(data);
        if (v.length != r1cs.nWires()) {
            throw new IllegalArgumentException("wtns has " + v.length + " values, the R1CS has " + r1cs.nWires() + " wires");
        }
        return Witness.of(v, r1cs.nPublic());
    }

    public static Witness read(Path path, R1cs r1cs) throws IOException {
        return read(Files.readAllBytes(path), r1cs);
    }

    /** Encodes a witness as a .wtns v2 file. */
    public static byte[] write(Witness w) {
        BinFile.Writer out = new BinFile.Writer(MAGIC, VERSION);
        ByteBuffer h = ByteBuffer.allocate(4 + Fr.BYTES + 4).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(Fr.BYTES).put(BinFile.primeLE(Fr.MODULUS, Fr.BYTES)).putInt(w.size());
        out.section(HEADER, h.array());
        byte[] vals = new byte[Fr.BYTES * w.size()];
        for (int i = 0; i < w.size(); i++) System.arraycopy(w.get(i).toBytesLE(), 0, vals, Fr.BYTES * i, Fr.BYTES);
        out.section(VALUES, vals);
        return out.toBytes();
    }

    public static void write(Witness w, Path path) throws IOException {
        Files.write(path, write(w));
    }
}
