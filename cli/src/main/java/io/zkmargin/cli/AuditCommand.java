package io.zkmargin.cli;

import io.zkmargin.service.Groth16ProofChecker;
import io.zkmargin.service.audit.AuditReport;
import io.zkmargin.service.audit.AuditVerifier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Auditor (offline, no network): re-verify a service's audit export bundle.",
            "Checks every epoch signature and market root, every registration signature, and every accepted proof",
            "against its key and public inputs. Prints a summary; exit 1 on any failure."})
final class AuditCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-b", "--bundle"}, required = true, description = "Audit bundle directory (exported by the service).")
    Path bundle;

    @Option(names = "--venue-pub", required = true, description = "The venue public key you trust (PEM or hex).")
    Path venuePub;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (!Files.isDirectory(bundle)) throw CliException.usage("not a bundle directory: " + bundle);
        AuditReport r = audit(bundle, CliFiles.readPublicKey(venuePub).raw());
        print(o, r);
        return r.ok() ? 0 : Main.EXIT_FAILED;
    }

    static AuditReport audit(Path bundle, byte[] venueKey) {
        return new AuditVerifier(new Groth16ProofChecker()).verify(bundle, venueKey);
    }

    static void print(PrintWriter o, AuditReport r) {
        Table t = new Table("checked", "count");
        t.row("epochs (signature, root, bounds)", r.epochsChecked());
        t.row("registrations (venue signature)", r.registrationsChecked());
        t.row("proofs", r.proofsChecked());
        t.row("proofs valid", r.proofsValid());
        t.row("problems", r.problems().size());
        t.print(o);
        for (String p : r.problems()) o.println("  problem: " + p);
        o.println(r.ok() ? "AUDIT PASSED" : "AUDIT FAILED");
    }
}
