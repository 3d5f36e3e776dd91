package org.chapkit.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free local port that answers with canned, contract-shaped responses and records every
 * request, for testing the client over the wire.
 */
public final class FakeChapkitServer implements AutoCloseable {

    /** One recorded request. */
    public record Recorded(String method, String path, String query, Headers headers, String body) {}

    /** Produces the response to one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange, String body) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    public FakeChapkitServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::dispatch);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers a handler for an exact method and raw path (without query), e.g. {@code GET /api/v1/ml/$train}. */
    public FakeChapkitServer on(String method, String rawPath, Handler handler) {
        routes.put(method + " " + rawPath, handler);
        return this;
    }

    /** Registers a canned JSON response. */
    public FakeChapkitServer json(String method, String rawPath, int status, String json) {
        return on(method, rawPath, (exchange, body) -> respond(exchange, status, "application/json", json));
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded last(String method, String rawPath) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            Recorded request = requests.get(i);
            if (request.method().equals(method) && request.path().equals(rawPath)) {
                return request;
            }
        }
        throw new AssertionError("No " + method + " " + rawPath + " in " + requests);
    }

    public long count(String method, String rawPath) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(rawPath))
                .count();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().replace("%24", "$");
            Handler handler = routes.get(exchange.getRequestMethod() + " " + path);
            String body = handler != null && isStreamed(path)
                    ? ""
                    : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    body));
            if (handler == null) {
                respond(exchange, 404, "text/plain", "Not Found");
                return;
            }
            handler.handle(exchange, body);
        }
    }

    /** Upload endpoints read the body themselves, streaming. */
    private static boolean isStreamed(String path) {
        return path.endsWith("/$content") || path.endsWith("/$import");
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
