package org.chapkit.benchmarks.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.benchmarks.harness.AppLayout;
import org.chapkit.benchmarks.harness.HarnessContext;
import org.chapkit.benchmarks.harness.HttpLoad;
import org.chapkit.benchmarks.harness.JavaProcess;
import org.chapkit.benchmarks.harness.Medians;
import org.chapkit.benchmarks.harness.Row;
import org.chapkit.benchmarks.harness.Suite;
import org.chapkit.benchmarks.http.probe.PlainConfigEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the sample app ({@code -Xmx512m}, the run's PostgreSQL) with the plain endpoint of {@link
 * PlainConfigEndpoint} added, creates one config, then drives {@code GET /api/v1/configs/{id}} and {@code GET
 * /bench/plain/configs/{id}} alternately from {@code --http-concurrency} (16) virtual threads over loopback, {@code
 * --http-requests} (3,000) requests per round, one warm-up round and {@code --http-rounds} (3) measured rounds.
 */
public final class ConfigGetSuite implements Suite {

    private static final Logger log = LoggerFactory.getLogger(ConfigGetSuite.class);
    private static final String METRIC = "3. GET /api/v1/configs/{id} (req/s)";

    @Override
    public String name() {
        return "http";
    }

    @Override
    public List<Row> placeholders() {
        return List.of(Row.notMeasured(METRIC, "≥ 0.7×", ""));
    }

    @Override
    public List<Row> run(HarnessContext context) throws Exception {
        AppLayout layout = AppLayout.extract(context);
        Path probe = AppLayout.copyPackage(
                context, PlainConfigEndpoint.class.getPackageName().replace('.', '/') + "/");
        Path imports =
                probe.resolve("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
        Files.createDirectories(imports.getParent());
        Files.writeString(imports, PlainConfigEndpoint.class.getName() + "\n");
        int concurrency = context.intOption("http-concurrency", 16);
        int requests = context.intOption("http-requests", 3000);
        int rounds = context.intOption("http-rounds", 3);
        List<String> args = new ArrayList<>(List.of(context.datasourceArgs()));
        try (JavaProcess app = JavaProcess.start(
                        context,
                        "sample-http",
                        List.of("-Xmx512m"),
                        layout.sampleClasspath(probe),
                        layout.sampleMainClass(),
                        args,
                        "/actuator/health");
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()) {
            JsonMapper mapper = JsonMapper.builder().build();
            HttpResponse<String> created = client.send(
                    HttpRequest.newBuilder(URI.create(app.baseUri() + "/api/v1/configs"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"name\":\"benchmark\",\"tags\":[\"bench\",\"load\"],\"data\":{\"prediction_periods\":3,"
                                            + "\"additional_continuous_covariates\":[\"rainfall\"]}}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException(
                        "Creating a config answered " + created.statusCode() + ": " + created.body());
            }
            String id = mapper.readTree(created.body()).get("id").asString();
            URI ours = URI.create(app.baseUri() + "/api/v1/configs/" + id);
            URI plain = URI.create(app.baseUri() + "/bench/plain/configs/" + id);
            JsonNode oursBody = mapper.readTree(get(client, ours));
            JsonNode plainBody = mapper.readTree(get(client, plain));
            String same =
                    oursBody.equals(plainBody) ? "same JSON" : "JSON differs: ours " + oursBody + " plain " + plainBody;
            log.info("config GET: {}", same);
            drive(client, ours, requests, concurrency); // warm-up: the JIT, Tomcat's and Hikari's pools
            drive(client, plain, requests, concurrency);
            List<Double> oursRates = new ArrayList<>();
            List<Double> plainRates = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                oursRates.add(drive(client, ours, requests, concurrency));
                plainRates.add(drive(client, plain, requests, concurrency));
                log.info(
                        "config GET round {}: chapkit {} req/s, plain {} req/s",
                        round,
                        Math.round(oursRates.getLast()),
                        Math.round(plainRates.getLast()));
            }
            double o = Medians.of(oursRates);
            double p = Medians.of(plainRates);
            return List.of(new Row(
                    METRIC,
                    o,
                    p,
                    "≥ 0.7×",
                    o / p >= 0.7,
                    String.format(
                            "median of %d rounds × %,d requests, %d concurrent, baseline = plain @RestController +"
                                    + " JdbcClient in the same app (%s)",
                            rounds, requests, concurrency, same)));
        }
    }

    private static String get(HttpClient client, URI uri) throws Exception {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Sends {@code requests} GETs from {@code concurrency} virtual threads; returns requests per second. */
    static double drive(HttpClient client, URI uri, int requests, int concurrency) throws InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
        return HttpLoad.drive(client, request, requests, concurrency);
    }
}
