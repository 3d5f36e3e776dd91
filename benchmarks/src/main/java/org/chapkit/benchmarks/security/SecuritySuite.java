package org.chapkit.benchmarks.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the sample app twice on the run's database, once with security off and once with
 * {@code chapkit.security.enabled=true} and an admin key (audit trail on, rate limit off, as shipped), creates one
 * config, and drives {@code GET /api/v1/configs/{id}} on both alternately: with the {@code X-API-Key} header against
 * the secured app, without it against the open one. {@code --http-concurrency} (16) virtual threads,
 * {@code --http-requests} (3,000) per round, one warm-up round, {@code --http-rounds} (3) measured rounds.
 */
public final class SecuritySuite implements Suite {

    private static final Logger log = LoggerFactory.getLogger(SecuritySuite.class);
    private static final String METRIC = "8. GET /api/v1/configs/{id} with an API key vs security off (req/s)";
    private static final String KEY = "benchmark-admin-key-6f1d2c9e8b7a4035";

    @Override
    public String name() {
        return "security";
    }

    @Override
    public List<Row> placeholders() {
        return List.of(Row.notMeasured(METRIC, "≥ 0.9×", ""));
    }

    @Override
    public List<Row> run(HarnessContext context) throws Exception {
        AppLayout layout = AppLayout.extract(context);
        int concurrency = context.intOption("http-concurrency", 16);
        int requests = context.intOption("http-requests", 3000);
        int rounds = context.intOption("http-rounds", 3);
        List<String> open = new ArrayList<>(List.of(context.datasourceArgs()));
        List<String> secured = new ArrayList<>(open);
        secured.add("--chapkit.security.enabled=true");
        secured.add("--chapkit.security.api-keys=" + KEY);
        try (JavaProcess openApp = JavaProcess.start(
                        context,
                        "sample-open",
                        List.of("-Xmx512m"),
                        layout.sampleClasspath(),
                        layout.sampleMainClass(),
                        open,
                        "/health");
                JavaProcess securedApp = JavaProcess.start(
                        context,
                        "sample-secured",
                        List.of("-Xmx512m"),
                        layout.sampleClasspath(),
                        layout.sampleMainClass(),
                        secured,
                        "/health");
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()) {
            HttpResponse<String> created = client.send(
                    HttpRequest.newBuilder(URI.create(securedApp.baseUri() + "/api/v1/configs"))
                            .header("Content-Type", "application/json")
                            .header("X-API-Key", KEY)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"name\":\"security-benchmark\",\"data\":{\"prediction_periods\":3}}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException(
                        "Creating a config answered " + created.statusCode() + ": " + created.body());
            }
            String id = JsonMapper.builder()
                    .build()
                    .readTree(created.body())
                    .get("id")
                    .asString();
            HttpRequest withKey = HttpRequest.newBuilder(URI.create(securedApp.baseUri() + "/api/v1/configs/" + id))
                    .header("X-API-Key", KEY)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            HttpRequest withoutKey = HttpRequest.newBuilder(URI.create(openApp.baseUri() + "/api/v1/configs/" + id))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            HttpLoad.drive(client, withKey, requests, concurrency); // warm-up
            HttpLoad.drive(client, withoutKey, requests, concurrency);
            List<Double> keyed = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                keyed.add(HttpLoad.drive(client, withKey, requests, concurrency));
                plain.add(HttpLoad.drive(client, withoutKey, requests, concurrency));
                log.info(
                        "security round {}: with key {} req/s, security off {} req/s",
                        round,
                        Math.round(keyed.getLast()),
                        Math.round(plain.getLast()));
            }
            double k = Medians.of(keyed);
            double p = Medians.of(plain);
            return List.of(new Row(
                    METRIC,
                    k,
                    p,
                    "≥ 0.9×",
                    k / p >= 0.9,
                    String.format(
                            "median of %d rounds × %,d requests, %d concurrent; two sample apps on one database,"
                                    + " alternated; baseline = security off",
                            rounds, requests, concurrency)));
        }
    }
}
