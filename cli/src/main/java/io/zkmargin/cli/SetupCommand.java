package io.zkmargin.cli;

import io.zkmargin.api.model.SizeClass;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.margin.MarginCircuit;
import io.zkmargin.groth16.VerifyingKey;
import io.zkmargin.prover.Groth16Setup;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.ProvingKeyFile;
import io.zkmargin.verifier.SnarkjsJson;
import io.zkmargin.verifier.SolidityVerifier;
import io.zkmargin.verifier.VerifyingKeyEncoding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Venue: Groth16 keys for the margin circuit of a size class (single-party setup).",
            "Writes <dir>/margin-<class>.zkpk (proving key), .zkvk (verifying key), .vk.json (snarkjs) and",
            "-verifier.sol (Solidity). Whoever ran this setup could forge proofs: for production keys run a",
            "ceremony (docs/CEREMONY.md)."})
final class SetupCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-s", "--size"}, defaultValue = "S", description = "Size class S, M or L (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = {"-o", "--out"}, defaultValue = "keys", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SizeClass sc = CliFiles.sizeClass(size);
        Keys keys = Keys.setup(sc, outDir, out);
        out.printf("proving key:   %s%nverifying key: %s (snarkjs: %s, Solidity: %s)%n",
                keys.provingKeyFile(), keys.verifyingKeyFile(), keys.snarkjsFile(), keys.solidityFile());
        return 0;
    }

    /** Key files of one size class in a directory. */
    record Keys(Path provingKeyFile, Path verifyingKeyFile, Path snarkjsFile, Path solidityFile) {
        static Keys in(Path dir, SizeClass sc) {
            String base = "margin-" + sc.name();
            return new Keys(dir.resolve(base + ".zkpk"), dir.resolve(base + ".zkvk"),
                    dir.resolve(base + ".vk.json"), dir.resolve(base + "-verifier.sol"));
        }

        static Keys setup(SizeClass sc, Path dir, PrintWriter out) throws java.io.IOException {
            long t0 = System.nanoTime();
            CompiledCircuit cc = MarginCircuit.compiled(sc);
            out.printf("margin circuit %s: %,d constraints, %,d wires (compiled in %.1fs)%n", sc,
                    cc.r1cs().nConstraints(), cc.r1cs().nWires(), (System.nanoTime() - t0) / 1e9);
            ProvingKey pk = Groth16Setup.generate(cc.r1cs(), new Progress(out, "  setup "));
            Keys k = in(dir, sc);
            java.nio.file.Files.createDirectories(dir);
            ProvingKeyFile.write(pk, k.provingKeyFile());
            VerifyingKey vk = pk.verifyingKey();
            CliFiles.writeBytes(k.verifyingKeyFile(), VerifyingKeyEncoding.encode(vk));
            CliFiles.writeText(k.snarkjsFile(), SnarkjsJson.writeVerifyingKey(vk));
            CliFiles.writeText(k.solidityFile(), SolidityVerifier.contract(vk));
            out.printf("setup done in %.1fs%n", (System.nanoTime() - t0) / 1e9);
            return k;
        }
    }
}
