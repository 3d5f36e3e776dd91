package org.chapkit.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on a random port: keeps every request and answers 500 while told to, 200 otherwise. */
final class Receiver implements AutoCloseable {

    /** One request and the status it was answered with. */
    record Request(Map<String, List<String>> headers, byte[] body, int status) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicBoolean dead = new AtomicBoolean();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = dead.get() || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void failNext(int count) {
        failuresLeft.set(count);
    }

    void dead(boolean value) {
        dead.set(value);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> of(String eventId) {
        return requests.stream()
                .filter(r -> eventId.equals(r.header(WebhookSignature.EVENT_ID_HEADER)))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
