package io.zkmargin.cli;

import io.zkmargin.circuits.circom.R1csFile;
import io.zkmargin.circuits.margin.MarginCircuit;
import io.zkmargin.prover.ceremony.Ceremony;
import io.zkmargin.prover.ceremony.CeremonyException;
import io.zkmargin.prover.SetupListener;
import io.zkmargin.prover.ceremony.CeremonyFiles;
import io.zkmargin.prover.ceremony.Zkey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ceremony", mixinStandardHelpOptions = true,
        description = {"Venue and auditors: trusted setup without a trusted party (docs/CEREMONY.md).",
            "Phase 1 is a public powers of tau (.ptau); phase 2 is a per-circuit MPC: start, contribute (each",
            "participant), beacon, then verify and export. Keys are sound if any one contributor was honest."},
        subcommands = {CeremonyCommand.R1cs.class, CeremonyCommand.PtauCheck.class, CeremonyCommand.PtauLocal.class,
            CeremonyCommand.Start.class, CeremonyCommand.Contribute.class, CeremonyCommand.Beacon.class,
            CeremonyCommand.Verify.class, CeremonyCommand.Export.class, CeremonyCommand.ImportZkey.class})
final class CeremonyCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a ceremony step, turning a failed check into exit code 1 with its message. */
    abstract static class Step implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try {
                run(spec.commandLine().getOut());
                return 0;
            } catch (CeremonyException e) {
                throw new CliException(Main.EXIT_FAILED, "ceremony check failed: " + e.getMessage(), e);
            }
        }

        abstract void run(PrintWriter out) throws Exception;

        /** Progress of the long steps on stderr, so that stdout keeps only the results (hashes). */
        SetupListener progress() {
            return new Progress(spec.commandLine().getErr(), "  ");
        }

        static void print(PrintWriter out, Ceremony.Report r) {
            out.printf("transcript %s%n", r.transcriptHash());
            for (String c : r.contributions()) out.printf("  contribution: %s%n", c);
            out.printf("  key: %s%n", r.verifyingKeySummary());
        }
    }

    @Command(name = "r1cs", mixinStandardHelpOptions = true,
            description = "Write the margin circuit of a size class as a circom .r1cs file (what the ceremony is for).")
    static final class R1cs extends Step {
        @Option(names = {"-s", "--size"}, defaultValue = "S", description = "Size class S, M or L.") String size;
        @Option(names = {"-o", "--out"}, required = true, description = ".r1cs file to write.") Path out;

        @Override
        void run(PrintWriter o) throws Exception {
            R1csFile.write(MarginCircuit.compiled(CliFiles.sizeClass(size)).r1cs(), out);
            o.printf("margin circuit %s written to %s%n", size.toUpperCase(), out);
        }
    }

    @Command(name = "ptau-check", mixinStandardHelpOptions = true,
            description = "Import a snarkjs/Hermez .ptau and check its internal consistency by pairings.")
    static final class PtauCheck extends Step {
        @Parameters(index = "0", description = "The .ptau file.") Path ptau;

        @Override
        void run(PrintWriter o) throws Exception {
            o.printf("%s: consistent powers of tau, power %d%n", ptau, CeremonyFiles.checkPtau(ptau));
        }
    }

    @Command(name = "ptau-local", mixinStandardHelpOptions = true,
            description = "A local phase 1 for tests and development ONLY: one party knows tau. Not a ceremony.")
    static final class PtauLocal extends Step {
        @Option(names = "--power", required = true, description = "Supports circuits of up to 2^power constraints.") int power;
        @Option(names = {"-o", "--out"}, required = true, description = ".ptau file to write.") Path out;

        @Override
        void run(PrintWriter o) throws Exception {
            CeremonyFiles.localPhase1(power, out);
            o.printf("WARNING: %s is a local phase 1 (not a ceremony); use a public .ptau for production keys%n", out);
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start phase 2 for a circuit from a .ptau.")
    static final class Start extends Step {
        @Option(names = "--ptau", required = true) Path ptau;
        @Option(names = "--r1cs", required = true) Path r1cs;
        @Option(names = {"-o", "--out"}, required = true, description = "Transcript to write (.zkct).") Path out;

        @Override
        void run(PrintWriter o) throws Exception {
            o.printf("transcript %s started: %s%n", out, CeremonyFiles.start(ptau, r1cs, out, progress()));
        }
    }

    @Command(name = "contribute", mixinStandardHelpOptions = true,
            description = "Add your secret randomness (SecureRandom, wiped after use) with a proof of knowledge.")
    static final class Contribute extends Step {
        @Option(names = "--in", required = true) Path in;
        @Option(names = {"-o", "--out"}, required = true) Path out;
        @Option(names = "--name", required = true, description = "Your public name in the transcript.") String name;

        @Override
        void run(PrintWriter o) throws Exception {
            o.printf("contribution of %s added: transcript %s%n", name, CeremonyFiles.contribute(in, out, name, progress()));
        }
    }

    @Command(name = "beacon", mixinStandardHelpOptions = true,
            description = "The closing contribution from public randomness (hash iterated 2^n times).")
    static final class Beacon extends Step {
        @Option(names = "--in", required = true) Path in;
        @Option(names = {"-o", "--out"}, required = true) Path out;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--beacon", required = true, description = "Beacon value (hex), e.g. a future block hash.") String beacon;
        @Option(names = "--iterations-exp", defaultValue = "10", description = "n in 2^n hash iterations.") int exp;

        @Override
        void run(PrintWriter o) throws Exception {
            o.printf("beacon applied: transcript %s%n", CeremonyFiles.beacon(in, out, name, beacon, exp, progress()));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Auditor: check every contribution from the .ptau-derived start key to the final key.")
    static final class Verify extends Step {
        @Option(names = "--transcript", required = true) Path transcript;
        @Option(names = "--ptau", required = true) Path ptau;
        @Option(names = "--r1cs", required = true) Path r1cs;

        @Override
        void run(PrintWriter o) throws Exception {
            print(o, CeremonyFiles.verify(transcript, ptau, r1cs, progress()));
            o.println("CEREMONY VERIFIED");
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Verify, then write the final proving key (.zkpk) and verifying key (.zkvk, optional snarkjs JSON).")
    static final class Export extends Step {
        @Option(names = "--transcript", required = true) Path transcript;
        @Option(names = "--ptau", required = true) Path ptau;
        @Option(names = "--r1cs", required = true) Path r1cs;
        @Option(names = "--pk", required = true) Path pk;
        @Option(names = "--vk", required = true) Path vk;
        @Option(names = "--vk-json") Path vkJson;

        @Override
        void run(PrintWriter o) throws Exception {
            print(o, CeremonyFiles.export(transcript, ptau, r1cs, pk, vk, vkJson, progress()));
            o.printf("keys written: %s, %s%n", pk, vk);
        }
    }

    @Command(name = "import-zkey", mixinStandardHelpOptions = true,
            description = {"Convert the final .zkey of a snarkjs phase-2 ceremony into our keys (.zkpk, .zkvk, optional",
                "snarkjs JSON). Refuses a .zkey for another circuit; with --ptau also checks it against phase 1.",
                "The contribution chain is snarkjs's: run `snarkjs zkey verify` on it too."})
    static final class ImportZkey extends Step {
        @Option(names = "--zkey", required = true, description = "Final .zkey (after zkey contribute/beacon).") Path zkey;
        @Option(names = "--r1cs", required = true, description = "The circuit's .r1cs (as given to groth16 setup).") Path r1cs;
        @Option(names = "--ptau", description = "The phase-1 .ptau: check the key against it (recommended).") Path ptau;
        @Option(names = "--pk", required = true) Path pk;
        @Option(names = "--vk", required = true) Path vk;
        @Option(names = "--vk-json") Path vkJson;

        @Override
        void run(PrintWriter o) throws Exception {
            Zkey.Report r = CeremonyFiles.importZkey(zkey, ptau, r1cs, pk, vk, vkJson, progress());
            o.printf("zkey circuit hash %s%n", r.circuitHash());
            o.printf("  contributions: %d (verify them with `snarkjs zkey verify`)%n", r.contributions());
            o.printf("  key: %s%n", r.keySummary());
            if (!r.checkedAgainstPhase1()) {
                spec.commandLine().getErr().println("warning: not checked against phase 1; pass --ptau, or rely on"
                        + " `snarkjs zkey verify` with the same .r1cs and .ptau");
            }
            o.printf("keys written: %s, %s%n", pk, vk);
        }
    }
}
