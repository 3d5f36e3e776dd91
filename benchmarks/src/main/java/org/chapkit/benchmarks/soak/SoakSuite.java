package org.chapkit.benchmarks.soak;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.chapkit.benchmarks.harness.AppLayout;
import org.chapkit.benchmarks.harness.HarnessContext;
import org.chapkit.benchmarks.harness.JavaProcess;
import org.chapkit.benchmarks.harness.JvmProbe;
import org.chapkit.benchmarks.harness.Row;
import org.chapkit.benchmarks.harness.SampleApi;
import org.chapkit.benchmarks.harness.Suite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The soak (issue 15): the sample app ({@code -Xmx512m}, the run's PostgreSQL) under {@code --soak-clients} (100)
 * closed-loop clients for {@code --soak-duration} (10m; {@code 90s}, {@code 2m} or ISO-8601). Each client repeats a
 * mixed cycle: create a config, read it, list a page of configs, create an artifact, read it, {@code GET /health};
 * every 10th cycle a {@code $predict} on a model trained at the start, every other 5th a no-op job
 * ({@code POST /demo/$sleep?seconds=0}), each polled every 20 ms until {@code completed} (polls are not counted as
 * requests); every second config is deleted again. Any answer other than the expected status, a failed job or an I/O error counts as an error. At the end the
 * counts must be exact: configs and artifacts ({@code $stats}) are what was there plus what the clients created
 * minus what they deleted. The heap after a full GC is read every {@code --soak-heap-every} (60s); "flat" means the
 * last reading is at most 1.2 × the first (taken after one interval of load). Not part of {@code all}: run it by
 * name.
 */
public final class SoakSuite implements Suite {

    private static final Logger log = LoggerFactory.getLogger(SoakSuite.class);
    private static final String RATE = "9. soak, mixed load (req/s)";
    private static final String ERRORS = "9. soak errors";
    private static final String COUNTS = "9. soak count mismatches (configs, artifacts, jobs)";
    private static final String HEAP = "9. soak heap after GC, last vs first (MB)";
    private static final Duration POLL = Duration.ofMillis(20);
    private static final String CONFIG_DATA = "{\"prediction_periods\":3,\"additional_continuous_covariates\":[],"
            + "\"n_samples\":20,\"lags\":1,\"seed\":42}";

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public boolean inAll() {
        return false;
    }

    @Override
    public List<Row> placeholders() {
        return List.of(
                Row.notMeasured(RATE, "", ""),
                Row.notMeasured(ERRORS, "0", ""),
                Row.notMeasured(COUNTS, "0", ""),
                Row.notMeasured(HEAP, "≤ 1.2×", ""));
    }

    @Override
    public List<Row> run(HarnessContext context) throws Exception {
        AppLayout layout = AppLayout.extract(context);
        Duration duration = duration(context.options().getOrDefault("soak-duration", "10m"));
        Duration heapEvery = duration(context.options().getOrDefault("soak-heap-every", "60s"));
        int clients = context.intOption("soak-clients", 100);
        JsonMapper mapper = JsonMapper.builder().build();
        double loadBefore = loadAverage();
        try (JavaProcess app = JavaProcess.start(
                        context,
                        "sample-soak",
                        List.of("-Xmx512m"),
                        layout.sampleClasspath(),
                        layout.sampleMainClass(),
                        List.of(context.datasourceArgs()),
                        "/actuator/health");
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build()) {
            SampleApi api = new SampleApi(client, app.baseUri(), mapper);
            String predictBody =
                    mapper.writeValueAsString(api.train(config("soak-model")).predict());
            // one predict before the load, to learn how many artifacts a prediction stores
            long artifactsBefore = count(api, "/api/v1/artifacts/$stats");
            api.pollUntilCompleted(
                    api.expect("POST", "/api/v1/ml/$predict", predictBody, 202)
                            .get("job_id")
                            .asString(),
                    POLL);
            long artifactsPerPredict = count(api, "/api/v1/artifacts/$stats") - artifactsBefore;
            long configsAtStart = count(api, "/api/v1/configs/$stats");
            long artifactsAtStart = count(api, "/api/v1/artifacts/$stats");

            Load load = new Load(api, predictBody);
            List<Long> heapKib = new ArrayList<>();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < clients; c++) {
                    int clientId = c;
                    threads.submit(() -> load.client(clientId, end));
                }
                long nextHeap = start + heapEvery.toNanos();
                while (System.nanoTime() < end) {
                    long wait = Math.min(nextHeap, end) - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (System.nanoTime() >= nextHeap && System.nanoTime() < end) {
                        long kib = JvmProbe.heapAfterGcKib(context, app.pid());
                        heapKib.add(kib);
                        log.info(
                                "soak: {} s, {} requests, {} errors, heap after GC {} MB, load {}",
                                Duration.ofNanos(System.nanoTime() - start).toSeconds(),
                                load.requests.get(),
                                load.errors.get(),
                                kib / 1024,
                                String.format(Locale.ROOT, "%.1f", loadAverage()));
                        nextHeap += heapEvery.toNanos();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            heapKib.add(JvmProbe.heapAfterGcKib(context, app.pid()));
            double loadAfter = loadAverage();

            long configs = count(api, "/api/v1/configs/$stats");
            long artifacts = count(api, "/api/v1/artifacts/$stats");
            long expectedConfigs = configsAtStart + load.configsCreated.get() - load.configsDeleted.get();
            long expectedArtifacts =
                    artifactsAtStart + load.artifactsCreated.get() + load.predictions.get() * artifactsPerPredict;
            long mismatches = Math.abs(configs - expectedConfigs)
                    + Math.abs(artifacts - expectedArtifacts)
                    + (load.jobsSubmitted.get() - load.jobsCompleted.get());
            String counts = String.format(
                    Locale.ROOT,
                    "configs %,d (expected %,d = %,d + %,d created − %,d deleted), artifacts %,d (expected %,d ="
                            + " %,d + %,d created + %,d predictions × %d), jobs %,d submitted, %,d completed",
                    configs,
                    expectedConfigs,
                    configsAtStart,
                    load.configsCreated.get(),
                    load.configsDeleted.get(),
                    artifacts,
                    expectedArtifacts,
                    artifactsAtStart,
                    load.artifactsCreated.get(),
                    load.predictions.get(),
                    artifactsPerPredict,
                    load.jobsSubmitted.get(),
                    load.jobsCompleted.get());
            log.info("soak: {}", counts);
            String firstErrors = String.join("; ", load.firstErrors);
            double firstMb = heapKib.getFirst() / 1024.0;
            double lastMb = heapKib.getLast() / 1024.0;
            String how = String.format(
                    Locale.ROOT,
                    "%d clients × %s on PostgreSQL, sample app -Xmx512m; %,d requests (%,d predictions, %,d no-op"
                            + " jobs); load average %.1f before, %.1f after",
                    clients,
                    duration,
                    load.requests.get(),
                    load.predictions.get(),
                    load.jobsSubmitted.get() - load.predictions.get(),
                    loadBefore,
                    loadAfter);
            return List.of(
                    new Row(RATE, load.requests.get() / seconds, null, "", null, how),
                    new Row(
                            ERRORS,
                            (double) load.errors.get(),
                            null,
                            "0",
                            load.errors.get() == 0,
                            load.errors.get() == 0 ? "none" : firstErrors),
                    new Row(COUNTS, (double) mismatches, null, "0", mismatches == 0, counts),
                    new Row(
                            HEAP,
                            lastMb,
                            firstMb,
                            "≤ 1.2×",
                            lastMb <= firstMb * 1.2,
                            "heap after jcmd GC.run every " + heapEvery + ", MB: " + heapMb(heapKib)));
        }
    }

    /** {@code 90s}, {@code 10m}, {@code 1h} or an ISO-8601 duration. */
    static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.matches("\\d+[smh]")) {
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    }

    private static String heapMb(List<Long> kib) {
        return String.join(", ", kib.stream().map(k -> String.valueOf(k / 1024)).toList());
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long count(SampleApi api, String statsPath) throws IOException, InterruptedException {
        return api.expect("GET", statsPath, null, 200).get("total").asLong();
    }

    private static String config(String name) {
        return "{\"name\":\"" + name + "\",\"data\":" + CONFIG_DATA + "}";
    }

    /** The clients' shared counters and their cycle. */
    private static final class Load {

        final SampleApi api;
        final String predictBody;
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong configsCreated = new AtomicLong();
        final AtomicLong configsDeleted = new AtomicLong();
        final AtomicLong artifactsCreated = new AtomicLong();
        final AtomicLong predictions = new AtomicLong();
        final AtomicLong jobsSubmitted = new AtomicLong();
        final AtomicLong jobsCompleted = new AtomicLong();
        final Queue<String> firstErrors = new ConcurrentLinkedQueue<>();

        Load(SampleApi api, String predictBody) {
            this.api = api;
            this.predictBody = predictBody;
        }

        Void client(int client, long end) {
            for (int cycle = 0; System.nanoTime() < end; cycle++) {
                try {
                    cycle(client, cycle);
                } catch (IOException | RuntimeException ex) {
                    error(ex.toString());
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return null;
        }

        private void cycle(int client, int cycle) throws IOException, InterruptedException {
            JsonNode config = send("POST", "/api/v1/configs", config("soak-" + client + "-" + cycle), 201);
            if (config == null) {
                return;
            }
            configsCreated.incrementAndGet();
            String configId = config.get("id").asString();
            send("GET", "/api/v1/configs/" + configId, null, 200);
            send("GET", "/api/v1/configs?page=1&size=20", null, 200);
            JsonNode artifact = send(
                    "POST", "/api/v1/artifacts", "{\"data\":{\"client\":" + client + ",\"cycle\":" + cycle + "}}", 201);
            if (artifact != null) {
                artifactsCreated.incrementAndGet();
                send("GET", "/api/v1/artifacts/" + artifact.get("id").asString(), null, 200);
            }
            send("GET", "/health", null, 200);
            if (cycle % 10 == 0) {
                if (job("/api/v1/ml/$predict", predictBody)) {
                    predictions.incrementAndGet();
                }
            } else if (cycle % 5 == 0) {
                job("/demo/$sleep?seconds=0", "");
            }
            if (cycle % 2 == 1 && send("DELETE", "/api/v1/configs/" + configId, null, 204) != null) {
                configsDeleted.incrementAndGet();
            }
        }

        /** Submits a job and waits until it completed; false (and an error) when it failed or never finished. */
        private boolean job(String path, String body) throws IOException, InterruptedException {
            JsonNode submitted = send("POST", path, body, 202);
            if (submitted == null) {
                return false;
            }
            jobsSubmitted.incrementAndGet();
            String jobId = submitted.get("job_id").asString();
            try {
                api.pollUntilCompleted(jobId, POLL);
            } catch (IllegalStateException ex) {
                error(path + ": " + ex.getMessage());
                return false;
            }
            jobsCompleted.incrementAndGet();
            return true;
        }

        /** One request; null (and an error) when it did not answer {@code expected}. */
        private JsonNode send(String method, String path, String body, int expected)
                throws IOException, InterruptedException {
            requests.incrementAndGet();
            HttpResponse<String> response = api.send(method, path, body);
            if (response.statusCode() != expected) {
                error(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
                return null;
            }
            return response.body().isEmpty()
                    ? api.mapper().createObjectNode()
                    : api.mapper().readTree(response.body());
        }

        private void error(String what) {
            if (errors.incrementAndGet() <= 5) {
                firstErrors.add(what.length() > 300 ? what.substring(0, 300) + "…" : what);
                log.warn("soak error: {}", what);
            }
        }
    }
}
