package io.zkmargin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.zkmargin.api.market.AccountCommitment;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.sig.VenueSignatures;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Venue: sign the registration of an account's current commitment (after each trade).")
final class RegisterCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    static final class Source {
        @Option(names = {"-c", "--commitment-file"}, description = "Commitment file written by `zkmargin commit`.")
        Path commitmentFile;

        @Option(names = "--commitment", description = "Commitment as a decimal field element (with --account-id, --sequence).")
        String commitment;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--account-id", description = "Account id (read from the commitment file when given).")
    Long accountId;

    @Option(names = "--sequence", description = "Registration sequence (read from the commitment file when given).")
    Long sequence;

    @Option(names = {"-k", "--key"}, required = true, description = "Venue private key (PEM).")
    Path keyFile;

    @Option(names = {"-o", "--out"}, required = true, description = "Registration file to write (JSON).")
    Path out;

    @Option(names = "--post", description = "Service URL to register with (POST /v1/accounts).")
    String postUrl;

    @Option(names = "--token", description = "Venue bearer token for --post (or env ZKMARGIN_TOKEN).")
    String token;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        AccountCommitment c;
        long id;
        long seq;
        if (source.commitmentFile != null) {
            JsonNode n = CliFiles.readJson(source.commitmentFile);
            if (!"zkmargin.commitment.v1".equals(n.path("format").asText())) {
                throw CliException.usage(source.commitmentFile + " is not a commitment file (made by `zkmargin commit`)");
            }
            c = AccountCommitment.fromDecimal(n.path("commitment").asText());
            id = accountId != null ? accountId : n.path("accountId").asLong();
            seq = sequence != null ? sequence : n.path("sequence").asLong();
        } else {
            if (accountId == null || sequence == null) throw CliException.usage("--commitment needs --account-id and --sequence");
            c = AccountCommitment.fromDecimal(source.commitment);
            id = accountId;
            seq = sequence;
        }
        AccountRegistration r = VenueSignatures.signRegistration(CliFiles.readSigningKey(keyFile), id, seq, c);
        String json = CliFiles.registrationJson(r);
        CliFiles.writeText(out, json);
        o.printf("account %d sequence %d registered (signed), written to %s%n", id, seq, out);
        if (postUrl != null) {
            Http.postOrFail(postUrl, "/v1/accounts", json, EpochCommand.token(token), "registration");
            o.printf("  sent to %s%n", postUrl);
        }
        return 0;
    }
}
