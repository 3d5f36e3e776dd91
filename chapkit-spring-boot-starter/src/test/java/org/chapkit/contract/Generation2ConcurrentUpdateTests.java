package org.chapkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.chapkit.StoredConfigsAndArtifacts;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Generation 2's {@code PUT} applies the fields sent; concurrent PUTs of different fields on one entity must all
 * survive (none may overwrite another with a stale copy), on H2 and PostgreSQL.
 */
class Generation2ConcurrentUpdateTests {

    @Nested
    @ServiceTestOnH2
    @TestPropertySource(properties = "chapkit.contract.generation=2")
    class OnH2 extends Race {}

    @Nested
    @ServiceTestOnPostgres
    @TestPropertySource(properties = "chapkit.contract.generation=2")
    class OnPostgres extends Race {}

    abstract static class Race {

        private static final String CONFIG = "01K72P5N5KCRM6MD3BRE4P0C11";
        private static final String ARTIFACT = "01K72P5N5KCRM6MD3BRE4P0A11";
        private static final int ROUNDS = 8;

        @LocalServerPort
        int port;

        @Autowired
        JdbcClient jdbc;

        HttpApi api;

        @BeforeEach
        void connectAndClean() {
            api = new HttpApi(port);
            StoredConfigsAndArtifacts.deleteAll(jdbc);
        }

        @Test
        void concurrentPutsOfDifferentConfigFieldsAllSurvive() throws Exception {
            for (int round = 0; round < ROUNDS; round++) {
                jdbc.sql("DELETE FROM configs").update();
                assertThat(api.postJson(
                                        "/api/v1/configs",
                                        "{\"id\":\"" + CONFIG + "\",\"name\":\"start\",\"data\":{\"n_lags\":1}}")
                                .status())
                        .isEqualTo(201);

                List<HttpApi.Response> answers = race(
                        "/api/v1/configs/" + CONFIG,
                        List.of(
                                "{\"name\":\"renamed-" + round + "\"}",
                                "{\"tags\":[\"t" + round + "\"]}",
                                "{\"data\":{\"n_lags\":" + (round + 2) + "}}"));

                answers.forEach(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
                JsonNode stored = api.get("/api/v1/configs/" + CONFIG).json();
                assertThat(stored.get("name").asString()).isEqualTo("renamed-" + round);
                assertThat(stored.get("tags").toString()).isEqualTo("[\"t" + round + "\"]");
                assertThat(stored.get("data").get("n_lags").asInt()).isEqualTo(round + 2);
                assertThat(api.get("/api/v1/configs/" + CONFIG).header("ETag")).hasValue("\"4\"");
            }
        }

        @Test
        void concurrentPutsOfDifferentArtifactFieldsAllSurvive() throws Exception {
            for (int round = 0; round < ROUNDS; round++) {
                jdbc.sql("DELETE FROM artifacts").update();
                assertThat(api.postJson("/api/v1/artifacts", "{\"id\":\"" + ARTIFACT + "\",\"data\":{\"v\":0}}")
                                .status())
                        .isEqualTo(201);

                List<HttpApi.Response> answers = race(
                        "/api/v1/artifacts/" + ARTIFACT,
                        List.of("{\"tags\":[\"t" + round + "\"]}", "{\"data\":{\"v\":" + (round + 1) + "}}"));

                answers.forEach(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
                JsonNode stored = api.get("/api/v1/artifacts/" + ARTIFACT).json();
                assertThat(stored.get("tags").toString()).isEqualTo("[\"t" + round + "\"]");
                assertThat(stored.get("data").get("v").asInt()).isEqualTo(round + 1);
            }
        }

        /** Sends every body as a PUT to {@code path} at (nearly) the same moment. */
        private List<HttpApi.Response> race(String path, List<String> bodies) throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(bodies.size())) {
                List<CompletableFuture<HttpApi.Response>> futures = new ArrayList<>();
                for (String body : bodies) {
                    futures.add(CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                } catch (InterruptedException ex) {
                                    Thread.currentThread().interrupt();
                                    throw new IllegalStateException(ex);
                                }
                                return api.send(HttpRequest.newBuilder(api.uri(path))
                                        .header("Content-Type", "application/json")
                                        .PUT(HttpRequest.BodyPublishers.ofString(body)));
                            },
                            pool));
                }
                start.countDown();
                List<HttpApi.Response> answers = new ArrayList<>();
                for (CompletableFuture<HttpApi.Response> future : futures) {
                    answers.add(future.get());
                }
                return answers;
            }
        }
    }
}
