package io.zkmargin.cli;

import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.engine.MarginResult;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.Threshold;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Trader (local, private): the reference margin engine's figures for an account in an epoch.",
            "Nothing leaves the machine. Exit code 1 when the account is below the call threshold."})
final class HealthCommand implements Callable<Integer> {
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

    @Spec CommandSpec spec;

    static final class Source {
        @Option(names = {"-a", "--account"}, description = "Account state (JSON).")
        Path accountFile;

        @Option(names = "--opening", description = "Opening file from `zkmargin commit`.")
        Path openingFile;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = {"-e", "--epoch"}, required = true, description = "Market epoch file (JSON).")
    Path epochFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        AccountState state = source.accountFile != null ? CliFiles.readAccount(source.accountFile)
                : CliFiles.readOpening(source.openingFile).state();
        MarketEpoch epoch = CliFiles.readEpoch(epochFile);
        MarginResult r = MarginEngine.evaluate(epoch.table(), state);
        print(o, state, epoch, r);
        return r.isHealthy(Threshold.CALL) ? 0 : Main.EXIT_FAILED;
    }

    static void print(PrintWriter o, AccountState state, MarketEpoch epoch, MarginResult r) {
        o.printf("account %d in epoch %d (amounts in quote atoms)%n", state.accountId(), epoch.epochId());
        Table t = new Table("figure", "value");
        t.row("equity E", atoms(r.e6()));
        t.row("tiered maintenance T", atoms(r.t6()));
        t.row("scan risk (scenario " + (r.scanScenario() + 1) + ")", r.scan().toString());
        t.row("short option minimum", r.som().toString());
        t.row("requirement R", atoms(r.r6()));
        t.row("largest provable f", r.isRequirementZero() ? "unbounded (no requirement)"
                : String.format("%,d bps", r.largestProvableF()));
        t.row("healthy at 10,000 (call)", r.isHealthy(Threshold.CALL) ? "yes" : "NO");
        t.row("healthy at 12,000 (warn)", r.isHealthy(Threshold.WARN) ? "yes" : "NO");
        t.print(o);
    }

    /** A 1e6-scaled amount as atoms with six decimals. */
    static String atoms(BigInteger scaled) {
        BigInteger[] qr = scaled.divideAndRemainder(MILLION);
        if (qr[1].signum() == 0) return String.format("%,d", qr[0]);
        return new java.math.BigDecimal(scaled).movePointLeft(6).stripTrailingZeros().toPlainString();
    }
}
