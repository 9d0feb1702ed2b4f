package io.zkmargin.cli;

import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.risk.MarketTableGenerator;
import io.zkmargin.api.sig.VenueSignatures;
import io.zkmargin.api.sig.VenueSigningKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "epoch", mixinStandardHelpOptions = true,
        description = {"Venue: build and sign a market epoch.",
            "The input is either instrument specs for the risk tools (CSV or JSON, docs/RISK-TOOLS.md: risk arrays",
            "are computed with Black-76) or a ready market table (JSON with \"instruments\"). Bounds of",
            "MARGIN-MODEL.md are checked; the epoch (table, Poseidon market root, Ed25519 signature) is written as JSON."})
final class EpochCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, description = "Instrument specs (.csv/.json) or market table (.json).")
    Path input;

    @Option(names = "--id", required = true, description = "Epoch id (must increase from one epoch to the next).")
    long epochId;

    @Option(names = {"-k", "--key"}, required = true, description = "Venue private key (PEM).")
    Path keyFile;

    @Option(names = {"-o", "--out"}, required = true, description = "Epoch file to write (JSON).")
    Path out;

    @Option(names = "--timestamp", description = "Epoch time in ms since the Unix epoch (default: now).")
    Long timestamp;

    @Option(names = "--table-out", description = "Also write the generated market table (JSON).")
    Path tableOut;

    @Option(names = "--post", description = "Service URL to publish the epoch to (POST /v1/epochs).")
    String postUrl;

    @Option(names = "--token", description = "Venue bearer token for --post (or env ZKMARGIN_TOKEN).")
    String token;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        VenueSigningKey key = CliFiles.readSigningKey(keyFile);
        MarketTable table = readTable(input);
        MarketEpoch epoch = VenueSignatures.signEpoch(key, epochId,
                timestamp != null ? timestamp : System.currentTimeMillis(), table);
        String json = CliFiles.epochJson(epoch);
        CliFiles.writeText(out, json);
        if (tableOut != null) CliFiles.writeText(tableOut, MarketTableGenerator.toJson(table));
        o.printf("epoch %d: %d instruments, %d collateral assets%n  marketRoot  %s%n  epochDigest %s%n  written to %s%n",
                epochId, table.instruments().size(), table.collaterals().size(),
                epoch.marketRoot().toDecimalString(), epoch.epochDigest().toDecimalString(), out);
        if (postUrl != null) {
            Http.postOrFail(postUrl, "/v1/epochs", json, token(token), "epoch");
            o.printf("  published to %s%n", postUrl);
        }
        return 0;
    }

    static MarketTable readTable(Path input) throws java.io.IOException {
        String text = CliFiles.readText(input);
        if (text.stripLeading().startsWith("{") && text.contains("\"instruments\"") && !text.contains("\"underlyings\"")) {
            return MarketTableGenerator.fromJson(text);
        }
        return MarketTableGenerator.generate(MarketTableGenerator.read(input));
    }

    static String token(String given) {
        return given != null ? given : System.getenv("ZKMARGIN_TOKEN");
    }
}
