package io.zkmargin.api.market;

import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;

/** Maps signed integers to field elements: v >= 0 as v, v < 0 as r - |v| (the circuit's convention). */
public final class FieldCodec {
    private FieldCodec() {}

    public static Fr signed(long v) {
        return Fr.of(v); // Fr.of(long) reduces negatives mod r
    }

    public static Fr signed(BigInteger v) {
        if (v.abs().compareTo(Fr.MODULUS) >= 0) {
            throw new IllegalArgumentException("value does not fit the scalar field");
        }
        return Fr.of(v.signum() < 0 ? Fr.MODULUS.add(v) : v);
    }
}
