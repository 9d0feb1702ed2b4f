package io.zkmargin.crypto.hash;

import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.util.Arrays;
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
    // Equivalent fast form of the partial rounds (see fastPartialRounds): last first-half full round
    // uses mixFirst (t x t) then adds addFirst (t); partial round k adds pre[k] to element 0, applies
    // the S-box, adds post[k], then the sparse matrix with first row sparseRow[k] (t) and first column
    // below the diagonal sparseCol[k] (t - 1), identity elsewhere.
    final long[] mixFirst, addFirst, pre, post, sparseRow, sparseCol;
    private final Fr[] mixFirstV, addFirstV, preV, postV, rowV, colV;

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

        int t = width, rp = partialRounds;
        mixFirstV = new Fr[t * t];
        addFirstV = new Fr[t];
        preV = new Fr[rp];
        postV = new Fr[rp];
        rowV = new Fr[rp * t];
        colV = new Fr[rp * (t - 1)];
        fastPartialRounds();
        mixFirst = toMont(mixFirstV);
        addFirst = toMont(addFirstV);
        pre = toMont(preV);
        post = toMont(postV);
        sparseRow = toMont(rowV);
        sparseCol = toMont(colV);
    }

    /**
     * Rewrites the partial rounds x -> M * sbox0(x + c_k) into an equivalent cheaper form
     * (Poseidon paper, appendix B): (1) constants on elements 1..t-1 commute with the S-box, so they
     * are moved backwards through M^-1, leaving one scalar before (pre) and one after (post) the S-box
     * per round and a vector added before the first partial round; (2) each round matrix is factored
     * as M''_k * diag(1, N_k) with M''_k sparse (first row, first column, identity), and diag(1, N_k)
     * is pushed into the previous round (it commutes with element-0 operations), ending in the last
     * first-half full round. Checked against the plain permutation and the circomlib vectors.
     */
    private void fastPartialRounds() {
        int t = width, rp = partialRounds, h = t - 1, first = FULL_ROUNDS / 2;
        Fr[][] m = new Fr[t][t];
        for (int i = 0; i < t; i++) for (int j = 0; j < t; j++) m[i][j] = mds[i * t + j];
        Fr[][] mInv = invert(m);

        // (1) constants: pending vector p is added to the input of round k + 1
        Fr[] p = zeros(t);
        for (int k = rp - 1; k >= 0; k--) {
            Fr[] w = mulVec(mInv, p);
            int r = first + k;
            preV[k] = roundConstants[r * t];
            postV[k] = w[0];
            p = new Fr[t];
            p[0] = Fr.ZERO;
            for (int i = 1; i < t; i++) p[i] = roundConstants[r * t + i].add(w[i]);
        }

        // (2) matrices: N_k = N_{k+1} * M^ (lower-right blocks), N_RP = I
        Fr[][] mHat = new Fr[h][h];
        for (int i = 0; i < h; i++) for (int j = 0; j < h; j++) mHat[i][j] = m[i + 1][j + 1];
        Fr[][] mHatInv = invert(mHat);
        Fr[] mCol = new Fr[h], mRow = new Fr[h];
        for (int i = 0; i < h; i++) {
            mCol[i] = m[i + 1][0];
            mRow[i] = m[0][i + 1];
        }
        Fr[][] nNext = identity(h), nNextInv = identity(h);
        for (int k = rp - 1; k >= 0; k--) {
            Fr[] col = mulVec(nNext, mCol);
            Fr[][] nInv = mulMat(mHatInv, nNextInv);
            Fr[] row = vecMul(mRow, nInv);
            rowV[k * t] = m[0][0];
            System.arraycopy(row, 0, rowV, k * t + 1, h);
            System.arraycopy(col, 0, colV, k * h, h);
            nNext = mulMat(nNext, mHat);
            nNextInv = nInv;
        }
        // the last first-half full round applies diag(1, N_0) * M, then adds diag(1, N_0) * p
        Fr[][] d = new Fr[t][t];
        for (Fr[] row : d) Arrays.fill(row, Fr.ZERO);
        d[0][0] = Fr.ONE;
        for (int i = 0; i < h; i++) for (int j = 0; j < h; j++) d[i + 1][j + 1] = nNext[i][j];
        Fr[][] mix = mulMat(d, m);
        for (int i = 0; i < t; i++) System.arraycopy(mix[i], 0, mixFirstV, i * t, t);
        System.arraycopy(mulVec(d, p), 0, addFirstV, 0, t);
    }

    private static Fr[] zeros(int n) {
        Fr[] z = new Fr[n];
        Arrays.fill(z, Fr.ZERO);
        return z;
    }

    private static Fr[][] identity(int n) {
        Fr[][] a = new Fr[n][];
        for (int i = 0; i < n; i++) {
            a[i] = zeros(n);
            a[i][i] = Fr.ONE;
        }
        return a;
    }

    private static Fr[] mulVec(Fr[][] a, Fr[] v) {
        Fr[] r = new Fr[a.length];
        for (int i = 0; i < a.length; i++) {
            Fr acc = Fr.ZERO;
            for (int j = 0; j < v.length; j++) acc = acc.add(a[i][j].mul(v[j]));
            r[i] = acc;
        }
        return r;
    }

    private static Fr[] vecMul(Fr[] v, Fr[][] a) {
        Fr[] r = new Fr[a[0].length];
        for (int j = 0; j < r.length; j++) {
            Fr acc = Fr.ZERO;
            for (int i = 0; i < v.length; i++) acc = acc.add(v[i].mul(a[i][j]));
            r[j] = acc;
        }
        return r;
    }

    private static Fr[][] mulMat(Fr[][] a, Fr[][] b) {
        int n = a.length, k = b.length, m = b[0].length;
        Fr[][] r = new Fr[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                Fr acc = Fr.ZERO;
                for (int l = 0; l < k; l++) acc = acc.add(a[i][l].mul(b[l][j]));
                r[i][j] = acc;
            }
        }
        return r;
    }

    /** Gauss-Jordan inverse; MDS matrices and their square submatrices are invertible. */
    private static Fr[][] invert(Fr[][] a) {
        int n = a.length;
        Fr[][] x = new Fr[n][];
        Fr[][] inv = identity(n);
        for (int i = 0; i < n; i++) x[i] = a[i].clone();
        for (int c = 0; c < n; c++) {
            int piv = c;
            while (piv < n && x[piv][c].isZero()) piv++;
            if (piv == n) throw new IllegalStateException("singular Poseidon matrix");
            Fr[] tmp = x[c]; x[c] = x[piv]; x[piv] = tmp;
            tmp = inv[c]; inv[c] = inv[piv]; inv[piv] = tmp;
            Fr s = x[c][c].inverse();
            for (int j = 0; j < n; j++) {
                x[c][j] = x[c][j].mul(s);
                inv[c][j] = inv[c][j].mul(s);
            }
            for (int i = 0; i < n; i++) {
                if (i == c || x[i][c].isZero()) continue;
                Fr f = x[i][c];
                for (int j = 0; j < n; j++) {
                    x[i][j] = x[i][j].sub(f.mul(x[c][j]));
                    inv[i][j] = inv[i][j].sub(f.mul(inv[c][j]));
                }
            }
        }
        return inv;
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

    // ---------------------------------------------------------------- equivalent sparse form
    // Same permutation, cheaper partial rounds: rounds 0..2 as specified; round 3 adds its constants,
    // applies the S-box, then s = mixFirst * s + addFirst; partial round k: s_0 += partialPre(k),
    // s_0 = s_0^5, s_0 += partialPost(k), then s_0' = sum_j sparseRow(k, j) s_j and
    // s_i' = s_i + sparseCol(k, i) * s_0 for i >= 1; the last four rounds as specified.

    /** Entry (row, col) of the matrix that ends the last full round before the partial rounds. */
    public Fr mixFirst(int row, int col) {
        checkElement(row);
        checkElement(col);
        return mixFirstV[row * width + col];
    }

    /** Element {@code i} of the vector added after {@link #mixFirst}. */
    public Fr addFirst(int i) {
        checkElement(i);
        return addFirstV[i];
    }

    /** Constant added to element 0 before the S-box of partial round {@code k} (0-based). */
    public Fr partialPre(int k) {
        checkPartial(k);
        return preV[k];
    }

    /** Constant added to element 0 after the S-box of partial round {@code k}. */
    public Fr partialPost(int k) {
        checkPartial(k);
        return postV[k];
    }

    /** First row of the sparse matrix of partial round {@code k}: the new element 0 is the row times the state. */
    public Fr sparseRow(int k, int j) {
        checkPartial(k);
        checkElement(j);
        return rowV[k * width + j];
    }

    /** First column (i = 1..t-1) of the sparse matrix of partial round {@code k}: s_i += sparseCol(k, i) * s_0. */
    public Fr sparseCol(int k, int i) {
        checkPartial(k);
        if (i < 1 || i >= width) throw new IndexOutOfBoundsException("sparse column index " + i + " outside [1, " + width + ")");
        return colV[k * (width - 1) + i - 1];
    }

    private void checkElement(int i) {
        if (i < 0 || i >= width) throw new IndexOutOfBoundsException("state index " + i + " outside [0, " + width + ")");
    }

    private void checkPartial(int k) {
        if (k < 0 || k >= partialRounds) throw new IndexOutOfBoundsException("partial round " + k + " outside [0, " + partialRounds + ")");
    }

    @Override
    public String toString() {
        return "PoseidonConstants[t=" + width + ", R_F=" + FULL_ROUNDS + ", R_P=" + partialRounds + "]";
    }
}
