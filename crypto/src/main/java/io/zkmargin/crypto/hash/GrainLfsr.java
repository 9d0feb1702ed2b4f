package io.zkmargin.crypto.hash;

/**
 * The 80-bit Grain LFSR of the Poseidon paper (appendix F), used to derive round constants and MDS
 * matrices exactly as the reference script that produced circomlib's constants.
 *
 * <p>Not thread-safe; one instance per parameter set.
 */
final class GrainLfsr {
    private static final int SIZE = 80;
    private final byte[] bits = new byte[SIZE];
    private int head; // index of the oldest bit b[0]

    /**
     * Seeds with field type (prime field), S-box type (x^alpha), field size, width and round counts,
     * then 30 ones, and discards the first 160 output bits.
     */
    GrainLfsr(int fieldBits, int width, int fullRounds, int partialRounds) {
        int pos = 0;
        pos = put(1, 2, pos);           // field: GF(p)
        pos = put(0, 4, pos);           // S-box: x^alpha
        pos = put(fieldBits, 12, pos);
        pos = put(width, 12, pos);
        pos = put(fullRounds, 10, pos);
        pos = put(partialRounds, 10, pos);
        while (pos < SIZE) bits[pos++] = 1;
        for (int i = 0; i < 160; i++) step();
    }

    private int put(int value, int width, int pos) {
        for (int i = width - 1; i >= 0; i--) bits[pos++] = (byte) ((value >>> i) & 1);
        return pos;
    }

    private int at(int k) {
        int i = head + k;
        return bits[i >= SIZE ? i - SIZE : i];
    }

    /** Shifts once: the new bit is b62 ^ b51 ^ b38 ^ b23 ^ b13 ^ b0 and replaces b0. */
    private int step() {
        int nb = at(62) ^ at(51) ^ at(38) ^ at(23) ^ at(13) ^ at(0);
        bits[head] = (byte) nb;
        head = head + 1 == SIZE ? 0 : head + 1;
        return nb;
    }

    /** One output bit with the self-shrinking rule: in each pair, keep the second bit if the first is 1. */
    int nextBit() {
        while (true) {
            int first = step();
            int second = step();
            if (first == 1) return second;
        }
    }

    /** The next {@code n} output bits (n <= 256) as a big-endian integer in little-endian 64-bit limbs. */
    long[] nextBits(int n) {
        long[] limbs = new long[4];
        for (int i = n - 1; i >= 0; i--) {
            if (nextBit() == 1) limbs[i >>> 6] |= 1L << (i & 63);
        }
        return limbs;
    }
}
