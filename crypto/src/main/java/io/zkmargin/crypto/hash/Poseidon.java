package io.zkmargin.crypto.hash;

import io.zkmargin.crypto.field.Fr;
import java.util.List;
import java.util.Objects;

/**
 * circomlib-compatible Poseidon hash over the BN254 scalar field.
 *
 * <p>{@code hash(x_1..x_n)} for n = 1..16 uses width t = n + 1, initial state [0, x_1, ..., x_n],
 * 8 full and R_P(t) partial rounds of (add constants, x^5 S-box, MDS), and returns state[0]; it
 * equals circomlib's {@code Poseidon(n)} template and circomlibjs {@code poseidon}.
 * {@link #hashMany} extends this to any number of inputs. The {@code long[]} methods are the
 * allocation-free form for witness generation (Montgomery limbs, as {@link Fr#writeMont}).
 */
public final class Poseidon {
    /** Largest number of inputs of one permutation. */
    public static final int MAX_INPUTS = PoseidonConstants.MAX_WIDTH - 1;
    /** Elements absorbed per link of {@link #hashMany} (the 16th slot carries the chaining value). */
    public static final int CHUNK = MAX_INPUTS - 1;

    private Poseidon() {}

    /** Poseidon of 1..16 field elements. */
    public static Fr hash(Fr... inputs) {
        return hash(List.of(inputs));
    }

    /** Poseidon of 1..16 field elements. */
    public static Fr hash(List<Fr> inputs) {
        int n = inputs.size();
        PoseidonConstants c = PoseidonConstants.forInputs(n);
        long[] in = new long[4 * n];
        for (int i = 0; i < n; i++) Objects.requireNonNull(inputs.get(i), "Poseidon input is null").writeMont(in, 4 * i);
        long[] out = new long[4];
        hash(c, in, 0, n, out, 0, new long[scratchLength(n)]);
        return Fr.readMont(out, 0);
    }

    /**
     * Hash of any number of elements (including none), chaining 15 elements per permutation:
     * {@code acc = n} (the length, as a field element), then for each chunk of up to 15 consecutive
     * elements {@code acc = hash(acc, chunk...)}; an empty input is one empty chunk, so
     * {@code hashMany() = hash(0)}. The length prefix keeps inputs of different lengths apart.
     * Cost: ceil(n / 15) permutations, all of width 17 except possibly the last.
     */
    public static Fr hashMany(List<Fr> inputs) {
        int n = inputs.size();
        long[] in = new long[4 * n];
        for (int i = 0; i < n; i++) Objects.requireNonNull(inputs.get(i), "Poseidon input is null").writeMont(in, 4 * i);
        long[] out = new long[4];
        hashMany(in, 0, n, out, 0);
        return Fr.readMont(out, 0);
    }

    /** {@link #hashMany(List)} on {@code n} Montgomery-form elements at {@code in[inOff..]}. */
    public static void hashMany(long[] in, int inOff, int n, long[] out, int outOff) {
        if (n < 0) throw new IllegalArgumentException("negative input count");
        checkRange(in, inOff, 4L * n);
        checkRange(out, outOff, 4);
        checkCanonical(in, inOff, n);
        long[] buf = new long[4 * MAX_INPUTS];
        long[] scratch = new long[scratchLength(MAX_INPUTS)];
        Fr.of(n).writeMont(buf, 0);
        int pos = 0;
        do {
            int k = Math.min(CHUNK, n - pos);
            System.arraycopy(in, inOff + 4 * pos, buf, 4, 4 * k);
            hash(PoseidonConstants.forInputs(k + 1), buf, 0, k + 1, buf, 0, scratch);
            pos += k;
        } while (pos < n);
        System.arraycopy(buf, 0, out, outOff, 4);
    }

    /** Scratch longs needed by {@link #hash(long[], int, int, long[], int, long[])} for n inputs. */
    public static int scratchLength(int n) {
        return 8 * (n + 1) + 4;
    }

    /**
     * Poseidon of {@code n} (1..16) Montgomery-form elements at {@code in[inOff..]}, written to
     * {@code out[outOff..outOff+3]} (which may overlap the input). {@code scratch} must hold
     * {@link #scratchLength(int)} longs; reusing it across calls avoids allocation.
     */
    public static void hash(long[] in, int inOff, int n, long[] out, int outOff, long[] scratch) {
        PoseidonConstants c = PoseidonConstants.forInputs(n);
        checkRange(in, inOff, 4L * n);
        checkRange(out, outOff, 4);
        if (scratch.length < scratchLength(n)) throw new IllegalArgumentException("scratch too short: need " + scratchLength(n) + " longs");
        checkCanonical(in, inOff, n);
        hash(c, in, inOff, n, out, outOff, scratch);
    }

    private static void checkCanonical(long[] in, int inOff, int n) {
        for (int i = 0; i < 4 * n; i += 4) {
            if (!Fr.isCanonical(in[inOff + i], in[inOff + i + 1], in[inOff + i + 2], in[inOff + i + 3])) {
                throw new IllegalArgumentException("Poseidon input " + i / 4 + " is not a reduced field element");
            }
        }
    }

    private static void checkRange(long[] a, int off, long len) {
        if (off < 0 || off + len > a.length) throw new IndexOutOfBoundsException("buffer too short");
    }

    /** Unchecked core: state in scratch[0..4t), MDS output in scratch[4t..8t), S-box temp at 8t. */
    static void hash(PoseidonConstants c, long[] in, int inOff, int n, long[] out, int outOff, long[] scratch) {
        long[] s = scratch;
        s[0] = 0; s[1] = 0; s[2] = 0; s[3] = 0;
        System.arraycopy(in, inOff, s, 4, 4 * n);
        permute(c, s);
        System.arraycopy(s, 0, out, outOff, 4);
    }

    /**
     * Poseidon of two Montgomery-form elements (a Merkle node), unchecked: the caller guarantees
     * reduced inputs and a scratch of {@code scratchLength(2)} longs.
     */
    static void hash2(long[] a, int ao, long[] b, int bo, long[] out, int outOff, long[] scratch) {
        scratch[0] = 0; scratch[1] = 0; scratch[2] = 0; scratch[3] = 0;
        System.arraycopy(a, ao, scratch, 4, 4);
        System.arraycopy(b, bo, scratch, 8, 4);
        permute(PoseidonConstants.forWidth(3), scratch);
        System.arraycopy(scratch, 0, out, outOff, 4);
    }

    /**
     * The Poseidon permutation on the state in s[0..4t), using s[4t..8t+4) as work space: full
     * rounds as specified, partial rounds in the equivalent sparse form of {@link PoseidonConstants}
     * (2t - 1 multiplications for the linear layer instead of t^2).
     */
    static void permute(PoseidonConstants c, long[] s) {
        int t = c.width();
        int w = 4 * t;
        int tmp = 8 * t;
        long[] rc = c.rcMont;
        int half = PoseidonConstants.FULL_ROUNDS / 2;
        int rp = c.partialRounds();
        for (int r = 0; r < half; r++) {
            for (int i = 0; i < w; i += 4) {
                Fr.add(s, i, s, i, rc, r * w + i);
                pow5(s, i, tmp);
            }
            if (r < half - 1) {
                mix(s, c.mdsMont, w, tmp);
            } else {
                mix(s, c.mixFirst, w, tmp);
                for (int i = 0; i < w; i += 4) Fr.add(s, i, s, i, c.addFirst, i);
            }
        }
        long[] pre = c.pre, post = c.post, row = c.sparseRow, col = c.sparseCol;
        for (int k = 0; k < rp; k++) {
            Fr.add(s, 0, s, 0, pre, 4 * k);
            pow5(s, 0, tmp);
            Fr.add(s, 0, s, 0, post, 4 * k);
            // new x0 = row . x (into s[w]); x_i += col_i * old x0
            int ro = k * w;
            Fr.mul(s, w, row, ro, s, 0);
            for (int j = 4; j < w; j += 4) {
                Fr.mul(s, tmp, row, ro + j, s, j);
                Fr.add(s, w, s, w, s, tmp);
            }
            int co = k * (w - 4) - 4;
            for (int i = 4; i < w; i += 4) {
                Fr.mul(s, tmp, col, co + i, s, 0);
                Fr.add(s, i, s, i, s, tmp);
            }
            s[0] = s[w]; s[1] = s[w + 1]; s[2] = s[w + 2]; s[3] = s[w + 3];
        }
        for (int r = half + rp; r < c.rounds(); r++) {
            for (int i = 0; i < w; i += 4) {
                Fr.add(s, i, s, i, rc, r * w + i);
                pow5(s, i, tmp);
            }
            mix(s, c.mdsMont, w, tmp);
        }
    }

    /** s[0..w) = m * s[0..w), via s[w..2w) and one temp element at {@code tmp}. */
    private static void mix(long[] s, long[] m, int w, int tmp) {
        int mOff = 0;
        for (int i = 0; i < w; i += 4) {
            Fr.mul(s, w + i, m, mOff, s, 0);
            mOff += 4;
            for (int j = 4; j < w; j += 4, mOff += 4) {
                Fr.mul(s, tmp, m, mOff, s, j);
                Fr.add(s, w + i, s, w + i, s, tmp);
            }
        }
        System.arraycopy(s, w, s, 0, w);
    }

    /** The permutation exactly as specified (t^2 linear layer in every round); the model for tests. */
    static void permuteReference(PoseidonConstants c, long[] s) {
        int t = c.width();
        int w = 4 * t;          // MDS output
        int tmp = 8 * t;        // one element of temp
        long[] rc = c.rcMont;
        long[] m = c.mdsMont;
        int rounds = c.rounds();
        int half = PoseidonConstants.FULL_ROUNDS / 2;
        int rcOff = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < w; i += 4, rcOff += 4) Fr.add(s, i, s, i, rc, rcOff);
            if (r < half || r >= rounds - half) {
                for (int i = 0; i < w; i += 4) pow5(s, i, tmp);
            } else {
                pow5(s, 0, tmp);
            }
            int mOff = 0;
            for (int i = 0; i < w; i += 4) {
                Fr.mul(s, w + i, m, mOff, s, 0);
                mOff += 4;
                for (int j = 4; j < w; j += 4, mOff += 4) {
                    Fr.mul(s, tmp, m, mOff, s, j);
                    Fr.add(s, w + i, s, w + i, s, tmp);
                }
            }
            System.arraycopy(s, w, s, 0, w);
        }
    }

    private static void pow5(long[] s, int i, int tmp) {
        Fr.square(s, tmp, s, i);
        Fr.square(s, tmp, s, tmp);
        Fr.mul(s, i, s, i, s, tmp);
    }
}
