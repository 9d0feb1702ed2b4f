package io.zkmargin.prover.ceremony;

import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.field.Fr;

import java.util.Random;

/** Secret-scalar helpers on long[] buffers (callers wipe them). */
final class Secrets {
    private Secrets() {
    }

    /** Uniform non-zero element of Fr into buf[off..] (Montgomery form), by rejection sampling. */
    static void sampleNonZero(Random rnd, long[] buf, int off) {
        do {
            buf[off] = rnd.nextLong();
            buf[off + 1] = rnd.nextLong();
            buf[off + 2] = rnd.nextLong();
            buf[off + 3] = rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL;
        } while (!Fr.isCanonical(buf[off], buf[off + 1], buf[off + 2], buf[off + 3])
                || (buf[off] | buf[off + 1] | buf[off + 2] | buf[off + 3]) == 0);
        Fr.toMont(buf, off);
    }

    static void fromMontAll(long[] buf) {
        for (int i = 0; i < buf.length; i += 4) {
            Fr.fromMont(buf, i);
        }
    }

    /** s_i * G1 for the first count canonical scalars. */
    static long[] fixedBaseG1(long[] canon, int count) {
        long[] base = new long[8 * count];
        long[] g = new long[8];
        G1Affine.GENERATOR.writePacked(g, 0);
        for (int i = 0; i < count; i++) {
            System.arraycopy(g, 0, base, 8 * i, 8);
        }
        return ScalarMul.g1Many(base, canon, 4);
    }

    /** s_i * G2 for the first count canonical scalars. */
    static long[] fixedBaseG2(long[] canon, int count) {
        long[] out = new long[16 * count];
        for (int i = 0; i < count; i++) {
            ScalarMul.g2(G2Affine.GENERATOR, canon, 4 * i).writePacked(out, 16 * i);
        }
        return out;
    }
}
