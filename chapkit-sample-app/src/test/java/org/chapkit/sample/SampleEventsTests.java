package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events of chap-core's train → predict flow, as a subscriber of {@code GET /api/v1/events/$stream} sees them:
 * each job's events once each and in order, and a reconnect with {@code Last-Event-ID} resumes right after it.
 */
class SampleEventsTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String TYPES = "org.chapkit.job.submitted,org.chapkit.job.started,org.chapkit.job.completed,"
            + "org.chapkit.job.failed,org.chapkit.artifact.created";

    @Nested
    @ServiceTestOnH2
    @TestPropertySource(properties = "chapkit.events.poll-interval=100ms")
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    @TestPropertySource(properties = "chapkit.events.poll-interval=100ms")
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Test
        void aTrainAndPredictFlowStreamsEachJobsEventsOnceInOrderAndResumes() throws Exception {
            HttpApi api = new HttpApi(port);
            ForecastFlow flow = new ForecastFlow(api);
            try (Subscription stream = Subscription.open(api, "/api/v1/events/$stream?types=" + TYPES, null)) {
                String config = flow.createConfig("{\"prediction_periods\":3,\"n_samples\":5,\"lags\":2}");
                String query = "config_id=" + config + "&seed=3&num_locations=3&num_periods=36";
                String trainingId = flow.train(config, flow.sample(query).get("data"));
                JsonNode prediction = flow.sample("kind=predict&" + query);
                String predictionId = flow.predict(trainingId, prediction.get("historic"), prediction.get("future"));

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> stream.events().stream()
                                        .filter(e -> e.get("type").asString().equals("org.chapkit.job.completed"))
                                        .count()
                                == 2);
                List<JsonNode> events = stream.events();
                List<String> jobs = events.stream()
                        .filter(e -> e.get("type").asString().equals("org.chapkit.job.submitted"))
                        .map(e -> e.get("data").get("job_id").asString())
                        .toList();
                assertThat(jobs).hasSize(2);
                for (String job : jobs) {
                    List<JsonNode> ofJob = events.stream()
                            .filter(e -> e.get("subject").asString().equals("jobs/" + job))
                            .toList();
                    assertThat(ofJob)
                            .extracting(e -> e.get("type").asString())
                            .containsExactly(
                                    "org.chapkit.job.submitted",
                                    "org.chapkit.job.started",
                                    "org.chapkit.job.completed");
                    assertThat(ofJob)
                            .extracting(e -> e.get("sequence").asLong())
                            .isSorted();
                }
                assertThat(events).extracting(e -> e.get("id").asString()).doesNotHaveDuplicates();
                assertThat(stream.ids()).isSorted().doesNotHaveDuplicates();
                assertThat(events)
                        .filteredOn(e -> e.get("type").asString().equals("org.chapkit.artifact.created"))
                        .extracting(e -> e.get("data").get("artifact_id").asString())
                        .contains(trainingId, predictionId);

                // A subscriber that lost its connection after the first event gets everything after it, from the log.
                long first = stream.ids().getFirst();
                try (Subscription resumed =
                        Subscription.open(api, "/api/v1/events/$stream?types=" + TYPES, Long.toString(first))) {
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> resumed.ids().size() >= stream.ids().size() - 1);
                    assertThat(resumed.ids().subList(0, stream.ids().size() - 1))
                            .isEqualTo(stream.ids().subList(1, stream.ids().size()));
                }
            }
        }
    }

    /** An open SSE connection whose frames a reader thread collects. */
    static final class Subscription implements AutoCloseable {

        private final InputStream body;
        private final List<JsonNode> events = new CopyOnWriteArrayList<>();
        private final List<Long> ids = new CopyOnWriteArrayList<>();
        private final Thread reader;

        private Subscription(InputStream body) {
            this.body = body;
            this.reader = Thread.ofVirtual().start(this::read);
        }

        static Subscription open(HttpApi api, String path, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).GET();
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            return new Subscription(response.body());
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                List<String> frame = new ArrayList<>();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isEmpty()) {
                        frame.add(line);
                        continue;
                    }
                    for (String field : frame) {
                        if (field.startsWith("id: ")) {
                            ids.add(Long.parseLong(field.substring(4)));
                        } else if (field.startsWith("data: ")) {
                            events.add(MAPPER.readTree(field.substring(6)));
                        }
                    }
                    frame.clear();
                }
            } catch (java.io.IOException closed) {
                // the test closed the connection
            }
        }

        List<JsonNode> events() {
            return List.copyOf(events);
        }

        List<Long> ids() {
            return List.copyOf(ids);
        }

        @Override
        public void close() throws Exception {
            body.close();
            reader.join(Duration.ofSeconds(5));
        }
    }
}
