package org.chapkit.benchmarks.harness;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.chapkit.benchmarks.micro.DataFrameBenchmarks;
import org.chapkit.info.ServiceInfo;
import org.chapkit.job.JobContext;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.result.ModelRuns;
import org.chapkit.ml.runner.AnnotatedModelRunner;
import org.chapkit.ml.runner.Cancellation;
import org.chapkit.ml.runner.InjectionResolver;
import org.chapkit.ml.runner.ModelRunner;
import org.chapkit.ml.runner.RunContext;
import org.chapkit.ml.runner.TrainInput;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Metric 4 and issue #5's DataFrame decode figure in one run. Starts the sample app ({@code -Xmx512m}, the run's
 * PostgreSQL, its regression forecaster), creates a config, trains on {@code $generate-sample-data} (5 locations ×
 * 50 monthly periods), then sends {@code --predict-requests} (200) sequential {@code $predict} requests for 3 future
 * periods after {@code --predict-warmup} (30) warm-up ones, alternating with {@code POST /demo/$sleep?seconds=0}
 * jobs (the sample app's no-op job: the bare job-system round trip, measured the same way). Each figure is POST →
 * the job observed {@code completed}: by default through the job's {@code $stream} with {@code poll_interval} 2 ms
 * ({@code --predict-observe=sse}), or by polling {@code GET /api/v1/jobs/{id}} every 2 ms
 * ({@code --predict-observe=poll}). The same model's predict is also run in this JVM on the same frames ({@link
 * ModelRuns#predict}, what the job calls: model decode, the forecaster, the prediction's schema), and JMH measures
 * the 1000 × 6 DataFrame decode against Jackson's {@code readTree} (2 × 1 s warm-up, 3 × 1 s measured).
 * {@code --predict-jfr=FILE} records a JFR profile of the app. Bytes written per request are PostgreSQL's WAL insert
 * position moved between the POST and seeing the job completed (median over the measured requests, the no-op job as
 * baseline), and the stored {@code jobs.payload} of the predict jobs.
 */
public final class PredictSuite implements Suite {

    private static final Logger log = LoggerFactory.getLogger(PredictSuite.class);
    private static final String P50 = "4. $predict POST → completed p50 (ms)";
    private static final String P99 = "4. $predict POST → completed p99 (ms)";
    private static final String IN_PROCESS = "4. the same predict in-process p50 (ms)";
    private static final String DECODE = "4. DataFrame JSON → Tablesaw, 1000×6, predict run (ops/s)";
    private static final String WAL = "4. $predict bytes written (PostgreSQL WAL, bytes/request)";
    private static final String PAYLOAD = "4. $predict jobs.payload (bytes/request)";
    static final String CONFIG = "{\"name\":\"predict-benchmark\",\"data\":{\"prediction_periods\":3,"
            + "\"additional_continuous_covariates\":[],\"n_samples\":20,\"lags\":1,\"seed\":42}}";
    private static final Map<String, Object> CONFIG_VALUES = Map.of(
            "predictionPeriods", 3,
            "additionalContinuousCovariates", List.of(),
            "nSamples", 20,
            "lags", 1,
            "seed", 42L);

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public List<Row> placeholders() {
        return List.of(
                Row.notMeasured(P50, "≤ 50 ms", ""),
                Row.notMeasured(P99, "", ""),
                Row.notMeasured(IN_PROCESS, "", ""),
                Row.notMeasured(WAL, "", ""),
                Row.notMeasured(PAYLOAD, "", ""),
                Row.notMeasured(DECODE, "≥ 0.8×", ""));
    }

    @Override
    public List<Row> run(HarnessContext context) throws Exception {
        AppLayout layout = AppLayout.extract(context);
        int warmup = context.intOption("predict-warmup", 30);
        int requests = context.intOption("predict-requests", 200);
        boolean sse = !"poll".equals(context.options().getOrDefault("predict-observe", "sse"));
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx512m"));
        String jfr = context.options().get("predict-jfr");
        if (jfr != null) {
            jvmArgs.add("-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath() + ",settings=profile");
        }
        JsonMapper mapper = JsonMapper.builder().build();
        List<Trip> predictTrips = new ArrayList<>();
        List<Trip> jobTrips = new ArrayList<>();
        List<Double> inProcessMillis;
        List<Double> predictWal = new ArrayList<>();
        List<Double> jobWal = new ArrayList<>();
        double payloadBytes;
        int requestBytes;
        try (JavaProcess app = JavaProcess.start(
                        context,
                        "sample-predict",
                        jvmArgs,
                        layout.sampleClasspath(),
                        layout.sampleMainClass(),
                        List.of(context.datasourceArgs()),
                        "/actuator/health");
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                Connection db = DriverManager.getConnection(context.jdbcUrl())) {
            Api api = new Api(new SampleApi(client, app.baseUri(), mapper), sse);
            SampleApi.TrainedModel model = api.http().train(CONFIG);
            String trainingId = model.trainingId();
            JsonNode train = model.train();
            ObjectNode predict = model.predict();
            String predictBody = mapper.writeValueAsString(predict);
            requestBytes = predictBody.length();
            log.info(
                    "predict: trained {}; request {} bytes ({} historic, {} future rows)",
                    trainingId,
                    predictBody.length(),
                    predict.get("historic").get("data").size(),
                    predict.get("future").get("data").size());
            for (int i = 0; i < warmup; i++) {
                api.roundTrip("/api/v1/ml/$predict", predictBody);
                api.roundTrip("/demo/$sleep?seconds=0", "");
            }
            String lastArtifact = null;
            for (int i = 0; i < requests; i++) {
                long before = walPosition(db);
                Trip trip = api.roundTrip("/api/v1/ml/$predict", predictBody);
                long between = walPosition(db);
                lastArtifact = trip.artifactId();
                predictTrips.add(trip);
                jobTrips.add(api.roundTrip("/demo/$sleep?seconds=0", ""));
                predictWal.add((double) (between - before));
                jobWal.add((double) (walPosition(db) - between));
            }
            payloadBytes = averagePayload(db, "ml.predict");
            JsonNode prediction = api.send("GET", "/api/v1/artifacts/" + lastArtifact, null, 200);
            String type = prediction.path("data").path("type").asString("");
            if (!"ml_prediction".equals(type)) {
                throw new IllegalStateException("The last prediction artifact is " + prediction);
            }
            ServiceInfo info = mapper.readValue(api.text("/api/v1/info"), ServiceInfo.class);
            JsonNode schema = mapper.readTree(api.text("/api/v1/configs/$schema"));
            inProcessMillis = inProcess(layout, info, schema, mapper, train, predict, warmup, requests);
        }
        Row decodeRow = decodeRow();
        List<Double> predictMillis = predictTrips.stream().map(Trip::total).toList();
        List<Double> jobMillis = jobTrips.stream().map(Trip::total).toList();
        String phases = "median phases $predict " + Trip.phases(predictTrips) + ", no-op job " + Trip.phases(jobTrips);
        log.info("predict: {}", phases);
        double p50 = percentile(predictMillis, 0.50);
        double p99 = percentile(predictMillis, 0.99);
        double jobP50 = percentile(jobMillis, 0.50);
        double jobP99 = percentile(jobMillis, 0.99);
        double localP50 = percentile(inProcessMillis, 0.50);
        log.info(
                "predict: POST → completed p50 {} ms, p99 {} ms; bare job p50 {} ms, p99 {} ms; in-process p50 {} ms",
                format(p50),
                format(p99),
                format(jobP50),
                format(jobP99),
                format(localP50));
        String how = String.format(
                Locale.ROOT,
                "%d sequential requests after %d warm-up, completion seen %s; baseline = POST /demo/$sleep?seconds=0"
                        + " (no-op job) measured the same way, alternately",
                requests,
                warmup,
                sse ? "through $stream?poll_interval=0.002" : "by polling GET /api/v1/jobs/{id} every 2 ms");
        return List.of(
                new Row(P50, p50, jobP50, "≤ 50 ms", p50 <= 50, how + "; " + phases),
                new Row(P99, p99, jobP99, "", null, how),
                new Row(
                        IN_PROCESS,
                        localP50,
                        null,
                        "",
                        null,
                        "ModelRuns.predict (model decode + RegressionForecaster.predict + schema) on the same frames"
                                + " in the harness JVM, same model; p99 " + format(percentile(inProcessMillis, 0.99))),
                decodeRow,
                new Row(
                        WAL,
                        Medians.of(predictWal),
                        Medians.of(jobWal),
                        "",
                        null,
                        "median over the measured requests of pg_current_wal_insert_lsn() moved between sending the"
                                + " POST and seeing the job completed; baseline = the same for the no-op job"),
                new Row(
                        PAYLOAD,
                        payloadBytes,
                        null,
                        "",
                        null,
                        "average octet_length(jobs.payload) of the run's ml.predict jobs (the request JSON was "
                                + requestBytes + " bytes)"));
    }

    /** The current WAL insert position, in bytes. */
    private static long walPosition(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The average size of the stored payloads of one job type. */
    private static double averagePayload(Connection db, String type) throws SQLException {
        try (var statement =
                db.prepareStatement("SELECT COALESCE(AVG(OCTET_LENGTH(payload)), 0) FROM jobs WHERE type = ?")) {
            statement.setString(1, type);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    /** The decode row, or a failed one when JMH cannot run (e.g. another JMH run holds its lock): the HTTP figures stay. */
    private static Row decodeRow() {
        try {
            Map<String, Double> decode = decodeRates();
            double tablesaw = decode.get("decodeToTablesaw");
            double tree = decode.get("jacksonTreeParse");
            return new Row(
                    DECODE,
                    tablesaw,
                    tree,
                    "≥ 0.8×",
                    tablesaw / tree >= 0.8,
                    "JMH DataFrameBenchmarks, 2 × 1 s warm-up, median of 3 × 1 s; baseline Jackson readTree");
        } catch (RunnerException ex) {
            log.warn("predict: JMH decode benchmark did not run", ex);
            return new Row(DECODE, null, null, "≥ 0.8×", null, "FAILED: " + ex.getMessage());
        }
    }

    /** Trains the sample forecaster in this JVM on the same frames and times {@link ModelRuns#predict}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Double> inProcess(
            AppLayout layout,
            ServiceInfo info,
            JsonNode configSchema,
            JsonMapper mapper,
            JsonNode train,
            JsonNode predict,
            int warmup,
            int requests)
            throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(layout.sampleJar().toUri().toURL());
        for (Path library : layout.libraries()) {
            if (library.getFileName().toString().startsWith("commons-math3")) {
                urls.add(library.toUri().toURL());
            }
        }
        // Parent first: chapkit, Jackson and Tablesaw are this harness's; only the sample classes come from the jar.
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), PredictSuite.class.getClassLoader())) {
            Object forecaster = loader.loadClass("org.chapkit.sample.RegressionForecaster")
                    .getConstructor(ServiceInfo.class)
                    .newInstance(info);
            Class<?> configType = loader.loadClass("org.chapkit.sample.ForecastConfig");
            Object config = config(configType);
            ModelRunner<Object, Object> runner = (ModelRunner) AnnotatedModelRunner.of(
                    forecaster, configType, null, List.of(InjectionResolver.contextAttribute(JobContext.class)));
            RunContext run = new RunContext(Cancellation.none(), Map.of(JobContext.class, new NoJob()));
            ModelRuns runs = new ModelRuns(Clock.systemUTC());
            DataFrame data = mapper.treeToValue(train.get("data"), DataFrame.class);
            DataFrame historic = mapper.treeToValue(predict.get("historic"), DataFrame.class);
            DataFrame future = mapper.treeToValue(predict.get("future"), DataFrame.class);
            String configId = "01K00000000000000000000000";
            byte[] model = runs.train(runner, configId, new TrainInput<>(config, data, null), run)
                    .content();
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < warmup + requests; i++) {
                long start = System.nanoTime();
                runs.predict(
                        runner,
                        configId,
                        config,
                        model,
                        historic,
                        future,
                        null,
                        info.requiredCovariates(),
                        configSchema,
                        run);
                if (i >= warmup) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            return millis;
        }
    }

    private static Object config(Class<?> configType) throws ReflectiveOperationException {
        RecordComponent[] components = configType.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = CONFIG_VALUES.get(components[i].getName());
        }
        Constructor<?> constructor = configType.getDeclaredConstructor(types);
        return constructor.newInstance(values);
    }

    /** JMH's decode pair from {@link DataFrameBenchmarks}, forked like the micro suite's. */
    private static Map<String, Double> decodeRates() throws RunnerException {
        var options = new OptionsBuilder()
                .include(DataFrameBenchmarks.class.getName().replace(".", "\\.")
                        + "\\.(decodeToTablesaw|jacksonTreeParse)$")
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx1g")
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> scores = new HashMap<>();
        for (RunResult result : results) {
            List<Double> values = new ArrayList<>();
            for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
                for (IterationResult iteration : benchmark.getIterationResults()) {
                    values.add(iteration.getPrimaryResult().getScore());
                }
            }
            String name = result.getParams().getBenchmark();
            scores.put(name.substring(name.lastIndexOf('.') + 1), Medians.of(values));
        }
        log.info(
                "predict: DataFrame decode {} ops/s, Jackson readTree {} ops/s",
                scores.get("decodeToTablesaw"),
                scores.get("jacksonTreeParse"));
        return scores;
    }

    /** The nearest-rank percentile. */
    static double percentile(List<Double> values, double fraction) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The HTTP calls of this suite (and of {@link TracingSuite}). */
    record Api(SampleApi http, boolean sse) {

        JsonNode send(String method, String path, String body, int expected) throws IOException, InterruptedException {
            return http.expect(method, path, body, expected);
        }

        String text(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send("GET", path, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        }

        /** POSTs a job submission and returns once the job is seen completed, with the times of its phases. */
        Trip roundTrip(String path, String body) throws IOException, InterruptedException {
            Instant posted = Instant.now();
            long start = System.nanoTime();
            JsonNode submitted = send("POST", path, body, 202);
            long accepted = System.nanoTime();
            JsonNode record = awaitCompleted(submitted.get("job_id").asString());
            long seen = System.nanoTime();
            Instant submittedAt = Instant.parse(record.get("submitted_at").asString());
            Instant startedAt = Instant.parse(record.get("started_at").asString());
            Instant finishedAt = Instant.parse(record.get("finished_at").asString());
            return new Trip(
                    submitted.path("artifact_id").asString(null),
                    (seen - start) / 1e6,
                    (accepted - start) / 1e6,
                    Duration.between(posted, submittedAt).toNanos() / 1e6,
                    Duration.between(submittedAt, startedAt).toNanos() / 1e6,
                    Duration.between(startedAt, finishedAt).toNanos() / 1e6,
                    (seen - start) / 1e6 - Duration.between(posted, finishedAt).toNanos() / 1e6);
        }

        JsonNode awaitCompleted(String jobId) throws IOException, InterruptedException {
            return sse ? streamUntilCompleted(jobId) : pollUntilCompleted(jobId);
        }

        private JsonNode streamUntilCompleted(String jobId) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(http.base() + "/api/v1/jobs/" + jobId + "/$stream?poll_interval=0.002"))
                    .timeout(Duration.ofSeconds(60))
                    .build();
            HttpResponse<Stream<String>> response = http.client().send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("$stream of " + jobId + " answered " + response.statusCode());
            }
            try (Stream<String> lines = response.body()) {
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.startsWith("data:")) {
                        JsonNode frame = http.mapper().readTree(line.substring(5));
                        if (SampleApi.completed(frame, jobId)) {
                            it.forEachRemaining(rest -> {}); // the server ends the stream; keep the connection reusable
                            return frame;
                        }
                    }
                }
            }
            throw new IllegalStateException("$stream of " + jobId + " ended before the job completed");
        }

        private JsonNode pollUntilCompleted(String jobId) throws IOException, InterruptedException {
            return http.pollUntilCompleted(jobId, Duration.ofMillis(2));
        }
    }

    /**
     * One POST → completed round trip, in milliseconds: the total, until the 202 answer, and its phases from the job
     * record's timestamps (the app's clock is this machine's): POST → {@code submitted_at}, → {@code started_at},
     * → {@code finished_at}, and from {@code finished_at} until this client saw the job completed.
     */
    record Trip(
            String artifactId, double total, double accepted, double submit, double queue, double run, double seen) {

        static String phases(List<Trip> trips) {
            return String.format(
                    Locale.ROOT,
                    "POST→202 %.1f ms; POST→submitted_at %.1f, submitted→started %.1f, started→finished %.1f,"
                            + " finished→seen %.1f",
                    Medians.of(trips.stream().map(Trip::accepted).toList()),
                    Medians.of(trips.stream().map(Trip::submit).toList()),
                    Medians.of(trips.stream().map(Trip::queue).toList()),
                    Medians.of(trips.stream().map(Trip::run).toList()),
                    Medians.of(trips.stream().map(Trip::seen).toList()));
        }
    }

    /** The job context of the in-process run: no job, never cancelled. */
    private static final class NoJob implements JobContext {

        @Override
        public String jobId() {
            return "in-process";
        }

        @Override
        public String reservedArtifactId() {
            return null;
        }

        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public void reportProgress(double fraction, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void throwIfCancelled() {}

        @Override
        public void onCancel(Runnable callback) {}
    }
}
