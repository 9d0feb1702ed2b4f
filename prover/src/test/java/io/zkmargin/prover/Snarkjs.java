package io.zkmargin.prover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the pinned snarkjs 0.7.6 CLI from test-tools (installed by the Maven build when missing). */
final class Snarkjs {
    record Result(int exit, String output) { }

    private Snarkjs() {
    }

    static Path testTools() {
        String v = System.getProperty("zk.vectors");
        return (v != null ? Path.of(v).getParent() : Path.of("..")).resolve("test-tools").toAbsolutePath().normalize();
    }

    static Path fixture(String name) {
        return testTools().resolve("fixtures").resolve("groth16").resolve(name);
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Path cli = testTools().resolve("node_modules").resolve("snarkjs").resolve("build").resolve("cli.cjs");
        if (!Files.exists(cli)) {
            throw new IllegalStateException("snarkjs not installed in " + testTools() + ": run npm ci there");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("node");
        cmd.add(cli.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("snarkjs timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
