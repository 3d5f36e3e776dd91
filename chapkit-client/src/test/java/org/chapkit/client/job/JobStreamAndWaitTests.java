package org.chapkit.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.chapkit.client.ChapkitClientSettings;
import org.chapkit.client.ChapkitProblemException;
import org.chapkit.client.ChapkitTimeoutException;
import org.chapkit.client.FakeChapkitServer;
import org.chapkit.client.health.HealthClient;
import org.chapkit.client.health.HealthState;
import org.chapkit.client.health.HealthStatus;
import org.chapkit.client.http.ChapkitHttp;
import org.chapkit.client.http.ChapkitJson;
import org.chapkit.client.sse.SseStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Following jobs: SSE frames over a real connection, and polling with backoff. */
class JobStreamAndWaitTests {

    static final String JOB = "01JZ00000000000000000JOB01";

    FakeChapkitServer server;
    java.net.http.HttpClient httpClient;
    ChapkitHttp http;
    final List<Duration> sleeps = new ArrayList<>();
    JobClient jobs;

    @BeforeEach
    void start() throws Exception {
        server = new FakeChapkitServer();
        httpClient = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        http = new ChapkitHttp(ChapkitClientSettings.of(server.url()), httpClient, ChapkitJson.newMapper());
        jobs = new JobClient(http, sleeps::add);
    }

    @AfterEach
    void stop() {
        httpClient.close();
        server.close();
    }

    static String record(String status, String artifact) {
        return "{\"id\":\"" + JOB + "\",\"status\":\"" + status
                + "\",\"submitted_at\":\"2026-06-30T10:11:12.100000Z\",\"started_at\":null,\"finished_at\":null,"
                + "\"error\":null,\"error_traceback\":null,\"artifact_id\":"
                + (artifact == null ? "null" : "\"" + artifact + "\"")
                + "}";
    }

    /** Serves an SSE body in pieces, flushing after each, so frames are split across network chunks. */
    void serveStream(String path, String... pieces) {
        server.on("GET", path, (exchange, body) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String piece : pieces) {
                    out.write(piece.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
    }

    @Test
    void streamDecodesFramesSplitAcrossChunksAndEndsAfterTheTerminalOne() {
        String running = "data: " + record("running", "01JZART") + "\n\n";
        String completed = "data: " + record("completed", "01JZART") + "\n\n";
        String all = running + completed;
        serveStream(
                "/api/v1/jobs/" + JOB + "/$stream",
                all.substring(0, 10),
                all.substring(10, running.length() + 3),
                all.substring(running.length() + 3));

        List<JobRecord> frames = new ArrayList<>();
        try (SseStream<JobRecord> stream = jobs.stream(JOB, Duration.ofMillis(250))) {
            stream.forEach(frames::add);
        }

        assertThat(server.last("GET", "/api/v1/jobs/" + JOB + "/$stream").query())
                .isEqualTo("poll_interval=0.25");
        assertThat(server.last("GET", "/api/v1/jobs/" + JOB + "/$stream")
                        .headers()
                        .getFirst("Accept"))
                .isEqualTo("text/event-stream");
        assertThat(frames).extracting(JobRecord::status).containsExactly(JobStatus.RUNNING, JobStatus.COMPLETED);
        assertThat(frames).extracting(JobRecord::artifactId).containsOnly("01JZART");
    }

    @Test
    void followJobReturnsTheTerminalFrameIncludingADeletedJob() {
        serveStream(
                "/api/v1/jobs/" + JOB + "/$stream",
                "data: " + record("pending", null) + "\n\n",
                "data: {\"status\": \"deleted\"}\n\n");

        JobRecord last = jobs.followJob(JOB);

        assertThat(last.status()).isEqualTo(JobStatus.DELETED);
        assertThatThrownBy(last::requireCompleted)
                .isInstanceOf(JobFailedException.class)
                .hasMessageContaining("deleted");
    }

    @Test
    void followJobFailsWhenTheStreamEndsEarly() {
        serveStream("/api/v1/jobs/" + JOB + "/$stream", "data: " + record("running", null) + "\n\n");

        assertThatThrownBy(() -> jobs.followJob(JOB))
                .hasMessageContaining("ended before the job finished")
                .hasMessageContaining("running");
    }

    @Test
    void streamOfAnUnknownJobIsAProblem() {
        server.json("GET", "/api/v1/jobs/bad/$stream", 400, "{\"detail\":\"Invalid job ID format\"}");

        assertThatThrownBy(() -> jobs.stream("bad", null))
                .isInstanceOfSatisfying(ChapkitProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.detail()).isEqualTo("Invalid job ID format");
                });
    }

    @Test
    void healthStreamIsEndlessUntilClosed() {
        String frame = "data: {\"status\":\"healthy\",\"checks\":{\"database\":{\"state\":\"healthy\"}}}\n\n";
        serveStream("/health/$stream", frame, frame, frame, frame);

        try (SseStream<HealthStatus> stream = new HealthClient(http).stream(Duration.ofSeconds(1))) {
            assertThat(stream.next().status()).isEqualTo(HealthState.HEALTHY);
            assertThat(stream.next().checks()).containsKey("database");
        }
        assertThat(server.last("GET", "/health/$stream").query()).isEqualTo("poll_interval=1");
    }

    @Test
    void waitForJobPollsWithGrowingDelaysUntilTerminal() {
        AtomicInteger polls = new AtomicInteger();
        String[] states = {"pending", "running", "running", "running", "failed"};
        server.on("GET", "/api/v1/jobs/" + JOB, (exchange, body) -> {
            String status = states[Math.min(polls.getAndIncrement(), states.length - 1)];
            String json = status.equals("failed")
                    ? record(status, null).replace("\"error\":null", "\"error\":\"ValueError: Config x not found\"")
                    : record(status, null);
            FakeChapkitServer.respond(exchange, 200, "application/json", json);
        });

        JobRecord job = jobs.waitForJob(JOB, Duration.ofMinutes(1));

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(server.count("GET", "/api/v1/jobs/" + JOB)).isEqualTo(5);
        assertThat(sleeps)
                .containsExactly(
                        Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(450), Duration.ofMillis(675));
        assertThatThrownBy(job::requireCompleted)
                .isInstanceOfSatisfying(
                        JobFailedException.class,
                        failed -> assertThat(failed.job().error()).isEqualTo("ValueError: Config x not found"));
    }

    @Test
    void waitForJobGivesUpAtTheTimeout() {
        server.json("GET", "/api/v1/jobs/" + JOB, 200, record("running", null));

        assertThatThrownBy(() -> jobs.waitForJob(JOB, Duration.ZERO))
                .isInstanceOfSatisfying(
                        ChapkitTimeoutException.class,
                        timeout -> assertThat(timeout.timeout()).isEqualTo(Duration.ZERO))
                .hasMessageContaining("still running");
    }

    @Test
    void backoffGrowsGeometricallyToItsCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(500));
        List<Duration> delays = new ArrayList<>();
        Duration delay = null;
        for (int i = 0; i < 6; i++) {
            delay = backoff.next(delay);
            delays.add(delay);
        }
        assertThat(delays)
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(500),
                        Duration.ofMillis(500),
                        Duration.ofMillis(500));
        assertThat(Backoff.DEFAULT.next(Duration.ofMillis(1900))).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
