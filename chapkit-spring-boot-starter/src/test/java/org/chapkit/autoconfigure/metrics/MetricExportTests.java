package org.chapkit.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.graphite.GraphiteMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Metric export through Boot's own auto-configuration: with {@code micrometer-registry-graphite} and
 * {@code micrometer-registry-otlp} on the class path and {@code management.*.metrics.export.*} pointing at local
 * listeners, chapkit's meters reach a Graphite plaintext listener (TCP) and an OTLP/HTTP receiver, while
 * {@code /metrics} is still served from the Prometheus registry beside them (one composite). The context is closed
 * after the class (its last publication still reaches the listeners, which live as long as the test JVM), so that it
 * does not keep exporting while other suites run.
 */
@ServiceTestOnH2
@DirtiesContext
class MetricExportTests {

    private static final Queue<String> GRAPHITE_LINES = new ConcurrentLinkedQueue<>();
    private static final Queue<byte[]> OTLP_BODIES = new ConcurrentLinkedQueue<>();
    private static final ServerSocket GRAPHITE = graphiteListener();
    private static final HttpServer OTLP = otlpReceiver();

    @DynamicPropertySource
    static void exportTo(DynamicPropertyRegistry registry) {
        registry.add("management.graphite.metrics.export.enabled", () -> "true");
        registry.add("management.graphite.metrics.export.protocol", () -> "plaintext");
        registry.add("management.graphite.metrics.export.host", () -> "127.0.0.1");
        registry.add("management.graphite.metrics.export.port", GRAPHITE::getLocalPort);
        registry.add("management.graphite.metrics.export.step", () -> "1s");
        registry.add("management.otlp.metrics.export.enabled", () -> "true");
        registry.add(
                "management.otlp.metrics.export.url",
                () -> "http://127.0.0.1:" + OTLP.getAddress().getPort() + "/v1/metrics");
        registry.add("management.otlp.metrics.export.step", () -> "1s");
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meterRegistry;

    @Test
    void chapkitMetersReachGraphiteAndOtlpBesideTheMetricsPage() {
        HttpApi api = new HttpApi(port);
        assertThat(api.get("/api/v1/configs").status()).isEqualTo(200);

        assertThat(meterRegistry).isInstanceOf(CompositeMeterRegistry.class);
        assertThat(((CompositeMeterRegistry) meterRegistry).getRegistries())
                .hasAtLeastOneElementOfType(PrometheusMeterRegistry.class)
                .hasAtLeastOneElementOfType(GraphiteMeterRegistry.class)
                .hasAtLeastOneElementOfType(OtlpMeterRegistry.class);

        // Graphite plaintext: "name;tag=value;... value timestamp", dotted names, one line per sample.
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        GRAPHITE_LINES.stream().anyMatch(line -> line.matches("chapkit\\.jobs\\.pending \\S+ \\d+"))
                                && GRAPHITE_LINES.stream()
                                        .anyMatch(line -> line.startsWith("http.server.duration;")
                                                && line.contains(";http_target=/api/v1/configs;")
                                                && line.matches("\\S+;metricattribute=count 1(\\.0+)? \\d+")));
        // OTLP/HTTP: protobuf whose metric names are plain UTF-8 strings.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> OTLP_BODIES.stream()
                        .map(body -> new String(body, StandardCharsets.ISO_8859_1))
                        .anyMatch(body ->
                                body.contains("chapkit.jobs.pending") && body.contains("http.server.duration")));

        assertThat(api.get("/metrics").body())
                .contains("chapkit_jobs_pending")
                .contains("http_server_duration_milliseconds_count{");
    }

    /** A Graphite plaintext listener: one line per sample ({@code name value timestamp}), any number of connections. */
    private static ServerSocket graphiteListener() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try (Socket socket = server.accept();
                                    BufferedReader reader = new BufferedReader(
                                            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                                reader.lines().forEach(GRAPHITE_LINES::add);
                            } catch (IOException closed) {
                                // the listener was closed at the end of the class, or the reporter dropped its
                                // connection
                            }
                        }
                    },
                    "graphite-listener");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** An OTLP/HTTP receiver that keeps each request body (protobuf) and answers 200. */
    private static HttpServer otlpReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/metrics", exchange -> {
                OTLP_BODIES.add(exchange.getRequestBody().readAllBytes());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
