package org.chapkit.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.chapkit.TestServiceApplication;
import org.chapkit.job.Job;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import org.chapkit.job.JobType;
import org.chapkit.job.TestJobHandlers;
import org.chapkit.job.TestJobHandlers.Sleep;
import org.chapkit.ml.ShellModelRequests;
import org.chapkit.test.HttpApi;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.MDC;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Traces across the durable queue with OpenTelemetry (Boot's {@code spring-boot-starter-opentelemetry}) and the SDK's
 * in-memory exporter: two instances share one PostgreSQL; a {@code $predict} sent to instance A, whose job system is
 * stopped, runs on instance B, and the whole way is one trace. One pair of contexts for the class; each test looks at
 * the spans of its own trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingAcrossInstancesTests {

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final AttributeKey<String> INSTANCE = AttributeKey.stringKey("service.instance.id");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private HttpApi apiA;

    @BeforeAll
    void startTwoInstances() {
        TestDatabases.Postgres pg = TestDatabases.freshPostgres();
        a = start(pg, "instance-a");
        b = start(pg, "instance-b");
        apiA = new HttpApi(port(a));
    }

    @AfterAll
    void closeInstances() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void predictSubmittedOnOneInstanceAndRunOnTheOtherIsOneTrace() {
        String trainingId = train();
        a.getBean(JobManager.class).stop(); // from now on only B runs jobs; A still takes requests and submits

        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        HttpApi.Response submitted = apiA.send(HttpRequest.newBuilder(apiA.uri("/api/v1/ml/$predict"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(ShellModelRequests.predict(trainingId))));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String jobId = submitted.json().get("job_id").asString();
        Job done = awaitJob(jobId, job -> job.status().isTerminal());
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.owner()).isEqualTo("instance-b");

        SpanData server = awaitSpan(traceId, span -> span.getKind() == SpanKind.SERVER);
        SpanData submit = awaitSpan(traceId, span -> span.getName().equals("job submit ml.predict"));
        SpanData run = awaitSpan(traceId, span -> span.getName().equals("job run ml.predict"));
        SpanData runner = awaitSpan(traceId, span -> span.getName().equals("runner predict"));
        SpanData shell = awaitSpan(traceId, span -> span.getName().equals("shell predict"));
        SpanData store = awaitSpan(traceId, span -> span.getName().equals("artifact store"));

        Map<String, SpanData> byId =
                spansOf(traceId).stream().collect(Collectors.toMap(SpanData::getSpanId, span -> span, (x, y) -> x));
        // The caller's span is the server span's parent: the incoming traceparent is honoured.
        assertThat(server.getParentSpanId()).isEqualTo(callerSpan);
        assertThat(server.getResource().getAttribute(INSTANCE)).isEqualTo("instance-a");
        // Spring Security's spans sit between the server span and the controller's submit.
        assertThat(ancestors(submit, byId)).contains(server.getSpanId());
        assertThat(submit.getKind()).isEqualTo(SpanKind.PRODUCER);
        // Across the queue, restored on the other instance from the stored traceparent.
        assertThat(run.getParentSpanId()).isEqualTo(submit.getSpanId());
        assertThat(run.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(run.getResource().getAttribute(INSTANCE)).isEqualTo("instance-b");
        assertThat(run.getAttributes().get(AttributeKey.stringKey("job.id"))).isEqualTo(jobId);
        assertThat(runner.getParentSpanId()).isEqualTo(run.getSpanId());
        assertThat(shell.getParentSpanId()).isEqualTo(runner.getSpanId());
        assertThat(store.getParentSpanId()).isEqualTo(run.getSpanId());
        assertThat(store.getResource().getAttribute(INSTANCE)).isEqualTo("instance-b");

        // JDBC: the submit's insert on A, the artifact writes on B.
        List<SpanData> jdbc = spansOf(traceId).stream()
                .filter(span ->
                        span.getKind() == SpanKind.CLIENT && span.getName().startsWith("query"))
                .toList();
        assertThat(jdbc).anySatisfy(query -> assertThat(ancestors(query, byId)).contains(submit.getSpanId()));
        assertThat(jdbc).anySatisfy(query -> assertThat(ancestors(query, byId)).contains(store.getSpanId()));
        // A statement's span sits right below the span it ran in: no connection spans by default.
        assertThat(jdbc).anySatisfy(query -> assertThat(query.getParentSpanId()).isEqualTo(store.getSpanId()));
        assertThat(spansOf(traceId)).noneMatch(span -> span.getName().equals("connection"));
        assertThat(spansOf(traceId))
                .allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(traceId));
    }

    @Test
    void problemsCarryTheTraceIdOfTheirServerSpan() {
        HttpApi.Response missing = apiA.get("/api/v1/jobs/01ARZ3NDEKTSV4RRFFQ69G5FAV");
        assertThat(missing.status()).isEqualTo(404);
        String traceId = missing.json().get("trace_id").asString();
        SpanData server = awaitSpan(traceId, span -> span.getKind() == SpanKind.SERVER);
        assertThat(server.getTraceId()).isEqualTo(traceId);
        assertThat(missing.header("X-Request-ID")).isPresent();
    }

    @Test
    void aJobSubmittedToStartLaterStartsItsOwnTraceLinkedToTheSubmitter() {
        JobManager jobsB = b.getBean(JobManager.class);
        Job job = jobsB.submit(
                TestJobHandlers.SLEEP,
                new Sleep(1, 1, null),
                null,
                java.time.Instant.now().plusMillis(300));
        awaitJob(job.id(), done -> done.status() == JobStatus.COMPLETED);
        SpanData submit = await().atMost(PATIENCE)
                .until(
                        () -> SPANS.getFinishedSpanItems().stream()
                                .filter(span -> span.getName().equals("job submit test.sleep")
                                        && job.id().equals(span.getAttributes().get(AttributeKey.stringKey("job.id"))))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        SpanData run = await().atMost(PATIENCE)
                .until(
                        () -> SPANS.getFinishedSpanItems().stream()
                                .filter(span -> span.getName().equals("job run test.sleep")
                                        && job.id().equals(span.getAttributes().get(AttributeKey.stringKey("job.id"))))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(run.getTraceId()).isNotEqualTo(submit.getTraceId());
        assertThat(run.getParentSpanContext().isValid()).isFalse();
        assertThat(run.getLinks()).singleElement().satisfies(link -> {
            assertThat(link.getSpanContext().getTraceId()).isEqualTo(submit.getTraceId());
            assertThat(link.getSpanContext().getSpanId()).isEqualTo(submit.getSpanId());
        });
    }

    @Test
    void jobThreadsLogWithTheJobIdAndTheAttemptsTraceAndSpanIds() {
        Job job = b.getBean(JobManager.class).submit(MdcProbe.TYPE, "probe");
        awaitJob(job.id(), done -> done.status() == JobStatus.COMPLETED);
        SpanData run = await().atMost(PATIENCE)
                .until(
                        () -> SPANS.getFinishedSpanItems().stream()
                                .filter(span -> span.getName().equals("job run " + MdcProbe.TYPE.name())
                                        && job.id().equals(span.getAttributes().get(AttributeKey.stringKey("job.id"))))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        Map<String, String> mdc = MdcProbe.SEEN.get(job.id());
        assertThat(mdc)
                .containsEntry(JobManager.MDC_JOB_ID, job.id())
                .containsEntry("traceId", run.getTraceId())
                .containsEntry("spanId", run.getSpanId());
    }

    private String train() {
        String config = apiA.postJson("/api/v1/configs", ShellModelRequests.config("traced"))
                .json()
                .get("id")
                .asString();
        HttpApi.Response trained = apiA.postJson("/api/v1/ml/$train", ShellModelRequests.train(config));
        assertThat(trained.status()).as(trained.toString()).isEqualTo(202);
        Job job = awaitJob(
                trained.json().get("job_id").asString(), done -> done.status().isTerminal());
        assertThat(job.status()).as(String.valueOf(job.error())).isEqualTo(JobStatus.COMPLETED);
        return trained.json().get("artifact_id").asString();
    }

    private Job awaitJob(String id, Predicate<Job> condition) {
        JobManager jobs = b.getBean(JobManager.class);
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(25))
                .until(() -> jobs.find(id).orElse(null), job -> job != null && condition.test(job));
    }

    private static List<SpanData> spansOf(String traceId) {
        return SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId))
                .toList();
    }

    private static SpanData awaitSpan(String traceId, Predicate<SpanData> condition) {
        return await().atMost(PATIENCE)
                .until(() -> spansOf(traceId).stream().filter(condition).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static List<String> ancestors(SpanData span, Map<String, SpanData> byId) {
        List<String> chain = new java.util.ArrayList<>();
        SpanData current = span;
        while (current != null && current.getParentSpanContext().isValid()) {
            chain.add(current.getParentSpanId());
            current = byId.get(current.getParentSpanId());
        }
        return chain;
    }

    private static ConfigurableApplicationContext start(TestDatabases.Postgres pg, String instance) {
        return new SpringApplicationBuilder(TestServiceApplication.class, InMemorySpans.class)
                .properties(
                        "spring.datasource.url=" + pg.url(),
                        "spring.datasource.username=" + pg.username(),
                        "spring.datasource.password=" + pg.password(),
                        "spring.datasource.hikari.maximum-pool-size=6",
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "chapkit.jobs.instance-name=" + instance,
                        "management.tracing.sampling.probability=1.0",
                        "management.opentelemetry.resource-attributes.service.instance.id=" + instance)
                // above the test service's application.properties, which pins generation 1 (no trace_id) and tracing
                // off
                .run("--chapkit.contract.generation=2", "--chapkit.tracing.enabled=true");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Every finished span of both instances, exported at once into one in-memory exporter; and the MDC probe. */
    @Configuration(proxyBeanMethods = false)
    static class InMemorySpans {

        @Bean
        SpanProcessor inMemorySpans() {
            return SimpleSpanProcessor.create(SPANS);
        }

        @Bean
        MdcProbe mdcProbe() {
            return new MdcProbe();
        }
    }

    /** A job that records the logging MDC of its worker thread. */
    static final class MdcProbe implements JobHandler<String> {

        static final JobType<String> TYPE = JobType.of("test.mdc-probe", String.class);
        static final Map<String, Map<String, String>> SEEN = new ConcurrentHashMap<>();

        @Override
        public JobType<String> jobType() {
            return TYPE;
        }

        @Override
        public String run(String payload, JobContext context) {
            SEEN.put(context.jobId(), Map.copyOf(MDC.getCopyOfContextMap()));
            return null;
        }
    }
}
