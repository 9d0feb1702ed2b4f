package io.zkmargin.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Minimal JSON-over-HTTP client for talking to a zkmargin verifier service. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {}

    record Response(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    static Response post(String baseUrl, String path, String json, String bearerToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(baseUrl, path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearerToken != null) b.header("Authorization", "Bearer " + bearerToken);
        return send(b.build());
    }

    static Response get(String baseUrl, String path) {
        return send(HttpRequest.newBuilder(uri(baseUrl, path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private static URI uri(String baseUrl, String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            return URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("not a URL: " + baseUrl);
        }
    }

    private static Response send(HttpRequest req) {
        try {
            HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw CliException.failed("cannot reach " + req.uri() + ": " + Main.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failed("interrupted");
        }
    }

    /** Posts and turns a non-2xx answer into a one-line failure that quotes the service's error. */
    static Response postOrFail(String baseUrl, String path, String json, String token, String what) {
        Response r = post(baseUrl, path, json, token);
        if (!r.ok()) throw CliException.failed(what + " rejected by the service (HTTP " + r.status() + "): " + r.body());
        return r;
    }
}
