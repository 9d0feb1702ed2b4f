package io.zkmargin.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the committed snarkjs fixtures (test-tools/fixtures/groth16) from the zk.vectors property. */
final class Fixtures {
    private Fixtures() {
    }

    static Path root() {
        String v = System.getProperty("zk.vectors");
        Path base = v != null ? Path.of(v).getParent() : Path.of("..");
        return base.resolve("test-tools");
    }

    static Path groth16(String name) {
        return root().resolve("fixtures").resolve("groth16").resolve(name);
    }

    static String text(String name) {
        try {
            return Files.readString(groth16(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
