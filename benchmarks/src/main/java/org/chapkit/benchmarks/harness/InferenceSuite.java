package org.chapkit.benchmarks.harness;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 21's synchronous inference: the sample app ({@code -Xmx512m}, the run's PostgreSQL, its regression
 * forecaster) trains one model, then alternates {@code --inference-requests} (300) sequential KServe V2
 * {@code POST /v2/models/{name}/versions/{v}/infer} calls with the same number of {@code $predict} POST → job seen
 * {@code completed} (polling {@code GET /api/v1/jobs/{id}} every 2 ms) on the same model and frames, after
 * {@code --inference-warmup} (30) of each. Reports V2 p50, both request rates (one sequential client: requests per
 * wall second of each kind's own time), their ratio, and the model cache's hit rate from {@code /metrics}.
 */
public final class InferenceSuite implements Suite {

    private static final Logger log = LoggerFactory.getLogger(InferenceSuite.class);
    private static final String P50 = "10. V2 infer p50 (ms)";
    private static final String RATE = "10. V2 infer req/s vs $predict POST → completed req/s";
    private static final String HITS = "10. model cache hit rate (%)";
    private static final String FLOOR = "10. HTTP floor: GET /v2/health/live p50 (ms)";
    private static final String CONFIG = "{\"name\":\"inference-benchmark\",\"data\":{\"prediction_periods\":3,"
            + "\"additional_continuous_covariates\":[],\"n_samples\":20,\"lags\":1,\"seed\":42}}";

    @Override
    public String name() {
        return "inference";
    }

    @Override
    public List<Row> placeholders() {
        return List.of(
                Row.notMeasured(P50, "≤ 5 ms", ""),
                Row.notMeasured(RATE, "≥ 10×", ""),
                Row.notMeasured(HITS, "", ""),
                Row.notMeasured(FLOOR, "", ""));
    }

    @Override
    public List<Row> run(HarnessContext context) throws Exception {
        AppLayout layout = AppLayout.extract(context);
        int warmup = context.intOption("inference-warmup", 30);
        int requests = context.intOption("inference-requests", 300);
        JsonMapper mapper = JsonMapper.builder().build();
        List<Double> inferMillis = new ArrayList<>();
        List<Double> predictMillis = new ArrayList<>();
        List<Double> floorMillis = new ArrayList<>();
        double hitRate;
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx512m"));
        String jfr = context.options().get("inference-jfr");
        if (jfr != null) {
            jvmArgs.add("-XX:FlightRecorderOptions:stackdepth=256");
            jvmArgs.add("-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath() + ",settings=profile");
        }
        try (JavaProcess app = JavaProcess.start(
                        context,
                        "sample-inference",
                        jvmArgs,
                        layout.sampleClasspath(),
                        layout.sampleMainClass(),
                        List.of(context.datasourceArgs()),
                        "/actuator/health");
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()) {
            SampleApi api = new SampleApi(client, app.baseUri(), mapper);
            SampleApi.TrainedModel model = api.train(CONFIG);
            String name = api.expect("GET", "/api/v1/models", null, 200)
                    .get(0)
                    .get("name")
                    .asString();
            int version = -1;
            for (JsonNode v : api.expect("GET", "/api/v1/models/" + name + "/versions", null, 200)) {
                if (v.get("artifact_id").asString().equals(model.trainingId())) {
                    version = v.get("version").asInt();
                }
            }
            String inferPath = "/v2/models/" + name + "/versions/" + version + "/infer";
            String inferBody = mapper.writeValueAsString(inferBody(mapper, model.predict()));
            String predictBody = mapper.writeValueAsString(model.predict());
            for (int i = 0; i < warmup; i++) {
                infer(api, inferPath, inferBody);
                predict(api, predictBody);
                floor(api);
            }
            for (int i = 0; i < requests; i++) {
                inferMillis.add(infer(api, inferPath, inferBody));
                predictMillis.add(predict(api, predictBody));
                floorMillis.add(floor(api));
            }
            hitRate = hitRate(api.send("GET", "/metrics", null));
        }
        double p50 = PredictSuite.percentile(inferMillis, 0.50);
        double predictP50 = PredictSuite.percentile(predictMillis, 0.50);
        double floorP50 = PredictSuite.percentile(floorMillis, 0.50);
        log.info(
                "inference: V2 p90 {} ms, p99 {} ms, max {} ms; floor p90 {} ms, p99 {} ms",
                format(PredictSuite.percentile(inferMillis, 0.90)),
                format(PredictSuite.percentile(inferMillis, 0.99)),
                format(PredictSuite.percentile(inferMillis, 1.0)),
                format(PredictSuite.percentile(floorMillis, 0.90)),
                format(PredictSuite.percentile(floorMillis, 0.99)));
        double inferRate = 1000.0
                * inferMillis.size()
                / inferMillis.stream().mapToDouble(Double::doubleValue).sum();
        double predictRate = 1000.0
                * predictMillis.size()
                / predictMillis.stream().mapToDouble(Double::doubleValue).sum();
        log.info(
                "inference: V2 p50 {} ms, {} req/s; $predict p50 {} ms, {} req/s; cache hits {} %; HTTP floor p50 {} ms",
                format(p50),
                format(inferRate),
                format(predictP50),
                format(predictRate),
                format(hitRate),
                format(floorP50));
        String how = String.format(
                Locale.ROOT,
                "%d sequential V2 infer, $predict (POST → completed, polled every 2 ms) and GET /v2/health/live"
                        + " alternately after %d warm-up each, same model and frames; $predict p50 %s ms",
                requests,
                warmup,
                format(predictP50));
        return List.of(
                new Row(P50, p50, predictP50, "≤ 5 ms", p50 <= 5, how),
                new Row(RATE, inferRate, predictRate, "≥ 10×", inferRate >= 10 * predictRate, how),
                new Row(HITS, hitRate, null, "", null, "ml_model_cache_hits / (hits + misses) after the run"),
                new Row(
                        FLOOR,
                        floorP50,
                        null,
                        "",
                        null,
                        "the cheapest request through the same stack (filters, security, JSON), a third request of each"
                                + " round: what any synchronous call costs this client and server before its own work"));
    }

    /** The $predict frames as V2 tensors: one per future column, {@code historic.<column>} for the history. */
    static ObjectNode inferBody(JsonMapper mapper, JsonNode predict) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        add(inputs, "", predict.get("future"));
        add(inputs, "historic.", predict.get("historic"));
        return body;
    }

    private static void add(ArrayNode inputs, String prefix, JsonNode frame) {
        JsonNode columns = frame.get("columns");
        for (int column = 0; column < columns.size(); column++) {
            ObjectNode tensor = inputs.addObject();
            tensor.put("name", prefix + columns.get(column).asString());
            tensor.putArray("shape").add(frame.get("data").size());
            ArrayNode data = tensor.putArray("data");
            boolean text = false;
            for (JsonNode row : frame.get("data")) {
                data.add(row.get(column));
                text |= row.get(column).isString();
            }
            tensor.put("datatype", text ? "BYTES" : "FP64");
        }
    }

    private static double infer(SampleApi api, String path, String body) throws Exception {
        return timed(api, "POST", path, body);
    }

    private static double floor(SampleApi api) throws Exception {
        return timed(api, "GET", "/v2/health/live", null);
    }

    /** One synchronous call that must answer 200, in milliseconds. */
    private static double timed(SampleApi api, String method, String path, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = api.send(method, path, body);
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    private static double predict(SampleApi api, String body) throws Exception {
        long start = System.nanoTime();
        JsonNode submitted = api.expect("POST", "/api/v1/ml/$predict", body, 202);
        api.pollUntilCompleted(submitted.get("job_id").asString(), Duration.ofMillis(2));
        return (System.nanoTime() - start) / 1e6;
    }

    private static double hitRate(HttpResponse<String> metrics) {
        double hits = counter(metrics.body(), "ml_model_cache_hits_total");
        double misses = counter(metrics.body(), "ml_model_cache_misses_total");
        return hits + misses == 0 ? 0 : 100 * hits / (hits + misses);
    }

    private static double counter(String exposition, String name) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
