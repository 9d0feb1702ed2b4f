package io.zkmargin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zkmargin.api.market.AccountCommitment;
import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.Salt;
import io.zkmargin.api.model.SizeClass;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "commit", mixinStandardHelpOptions = true,
        description = {"Trader: commit to an account state.",
            "Writes the opening (state + fresh 254-bit salt; SECRET, owner-only) and the public commitment file",
            "that the venue registers."})
final class CommitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-a", "--account"}, required = true, description = "Account state (JSON).")
    Path accountFile;

    @Option(names = {"-s", "--size"}, description = "Size class S, M or L (default: the smallest that fits).")
    String size;

    @Option(names = {"-o", "--opening"}, required = true, description = "Opening file to write (secret).")
    Path openingFile;

    @Option(names = {"-c", "--commitment-out"}, description = "Public commitment file (default: <opening without .json>.commitment.json).")
    Path commitmentFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        AccountState state = CliFiles.readAccount(accountFile);
        CliFiles.Opening opening = commit(state, size == null ? null : CliFiles.sizeClass(size));
        Path pub = commitmentFile != null ? commitmentFile : defaultCommitmentFile(openingFile);
        AccountCommitment c = write(opening, openingFile, pub);
        o.printf("account %d sequence %d, class %s%n  commitment %s%n  opening (secret): %s%n  commitment file:  %s%n",
                state.accountId(), state.sequence(), opening.sizeClass(), c.toDecimalString(), openingFile, pub);
        return 0;
    }

    static CliFiles.Opening commit(AccountState state, SizeClass requested) {
        SizeClass sc = requested != null ? requested : SizeClass.smallestFor(state);
        if (!state.fitsIn(sc)) {
            throw CliException.usage("account " + state.accountId() + " does not fit size class " + sc
                    + " (" + sc.positionSlots() + " positions, " + sc.collateralSlots() + " collateral assets)");
        }
        return new CliFiles.Opening(state, sc, Salt.random(new SecureRandom()));
    }

    static AccountCommitment write(CliFiles.Opening opening, Path openingFile, Path commitmentFile) throws java.io.IOException {
        AccountCommitment c = CommitmentOpening.of(opening.state(), opening.sizeClass(), opening.salt()).commitment();
        CliFiles.writeOpening(openingFile, opening);
        ObjectNode n = CliFiles.JSON.createObjectNode();
        n.put("format", "zkmargin.commitment.v1");
        n.put("accountId", opening.state().accountId());
        n.put("sequence", opening.state().sequence());
        n.put("sizeClass", opening.sizeClass().name());
        n.put("commitment", c.toDecimalString());
        CliFiles.writeText(commitmentFile, CliFiles.JSON.writeValueAsString(n));
        return c;
    }

    static Path defaultCommitmentFile(Path opening) {
        String name = opening.getFileName().toString();
        String base = name.endsWith(".opening.json") ? name.substring(0, name.length() - ".opening.json".length())
                : name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return opening.resolveSibling(base + ".commitment.json");
    }
}
