package io.zkmargin.api.market;

import io.zkmargin.crypto.field.Fr;

/** The public commitment to an account state (the first public input of the statement). */
public final class AccountCommitment {
    private final Fr value;

    private AccountCommitment(Fr value) {
        this.value = value;
    }

    public static AccountCommitment of(Fr value) {
        if (value == null) {
            throw new IllegalArgumentException("commitment is missing");
        }
        return new AccountCommitment(value);
    }

    public static AccountCommitment fromDecimal(String s) {
        return of(Fr.fromDecimal(s));
    }

    public Fr value() {
        return value;
    }

    public String toDecimalString() {
        return value.toDecimalString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountCommitment c && value.equals(c.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "AccountCommitment[" + value.toDecimalString() + "]";
    }
}
