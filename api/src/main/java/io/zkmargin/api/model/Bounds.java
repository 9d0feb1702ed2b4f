package io.zkmargin.api.model;

import java.math.BigInteger;

/** The numeric bounds of MARGIN-MODEL.md and the fixed shapes of the v1 statement, in one place. */
public final class Bounds {
    private Bounds() {}

    public static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);
    public static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    public static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);
    /** Rates are in parts per million. */
    public static final int PPM = 1_000_000;
    public static final BigInteger PPM_BIG = BigInteger.valueOf(PPM);
    /** Thresholds are in basis points of the requirement. */
    public static final BigInteger BPS_ONE = BigInteger.valueOf(10_000);
    /** Number of SPAN scenarios in every risk array. */
    public static final int SCENARIOS = 16;
    /** Fixed number of tiers in a market leaf; schedules may use fewer. */
    public static final int MAX_TIERS = 4;
    /** Depth of the market Merkle tree. */
    public static final int TREE_DEPTH = 12;
    /** Number of leaves of the market tree (2^12). */
    public static final int MAX_LEAVES = 1 << TREE_DEPTH;

    static void checkLeafIndex(int leafIndex, String what) {
        if (leafIndex < 0 || leafIndex >= MAX_LEAVES) {
            throw new IllegalArgumentException(what + ": leaf index " + leafIndex + " outside 0.." + (MAX_LEAVES - 1));
        }
    }

    /** Checks 0 <= v < 2^64 for a market value, naming the field in the message. */
    static BigInteger checkUnsigned64(BigInteger v, String what) {
        if (v == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (v.signum() < 0 || v.compareTo(TWO_64) >= 0) {
            throw new IllegalArgumentException(what + " = " + v + " outside 0 <= v < 2^64");
        }
        return v;
    }

    /** Checks |v| < 2^64 for a risk-array entry. */
    static BigInteger checkSigned64(BigInteger v, String what) {
        if (v == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (v.abs().compareTo(TWO_64) >= 0) {
            throw new IllegalArgumentException(what + " = " + v + " outside |v| < 2^64");
        }
        return v;
    }

    /** Identifiers of table entries: 1..64 characters of [A-Za-z0-9._:/-]. */
    static String checkId(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            throw new IllegalArgumentException("entry id must have 1..64 characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '/' || c == '-';
            if (!ok) {
                throw new IllegalArgumentException("entry id contains a character outside [A-Za-z0-9._:/-] at " + i);
            }
        }
        return id;
    }
}
