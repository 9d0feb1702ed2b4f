package io.zkmargin.cli;

import io.zkmargin.service.ServiceConfig;
import io.zkmargin.service.VerifierService;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Service: run the verifier service (embedded SQLite in the data directory by default).",
            "Venue endpoints need the bearer token (--token or env ZKMARGIN_TOKEN); see docs/SERVICE.md."})
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-d", "--data"}, defaultValue = "zkmargin-data", description = "Data directory (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Listen address (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = {"-p", "--port"}, defaultValue = "8080", description = "Port, 0 for a free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--venue-pub", required = true, description = "Venue public key (PEM or hex) whose signatures count.")
    Path venuePub;

    @Option(names = "--token", description = "Venue bearer token, at least 16 characters (or env ZKMARGIN_TOKEN).")
    String token;

    @Option(names = "--jdbc", description = "JDBC URL instead of the embedded SQLite (e.g. jdbc:postgresql://...).")
    String jdbcUrl;

    @Option(names = "--proof-window", defaultValue = "PT10M", description = "Proof window (ISO-8601 duration, default ${DEFAULT-VALUE}).")
    Duration proofWindow;

    @Option(names = "--grace-window", defaultValue = "PT30M", description = "Grace window before LIQUIDATION (default ${DEFAULT-VALUE}).")
    Duration graceWindow;

    @Option(names = "--webhook", description = "Webhook URL for events (repeatable); needs --webhook-secret.")
    List<URI> webhooks = List.of();

    @Option(names = "--webhook-secret", description = "HMAC secret for webhook signatures (or env ZKMARGIN_WEBHOOK_SECRET).")
    String webhookSecret;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        String secret = webhookSecret != null ? webhookSecret : System.getenv("ZKMARGIN_WEBHOOK_SECRET");
        ServiceConfig.Builder b = ServiceConfig.builder()
                .dataDir(dataDir).host(host).port(port)
                .venuePublicKey(CliFiles.readPublicKey(venuePub).raw())
                .bearerToken(EpochCommand.token(token))
                .proofWindowMillis(proofWindow.toMillis())
                .graceWindowMillis(graceWindow.toMillis())
                .webhookUrls(webhooks);
        if (jdbcUrl != null) b.jdbcUrl(jdbcUrl);
        if (secret != null) b.webhookSecret(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        VerifierService svc = VerifierService.builder(b.build()).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            svc.stop();
            stopped.countDown();
        }, "zkmargin-shutdown"));
        o.printf("zkmargin verifier service listening on %s (data in %s); Ctrl-C to stop%n", svc.url(), dataDir);
        o.flush();
        stopped.await();
        return 0;
    }
}
