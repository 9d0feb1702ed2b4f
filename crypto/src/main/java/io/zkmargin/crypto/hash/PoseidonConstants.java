package io.zkmargin.crypto.hash;

import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Round constants and MDS matrix of circomlib's Poseidon for one state width t = inputs + 1 (2..17).
 *
 * <p>Derived on first use with the Grain LFSR procedure of the Poseidon paper (254-bit prime field,
 * S-box x^5, 8 full rounds): (8 + R_P) * t round constants by rejection sampling below r, then a
 * Cauchy matrix M[i][j] = 1 / (x_i + y_j) from 2t further samples reduced mod r. That is how
 * circomlib's published constants were made; PoseidonTest checks every width against its vectors.
 * Instances are immutable and cached per width.
 */
public final class PoseidonConstants {
    /** Full rounds (half before, half after the partial rounds). */
    public static final int FULL_ROUNDS = 8;
    /** Smallest and largest supported widths. */
    public static final int MIN_WIDTH = 2, MAX_WIDTH = 17;
    // partial rounds for t = 2..17 (circomlib)
    private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};
    private static final AtomicReferenceArray<PoseidonConstants> CACHE = new AtomicReferenceArray<>(MAX_WIDTH + 1);

    private final int width;
    private final int partialRounds;
    private final Fr[] roundConstants; // [round * t + i]
    private final Fr[] mds;            // [row * t + col]
    // Montgomery-form copies for the native permutation
    final long[] rcMont;
    final long[] mdsMont;

    private PoseidonConstants(int width) {
        this.width = width;
        this.partialRounds = PARTIAL_ROUNDS[width - 2];
        GrainLfsr grain = new GrainLfsr(Fr.BITS, width, FULL_ROUNDS, partialRounds);

        int nConstants = (FULL_ROUNDS + partialRounds) * width;
        roundConstants = new Fr[nConstants];
        for (int i = 0; i < nConstants; i++) {
            long[] v;
            do {
                v = grain.nextBits(Fr.BITS);
            } while (!Fr.isCanonical(v[0], v[1], v[2], v[3]));
            roundConstants[i] = Fr.fromCanonicalLimbs(v);
        }
        mds = cauchyMatrix(grain, width);

        rcMont = toMont(roundConstants);
        mdsMont = toMont(mds);
    }

    /** Samples x_0..x_{t-1}, y_0..y_{t-1} (all distinct, no x_i + y_j = 0) and inverts x_i + y_j. */
    private static Fr[] cauchyMatrix(GrainLfsr grain, int t) {
        while (true) {
            Fr[] xy = new Fr[2 * t];
            Set<Fr> seen = new HashSet<>();
            boolean distinct = true;
            for (int i = 0; i < 2 * t; i++) {
                xy[i] = Fr.reduce(unsigned(grain.nextBits(Fr.BITS)));
                distinct &= seen.add(xy[i]);
            }
            if (!distinct) continue; // the reference script resamples all 2t values
            Fr[] m = new Fr[t * t];
            boolean invertible = true;
            for (int i = 0; i < t && invertible; i++) {
                for (int j = 0; j < t; j++) {
                    Fr s = xy[i].add(xy[t + j]);
                    if (s.isZero()) {
                        invertible = false;
                        break;
                    }
                    m[i * t + j] = s;
                }
            }
            if (!invertible) continue;
            Fr.batchInverse(m);
            return m;
        }
    }

    private static BigInteger unsigned(long[] limbs) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) {
            v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
        }
        return v;
    }

    private static long[] toMont(Fr[] values) {
        long[] out = new long[values.length * 4];
        for (int i = 0; i < values.length; i++) values[i].writeMont(out, 4 * i);
        return out;
    }

    /** Constants for state width {@code t} (number of inputs + 1), 2..17. */
    public static PoseidonConstants forWidth(int t) {
        if (t < MIN_WIDTH || t > MAX_WIDTH) {
            throw new IllegalArgumentException("Poseidon width must be in [" + MIN_WIDTH + ", " + MAX_WIDTH + "], got " + t);
        }
        PoseidonConstants c = CACHE.get(t);
        if (c == null) {
            // a race only duplicates deterministic work
            c = new PoseidonConstants(t);
            if (!CACHE.compareAndSet(t, null, c)) c = CACHE.get(t);
        }
        return c;
    }

    /** Constants for hashing {@code n} inputs (1..16). */
    public static PoseidonConstants forInputs(int n) {
        if (n < 1 || n > MAX_WIDTH - 1) {
            throw new IllegalArgumentException("Poseidon takes 1.." + (MAX_WIDTH - 1) + " inputs, got " + n);
        }
        return forWidth(n + 1);
    }

    /** State width t. */
    public int width() {
        return width;
    }

    /** Number of partial rounds R_P for this width. */
    public int partialRounds() {
        return partialRounds;
    }

    /** Total rounds: 8 full plus the partial rounds. */
    public int rounds() {
        return FULL_ROUNDS + partialRounds;
    }

    /** True if {@code round} applies the S-box to every element (the first and last four rounds). */
    public boolean isFullRound(int round) {
        return round < FULL_ROUNDS / 2 || round >= FULL_ROUNDS / 2 + partialRounds;
    }

    /** The constant added to state element {@code i} at the start of {@code round}. */
    public Fr roundConstant(int round, int i) {
        if (round < 0 || round >= rounds() || i < 0 || i >= width) {
            throw new IndexOutOfBoundsException("round constant (" + round + ", " + i + ") outside " + rounds() + " x " + width);
        }
        return roundConstants[round * width + i];
    }

    /** MDS entry M[row][col]; a round maps state s to M * s (new s_row = sum over col of M[row][col] * s_col). */
    public Fr mds(int row, int col) {
        if (row < 0 || row >= width || col < 0 || col >= width) {
            throw new IndexOutOfBoundsException("MDS entry (" + row + ", " + col + ") outside " + width + " x " + width);
        }
        return mds[row * width + col];
    }

    @Override
    public String toString() {
        return "PoseidonConstants[t=" + width + ", R_F=" + FULL_ROUNDS + ", R_P=" + partialRounds + "]";
    }
}
