package io.zkmargin.crypto.hash;

import io.zkmargin.crypto.field.Fr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads testvectors/poseidon-circomlib.json (inputs and output as decimal strings). */
final class PoseidonVectors {
    record Case(List<Fr> inputs, Fr output) {}

    private static final Pattern CASE = Pattern.compile(
            "\\{\\s*\"inputs\"\\s*:\\s*\\[([^\\]]*)\\]\\s*,\\s*\"output\"\\s*:\\s*\"(\\d+)\"\\s*\\}");
    private static final Pattern NUMBER = Pattern.compile("\"(\\d+)\"");

    private PoseidonVectors() {}

    static List<Case> load() throws IOException {
        String dir = System.getProperty("zk.vectors");
        if (dir == null) throw new IllegalStateException("system property zk.vectors is not set");
        String json = Files.readString(Path.of(dir, "poseidon-circomlib.json"));
        List<Case> cases = new ArrayList<>();
        Matcher m = CASE.matcher(json);
        while (m.find()) {
            List<Fr> in = new ArrayList<>();
            Matcher n = NUMBER.matcher(m.group(1));
            while (n.find()) in.add(Fr.fromDecimal(n.group(1)));
            cases.add(new Case(List.copyOf(in), Fr.fromDecimal(m.group(2))));
        }
        return cases;
    }
}
