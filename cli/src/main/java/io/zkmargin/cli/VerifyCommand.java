package io.zkmargin.cli;

import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.groth16.VerifyingKey;
import io.zkmargin.verifier.Groth16Verifier;
import io.zkmargin.verifier.PreparedVerifyingKey;
import io.zkmargin.verifier.ProofEncoding;
import io.zkmargin.verifier.SnarkjsJson;
import io.zkmargin.verifier.VerifyingKeyEncoding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Auditor (offline): verify one Groth16 proof with its verifying key and public inputs.",
            "Keys: .zkvk or snarkjs verification_key.json. Proofs: 128/256 bytes or snarkjs proof.json.",
            "Public inputs: snarkjs public.json (decimal strings). Exit 0 valid, 1 invalid, 2 malformed input."})
final class VerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--vk", required = true, description = "Verifying key (.zkvk or snarkjs JSON).")
    Path vkFile;

    @Option(names = "--proof", required = true, description = "Proof (binary or snarkjs JSON).")
    Path proofFile;

    @Option(names = "--public", required = true, description = "Public inputs (JSON array of decimal strings).")
    Path publicFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        VerifyingKey vk = readKey(vkFile);
        Proof proof = readProof(proofFile);
        Fr[] publics = SnarkjsJson.readPublic(CliFiles.readText(publicFile));
        if (publics.length != vk.publicInputCount()) {
            throw CliException.usage("the key expects " + vk.publicInputCount() + " public inputs, " + publicFile
                    + " has " + publics.length);
        }
        boolean ok = Groth16Verifier.verify(PreparedVerifyingKey.of(vk), proof, publics);
        o.println(ok ? "VALID: the proof verifies for these public inputs" : "INVALID: the proof does not verify");
        return ok ? 0 : Main.EXIT_FAILED;
    }

    static VerifyingKey readKey(Path p) throws java.io.IOException {
        byte[] b = CliFiles.readBytes(p);
        if (b.length > 0 && b[0] == '{') return SnarkjsJson.readVerifyingKey(new String(b, java.nio.charset.StandardCharsets.UTF_8));
        return VerifyingKeyEncoding.decode(b);
    }

    static Proof readProof(Path p) throws java.io.IOException {
        byte[] b = CliFiles.readBytes(p);
        if (b.length > 0 && b[0] == '{') return SnarkjsJson.readProof(new String(b, java.nio.charset.StandardCharsets.UTF_8));
        return ProofEncoding.decode(b);
    }
}
