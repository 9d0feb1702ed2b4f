package io.zkmargin.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.service.events.EventHub;
import io.zkmargin.service.events.EventJson;
import io.zkmargin.service.store.EventRecord;
import io.zkmargin.service.store.KeyRecord;
import io.zkmargin.service.store.StoreTx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP API under /v1 plus /health, /metrics and /openapi.json: one handler method per route, one
 * error helper. Blocking work (database, verification) runs off the event loop.
 */
final class HttpApi {
    static final String JSON = "application/json";
    static final String PROTOBUF = "application/x-protobuf";
    private static final Logger LOG = Logger.getLogger(HttpApi.class.getName());
    private static final String ERROR_KEY = "zk.error";

    private final Vertx vertx;
    private final ServiceConfig config;
    private final ServiceCore core;
    private final ProofQueue queue;
    private final EventHub hub;
    private final Metrics metrics;
    private final RateLimiter limiter;
    private final Consumer<String> accessLog;
    private final String openApi;

    HttpApi(Vertx vertx, ServiceConfig config, ServiceCore core, ProofQueue queue, EventHub hub, Metrics metrics,
            RateLimiter limiter, Consumer<String> accessLog) {
        this.vertx = vertx;
        this.config = config;
        this.core = core;
        this.queue = queue;
        this.hub = hub;
        this.metrics = metrics;
        this.limiter = limiter;
        this.accessLog = accessLog;
        this.openApi = loadOpenApi();
        metrics.describe("zk_http_requests_total", "HTTP requests by route and status");
        metrics.describe("zk_proofs_total", "Proof submissions by outcome");
        metrics.describe("zk_rejections_total", "Rejections by error code");
    }

    Router router() {
        Router r = Router.router(vertx);
        r.route().handler(this::accessLog);
        r.route().handler(this::rateLimit);
        // before the timeout handler: an event stream is meant to stay open
        r.get("/v1/events/stream").handler(this::eventStream);
        r.route().handler(TimeoutHandler.create(config.requestTimeoutMillis(), 503));
        r.route().handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));

        r.get("/health").handler(this::health);
        r.get("/metrics").handler(this::metrics);
        r.get("/openapi.json").handler(this::openApi);

        r.post("/v1/keys").handler(this::registerKey);
        r.get("/v1/keys").handler(this::listKeys);
        r.post("/v1/epochs").handler(this::publishEpoch);
        r.get("/v1/epochs/current").handler(this::currentEpoch);
        r.post("/v1/accounts").handler(this::registerAccount);
        r.get("/v1/accounts/:accountId").handler(this::accountStatus);
        r.post("/v1/proofs").handler(this::submitProof);
        r.get("/v1/events").handler(this::listEvents);

        r.route().last().handler(ctx -> fail(ctx, new Rejection(ErrorCode.NOT_FOUND, "no such route")));
        r.route().failureHandler(this::failure);
        return r;
    }

    // ------------------------------------------------------------------ cross-cutting

    private void accessLog(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addBodyEndHandler(v -> {
            int status = ctx.response().getStatusCode();
            String route = ctx.currentRoute() == null || ctx.currentRoute().getPath() == null
                    ? "other" : ctx.currentRoute().getPath();
            metrics.inc("zk_http_requests_total", "route", route, "status", Integer.toString(status));
            JsonObject line = new JsonObject().put("ts", System.currentTimeMillis())
                    .put("method", ctx.request().method().name()).put("path", ctx.normalizedPath())
                    .put("status", status).put("ms", (System.nanoTime() - start) / 1_000_000)
                    .put("client", client(ctx));
            Object code = ctx.get(ERROR_KEY);
            if (code != null) {
                line.put("error", code.toString());
            }
            accessLog.accept(line.encode());
        });
        ctx.next();
    }

    private static String client(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }

    private void rateLimit(RoutingContext ctx) {
        if (!limiter.tryAcquire(client(ctx))) {
            ctx.response().putHeader("Retry-After", "1");
            fail(ctx, new Rejection(ErrorCode.RATE_LIMITED, "too many requests from this client"));
            return;
        }
        ctx.next();
    }

    /** Venue routes need the configured bearer token (when one is configured). */
    private boolean venueAuthenticated(RoutingContext ctx) {
        if (!config.hasBearerToken()) {
            return true;
        }
        String h = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (h != null && h.startsWith("Bearer ") && config.bearerTokenMatches(h.substring(7))) {
            return true;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        fail(ctx, new Rejection(ErrorCode.UNAUTHENTICATED, "venue endpoint: missing or wrong bearer token"));
        return false;
    }

    private boolean isProtobuf(RoutingContext ctx) {
        String ct = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (ct == null) {
            throw new Rejection(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json or "
                    + "application/x-protobuf");
        }
        String base = ct.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (base.equals(JSON)) {
            return false;
        }
        if (base.equals(PROTOBUF)) {
            return true;
        }
        throw new Rejection(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json or "
                + "application/x-protobuf");
    }

    private boolean wantsProtobuf(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(PROTOBUF) && !accept.contains(JSON);
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    private void fail(RoutingContext ctx, Throwable t) {
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        ErrorCode code;
        String message;
        if (t instanceof Rejection r) {
            code = r.code();
            message = r.getMessage();
        } else {
            code = ErrorCode.INTERNAL;
            message = "internal error";
            // class name only: exception messages from drivers may echo request data
            LOG.log(Level.WARNING, "internal error: " + t.getClass().getName());
        }
        if (code == ErrorCode.INVALID_PROOF || code == ErrorCode.MALFORMED_PROOF) {
            metrics.inc("zk_proofs_total", "outcome", "rejected");
        }
        metrics.inc("zk_rejections_total", "code", code.name());
        ctx.put(ERROR_KEY, code.name());
        ctx.response().setStatusCode(code.httpStatus()).putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(ApiWire.error(code, message).encode());
    }

    private void failure(RoutingContext ctx) {
        Throwable t = ctx.failure();
        int status = ctx.statusCode();
        if (t instanceof Rejection || (t != null && status < 0)) {
            fail(ctx, t);
            return;
        }
        // Vert.x handlers fail with a bare status: 413 from the body handler, 503 from the timeout handler
        ErrorCode code = switch (status) {
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 503 -> ErrorCode.TIMEOUT;
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 404 -> ErrorCode.NOT_FOUND;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            default -> ErrorCode.INTERNAL;
        };
        String msg = switch (code) {
            case BODY_TOO_LARGE -> "request body exceeds " + config.maxBodyBytes() + " bytes";
            case TIMEOUT -> "request timed out";
            default -> "request failed";
        };
        fail(ctx, new Rejection(code, msg));
    }

    private void json(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended()) {
            return;
        }
        String text = body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(text);
    }

    private void reply(RoutingContext ctx, int status, JsonObject body, java.util.function.Supplier<byte[]> protoBody) {
        if (ctx.response().ended()) {
            return;
        }
        if (protoBody != null && wantsProtobuf(ctx)) {
            byte[] b = protoBody.get();
            if (b != null) {
                ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, PROTOBUF).end(Buffer.buffer(b));
                return;
            }
        }
        json(ctx, status, body);
    }

    // ------------------------------------------------------------------ operations

    private void health(RoutingContext ctx) {
        blocking(() -> core.currentEpoch()).onSuccess(e -> json(ctx, 200, new JsonObject().put("status", "ok")
                .put("store", core.repository().kind()).put("epochId", e.map(x -> x.epochId()).orElse(-1L))))
                .onFailure(t -> fail(ctx, t));
    }

    private void metrics(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4").end(metrics.render());
    }

    private void openApi(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(openApi);
    }

    private static String loadOpenApi() {
        try (InputStream in = HttpApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json resource missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi.json", e);
        }
    }

    // ------------------------------------------------------------------ venue routes

    private byte[] body(RoutingContext ctx) {
        return ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    }

    private void registerKey(RoutingContext ctx) {
        if (!config.hasBearerToken()) {
            // keys carry no venue signature: without a configured token nobody may register one
            fail(ctx, new Rejection(ErrorCode.UNAUTHENTICATED, "key registration needs a configured bearer token"));
            return;
        }
        if (!venueAuthenticated(ctx)) {
            return;
        }
        try {
            ApiWire.KeyRequest k = ApiWire.key(body(ctx), isProtobuf(ctx));
            blocking(() -> core.registerKey(k.sizeClass(), k.key(), k.keyId()))
                    .onSuccess(rec -> reply(ctx, 201, ApiWire.keyJson(rec), () -> ApiWire.keyProto(rec).toByteArray()))
                    .onFailure(t -> fail(ctx, t));
        } catch (Rejection r) {
            fail(ctx, r);
        }
    }

    private void listKeys(RoutingContext ctx) {
        blocking(() -> core.repository().transaction(StoreTx::keys)).onSuccess(keys -> {
            JsonArray a = new JsonArray();
            for (KeyRecord k : keys) {
                a.add(ApiWire.keyJson(k));
            }
            json(ctx, 200, new JsonObject().put("keys", a));
        }).onFailure(t -> fail(ctx, t));
    }

    private void publishEpoch(RoutingContext ctx) {
        if (!venueAuthenticated(ctx)) {
            return;
        }
        try {
            MarketEpoch e = ApiWire.epoch(body(ctx), isProtobuf(ctx));
            blocking(() -> core.publishEpoch(e))
                    .onSuccess(rec -> reply(ctx, 201, ApiWire.epochJson(rec), () -> rec.encoded()))
                    .onFailure(t -> fail(ctx, t));
        } catch (Rejection r) {
            fail(ctx, r);
        }
    }

    private void currentEpoch(RoutingContext ctx) {
        blocking(() -> core.currentEpoch()).onSuccess(e -> {
            if (e.isEmpty()) {
                fail(ctx, new Rejection(ErrorCode.NO_EPOCH, "no market epoch has been published"));
            } else {
                reply(ctx, 200, ApiWire.epochJson(e.get()), () -> e.get().encoded());
            }
        }).onFailure(t -> fail(ctx, t));
    }

    private void registerAccount(RoutingContext ctx) {
        if (!venueAuthenticated(ctx)) {
            return;
        }
        try {
            AccountRegistration r = ApiWire.registration(body(ctx), isProtobuf(ctx));
            blocking(() -> {
                core.register(r);
                return core.status(r.accountId());
            }).onSuccess(s -> reply(ctx, 200, ApiWire.statusJson(s), () -> ApiWire.statusProto(s).toByteArray()))
                    .onFailure(t -> fail(ctx, t));
        } catch (Rejection r) {
            fail(ctx, r);
        }
    }

    // ------------------------------------------------------------------ public routes

    private static long accountParam(RoutingContext ctx) {
        String v = ctx.pathParam("accountId");
        try {
            long id = Long.parseLong(v);
            if (id >= 0 && Long.toString(id).equals(v)) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new Rejection(ErrorCode.MALFORMED_REQUEST, "accountId must be a decimal integer in 0..2^63-1");
    }

    private void accountStatus(RoutingContext ctx) {
        try {
            long id = accountParam(ctx);
            blocking(() -> core.status(id))
                    .onSuccess(s -> reply(ctx, 200, ApiWire.statusJson(s), () -> ApiWire.statusProto(s).toByteArray()))
                    .onFailure(t -> fail(ctx, t));
        } catch (Rejection r) {
            fail(ctx, r);
        }
    }

    private void submitProof(RoutingContext ctx) {
        try {
            ProofSubmission p = ApiWire.proof(body(ctx), isProtobuf(ctx));
            blocking(() -> core.prepareProof(p))
                    .compose(pp -> Future.fromCompletionStage(queue.submit(pp.key(), p.proof(), pp.publicInputs()))
                            .compose(ok -> blocking(() -> core.acceptProof(pp, ok))))
                    .compose(h -> blocking(() -> core.status(p.accountId())))
                    .onSuccess(s -> {
                        metrics.inc("zk_proofs_total", "outcome", "accepted");
                        reply(ctx, 200, ApiWire.statusJson(s).put("accepted", true),
                                () -> ApiWire.statusProto(s).toByteArray());
                    })
                    .onFailure(t -> fail(ctx, t));
        } catch (Rejection r) {
            fail(ctx, r);
        }
    }

    private long afterParam(RoutingContext ctx, String header) {
        String v = header != null ? header : ctx.queryParams().get("after");
        if (v == null) {
            return -1;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Rejection(ErrorCode.MALFORMED_REQUEST, "after / Last-Event-ID must be a non-negative integer");
        }
    }

    private void listEvents(RoutingContext ctx) {
        try {
            long after = Math.max(0, afterParam(ctx, null));
            blocking(() -> core.repository().transaction(tx -> tx.eventsAfter(after, 500))).onSuccess(list -> {
                JsonArray a = new JsonArray();
                for (EventRecord e : list) {
                    a.add(EventJson.toJson(e));
                }
                json(ctx, 200, new JsonObject().put("events", a));
            }).onFailure(t -> fail(ctx, t));
        } catch (Rejection r) {
            fail(ctx, r);
        }
    }

    /**
     * Server-Sent Events. Resumes after Last-Event-ID (or ?after=N); without either, starts with new events.
     * Every write comes from the store in id order, so a live event and catch-up never interleave wrongly.
     */
    private void eventStream(RoutingContext ctx) {
        long after;
        try {
            after = afterParam(ctx, ctx.request().getHeader("Last-Event-ID"));
        } catch (Rejection r) {
            fail(ctx, r);
            return;
        }
        HttpServerResponse resp = ctx.response();
        resp.setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        SseStream stream = new SseStream(ctx, resp);
        if (after < 0) {
            blocking(() -> core.repository().transaction(StoreTx::latestEventId))
                    .onSuccess(stream::start).onFailure(t -> resp.end());
        } else {
            stream.start(after);
        }
    }

    /** One SSE connection: a pump that writes stored events after the last id sent. */
    private final class SseStream {
        private final RoutingContext ctx;
        private final HttpServerResponse resp;
        private long lastSent;
        private boolean pumping;
        private boolean again;
        private AutoCloseable subscription;
        private long heartbeat;

        SseStream(RoutingContext ctx, HttpServerResponse resp) {
            this.ctx = ctx;
            this.resp = resp;
        }

        void start(long after) {
            lastSent = after;
            resp.write(": zkmargin events\n\n");
            subscription = hub.subscribe(e -> ctx.vertx().runOnContext(v -> pump()));
            heartbeat = ctx.vertx().setPeriodic(15_000, id -> {
                if (!resp.closed()) {
                    resp.write(": keep-alive\n\n");
                }
            });
            resp.closeHandler(v -> stop());
            pump();
        }

        private void stop() {
            ctx.vertx().cancelTimer(heartbeat);
            try {
                if (subscription != null) {
                    subscription.close();
                }
            } catch (Exception ignored) {
                // removal from a list cannot fail
            }
        }

        private void pump() {
            if (pumping) {
                again = true;
                return;
            }
            pumping = true;
            long from = lastSent;
            blocking(() -> core.repository().transaction(tx -> tx.eventsAfter(from, 500))).onComplete(ar -> {
                pumping = false;
                if (ar.succeeded() && !resp.closed()) {
                    for (EventRecord e : ar.result()) {
                        resp.write("id: " + e.id() + "\nevent: " + e.type() + "\ndata: " + EventJson.toJson(e).encode()
                                + "\n\n");
                        lastSent = e.id();
                    }
                    if (ar.result().size() == 500) {
                        again = true;
                    }
                }
                if (again && !resp.closed()) {
                    again = false;
                    pump();
                }
            });
        }
    }
}
