package org.chapkit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls to a service on a real port, for tests that check the wire format byte for byte. */
public final class HttpApi {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** {@code GET path}. The path is sent as given (no encoding or normalisation). */
    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** {@code POST path} with a JSON body. */
    public Response postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method with a body of the given content type (null for no body). */
    public Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(builder);
    }

    /** Sends a prepared request. */
    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response =
                    client.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The HTTP client used, for streaming tests. */
    public HttpClient client() {
        return client;
    }

    /** A full URI for {@code path}. */
    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** A received response. */
    public static final class Response {

        private final HttpResponse<String> response;

        Response(HttpResponse<String> response) {
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public JsonNode json() {
            return MAPPER.readTree(response.body());
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}
