package org.chapkit.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.chapkit.id.Ulids;
import org.chapkit.security.access.ChapkitEndpointRules;
import org.chapkit.security.access.EndpointRule;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /metrics} after an e2e-like load that calls every endpoint of the contract (found, not found, bad input) and
 * runs a training and a prediction: it stays under 100 KB, keeps the families chapkit's console reads, has no second
 * HTTP family, and carries the per-feature meters.
 */
@ServiceTestOnH2
class LeanMetricsPageTests {

    private static final int LIMIT = 100 * 1024;

    @LocalServerPort
    int port;

    @Test
    void theMetricsPageStaysLeanAfterEveryEndpointWasCalled() {
        HttpApi api = new HttpApi(port);
        String config = api.postJson("/api/v1/configs", """
                        {"name":"lean-%d","data":{"prediction_periods":2}}""".formatted(System.nanoTime()))
                .json()
                .get("id")
                .asString();
        String training = trainAndPredict(api, config);
        List<String> ids = List.of(Ulids.newUlid(), config, training, "not-a-ulid");
        for (EndpointRule rule : ChapkitEndpointRules.all()) {
            if (rule.path().contains("**") || rule.path().endsWith("/$stream")) {
                continue; // no route of its own / a stream that stays open
            }
            String method = rule.method() == null ? "GET" : rule.method().name();
            for (String id : ids) {
                String path = rule.path()
                        .replace("{id}", id)
                        .replace("{name}", "no-such-task")
                        .replaceAll("\\{[^}]+}", "1");
                if (method.equals("GET")) {
                    api.send(method, path, null, null);
                } else {
                    api.send(method, path, "application/json", "{\"bad\":");
                    api.send(method, path, "application/json", "{}");
                }
            }
        }

        String page = api.get("/metrics").body();
        System.out.printf("/metrics after the load: %,d bytes%n", page.length());
        assertThat(page.length()).isLessThanOrEqualTo(LIMIT);
        assertThat(page)
                .contains("http_server_duration_milliseconds_count{")
                .contains("http_server_active_requests")
                .contains("chapkit_jobs_pending")
                .contains("chapkit_jobs_running")
                .contains("chapkit_jobs_duration_seconds_count{")
                .contains("jvm_memory_used_bytes{")
                .contains("chapkit_jobs_queue_depth{type=\"ml.predict\"}")
                .contains("chapkit_jobs_queue_age_seconds{type=\"ml.train\"}")
                .contains("chapkit_runner_seconds_count{")
                .contains("chapkit_artifacts_content_written_bytes_total")
                .contains("chapkit_artifacts_content_read_bytes_total")
                .contains("hikaricp_connections_active")
                .doesNotContain("http_server_requests_seconds")
                .doesNotContain("spring_security_")
                .doesNotContain("jdbc_")
                .doesNotContain("http_server_duration_milliseconds_bucket");
    }

    private static String trainAndPredict(HttpApi api, String config) {
        HttpApi.Response trained = api.postJson("/api/v1/ml/$train", """
                {"config_id":"%s","data":{"columns":["time_period","location","disease_cases"],
                 "data":[["2020-01","loc_a",10],["2020-02","loc_a",14]]}}""".formatted(config));
        assertThat(trained.status()).as(trained.toString()).isEqualTo(202);
        awaitCompleted(api, trained.json().get("job_id").asString());
        String training = trained.json().get("artifact_id").asString();
        HttpApi.Response predicted = api.postJson("/api/v1/ml/$predict", """
                {"artifact_id":"%s",
                 "historic":{"columns":["time_period","location","disease_cases"],
                  "data":[["2020-01","loc_a",10],["2020-02","loc_a",14]]},
                 "future":{"columns":["time_period","location"],"data":[["2020-03","loc_a"],["2020-04","loc_a"]]}}""".formatted(training));
        assertThat(predicted.status()).as(predicted.toString()).isEqualTo(202);
        awaitCompleted(api, predicted.json().get("job_id").asString());
        assertThat(api.get("/api/v1/artifacts/" + training + "/$download").status())
                .isEqualTo(200);
        return training;
    }

    private static void awaitCompleted(HttpApi api, String jobId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> api.get("/api/v1/jobs/" + jobId)
                                .json()
                                .get("status")
                                .asString(),
                        "completed"::equals);
    }
}
