package io.zkmargin.cli;

import io.zkmargin.api.sig.VenueSigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Venue: create the venue's Ed25519 signing key (private PEM, owner-only) and its public key.")
final class KeygenCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-o", "--out"}, required = true, description = "Private key file to write (PEM, PKCS#8).")
    Path out;

    @Option(names = "--pub", description = "Public key file (default: <out>.pub).")
    Path pub;

    @Override
    public Integer call() throws Exception {
        VenueSigningKey key = VenueSigningKey.generate(new SecureRandom());
        CliFiles.writeSecret(out, key.exportPem().getBytes(StandardCharsets.US_ASCII));
        Path pubFile = pub != null ? pub : Path.of(out + ".pub");
        CliFiles.writeText(pubFile, key.publicKey().toPem());
        spec.commandLine().getOut().printf("venue key %s%n  private: %s (keep it secret)%n  public:  %s%n",
                key.publicKey().keyId(), out, pubFile);
        return 0;
    }
}
