package io.zkmargin.circuits;

import io.zkmargin.crypto.field.Fr;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Values of a circuit's inputs by name ({@code "x"}, {@code "q[3]"}). Input values may be secret, so
 * {@link #toString()} lists only names. Immutable; make one with {@link #builder()}.
 */
public final class Assignment {
    private final Map<String, Fr> values;

    private Assignment(Map<String, Fr> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** The value of input {@code name}, or null if unassigned. */
    public Fr get(String name) {
        return values.get(name);
    }

    /** A builder; setting a name twice throws. */
    public static final class Builder {
        private final Map<String, Fr> values = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder set(String name, Fr v) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(v, "value");
            if (values.putIfAbsent(name, v) != null) throw new IllegalArgumentException("input assigned twice: " + name);
            return this;
        }

        /** Signed values wrap: -1 is r - 1. */
        public Builder set(String name, long v) {
            return set(name, Fr.of(v));
        }

        /** Any integer, reduced mod r (negative values wrap). */
        public Builder set(String name, BigInteger v) {
            return set(name, Fr.reduce(v));
        }

        /** Sets {@code name[0..n-1]}. */
        public Builder set(String name, long[] vs) {
            for (int i = 0; i < vs.length; i++) set(name + "[" + i + "]", vs[i]);
            return this;
        }

        public Builder set(String name, BigInteger[] vs) {
            for (int i = 0; i < vs.length; i++) set(name + "[" + i + "]", vs[i]);
            return this;
        }

        public Builder set(String name, Fr[] vs) {
            for (int i = 0; i < vs.length; i++) set(name + "[" + i + "]", vs[i]);
            return this;
        }

        public Assignment build() {
            return new Assignment(values);
        }
    }

    @Override
    public String toString() {
        return "Assignment" + values.keySet();
    }
}
