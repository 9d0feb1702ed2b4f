package io.zkmargin.service;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.zkmargin.service.audit.AuditExporter;
import io.zkmargin.service.events.EventHub;
import io.zkmargin.service.events.WebhookDispatcher;
import io.zkmargin.service.store.JdbcRepository;
import io.zkmargin.service.store.Repository;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The verifier service a venue runs. {@code VerifierService.builder(config).build().start()} opens the
 * store, starts the HTTP server, the deadline timer, the proof queue and the webhook dispatcher;
 * {@link #url()} is the base URL to print; {@link #stop()} shuts everything down.
 */
public final class VerifierService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(VerifierService.class.getName());

    private final ServiceConfig config;
    private final ProofChecker checker;
    private final LongSupplier clock;
    private final Consumer<String> accessLog;
    private Vertx vertx;
    private HttpServer server;
    private Repository repo;
    private ServiceCore core;
    private ProofQueue queue;
    private EventHub hub;
    private Metrics metrics;
    private WebhookDispatcher dispatcher;
    private final AtomicBoolean timerBusy = new AtomicBoolean();
    private final AtomicBoolean webhookBusy = new AtomicBoolean();

    private VerifierService(Builder b) {
        this.config = b.config;
        this.checker = b.checker;
        this.clock = b.clock;
        this.accessLog = b.accessLog;
    }

    public static Builder builder(ServiceConfig config) {
        return new Builder(config);
    }

    /** Starts everything and blocks until the server listens; throws IllegalStateException on failure. */
    public synchronized VerifierService start() {
        if (vertx != null) {
            throw new IllegalStateException("already started");
        }
        repo = JdbcRepository.open(config.jdbcUrl());
        hub = new EventHub();
        metrics = new Metrics();
        core = new ServiceCore(config, repo, checker, clock, hub);
        queue = new ProofQueue(checker, config.maxBatch());
        vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(8));
        if (!config.webhookUrls().isEmpty()) {
            dispatcher = new WebhookDispatcher(repo, config.webhookSecret(), clock,
                    config.webhookInitialBackoffMillis(), config.webhookMaxBackoffMillis());
        }
        metrics.gauge("zk_proof_queue_depth", "Proofs waiting for verification", queue::depth);
        metrics.gauge("zk_proofs_verified_total", "Proofs verified (single or batch)", queue::verifiedCount);
        metrics.gauge("zk_proof_batches_total", "Batch verifications run", queue::batchCount);
        metrics.gauge("zk_sse_subscribers", "Open event streams", hub::subscribers);
        if (dispatcher != null) {
            metrics.gauge("zk_webhook_delivered_total", "Webhook deliveries acknowledged", dispatcher::deliveredCount);
            metrics.gauge("zk_webhook_failures_total", "Webhook attempts that failed", dispatcher::failureCount);
        }
        HttpApi api = new HttpApi(vertx, config, core, queue, hub, metrics,
                new RateLimiter(config.ratePerSecond(), config.rateBurst(), System::currentTimeMillis), accessLog);
        try {
            server = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port())
                            .setIdleTimeout(120).setIdleTimeoutUnit(TimeUnit.SECONDS))
                    .requestHandler(api.router()).listen().toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
        // deadlines persisted before a restart fire on the first tick
        vertx.setPeriodic(0, config.tickMillis(), id -> tick());
        LOG.info(() -> "verifier service listening on " + url() + " (" + repo.kind() + ")");
        return this;
    }

    private void tick() {
        if (timerBusy.compareAndSet(false, true)) {
            vertx.executeBlocking(() -> core.fireDeadlines(), false).onComplete(ar -> {
                timerBusy.set(false);
                if (ar.failed()) {
                    LOG.log(Level.WARNING, "deadline timer failed: " + ar.cause().getClass().getName());
                } else if (ar.result() > 0) {
                    metrics.inc("zk_deadline_transitions_total");
                }
            });
        }
        if (dispatcher != null && webhookBusy.compareAndSet(false, true)) {
            vertx.executeBlocking(() -> dispatcher.runOnce(), false).onComplete(ar -> webhookBusy.set(false));
        }
    }

    private static void printAccessLine(String line) {
        System.out.println(line);
    }

    public int port() {
        return server.actualPort();
    }

    /** Base URL, e.g. http://127.0.0.1:8080 */
    public String url() {
        return "http://" + (config.host().contains(":") ? "[" + config.host() + "]" : config.host()) + ":" + port();
    }

    public ServiceCore core() {
        return core;
    }

    public ServiceConfig config() {
        return config;
    }

    /** Writes an audit bundle (see {@link AuditExporter}) into an empty or new directory. */
    public Path exportAudit(Path dir) {
        return new AuditExporter(repo, config.venuePublicKey()).export(dir);
    }

    public synchronized void stop() {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "vert.x did not close cleanly: " + e.getClass().getName());
            }
            vertx = null;
        }
        if (queue != null) {
            queue.close();
        }
        if (repo != null) {
            repo.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Builder: the real Groth16 verifier by default; tests may plug in their own checker. */
    public static final class Builder {
        private final ServiceConfig config;
        private ProofChecker checker;
        private LongSupplier clock = System::currentTimeMillis;
        private Consumer<String> accessLog = VerifierService::printAccessLine;

        private Builder(ServiceConfig config) {
            this.config = Objects.requireNonNull(config);
        }

        public Builder proofChecker(ProofChecker c) { checker = Objects.requireNonNull(c); return this; }
        public Builder clock(LongSupplier c) { clock = Objects.requireNonNull(c); return this; }
        /** Where the one-JSON-line-per-request access log goes (standard output by default). */
        public Builder accessLog(Consumer<String> sink) { accessLog = Objects.requireNonNull(sink); return this; }

        public VerifierService build() {
            if (checker == null) {
                checker = new Groth16ProofChecker();
            }
            return new VerifierService(this);
        }
    }
}
