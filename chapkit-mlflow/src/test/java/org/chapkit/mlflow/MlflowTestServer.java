package org.chapkit.mlflow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-memory server speaking the part of MLflow's REST API 2.0 that chapkit calls, written from MLflow's REST API
 * documentation ({@code mlflow.org/docs/latest/rest-api.html}; no MLflow server can run in this build): experiments
 * ({@code get-by-name}, {@code create}), runs ({@code create}, {@code log-batch}, {@code update}, {@code search}),
 * the tracking server's artifact proxy ({@code PUT /api/2.0/mlflow-artifacts/artifacts/…}) and the model registry
 * ({@code registered-models/create}, {@code model-versions/search}, {@code model-versions/create}). What it keeps to
 * from the docs: errors are {@code {"error_code", "message"}} with 400 ({@code INVALID_PARAMETER_VALUE}, {@code
 * RESOURCE_ALREADY_EXISTS}) or 404 ({@code RESOURCE_DOES_NOT_EXIST}, {@code ENDPOINT_NOT_FOUND}); POST bodies must
 * be {@code application/json}; log-batch's limits (1000 entries, 100 params, 100 tags); params cannot change value;
 * metric points are a set ({@code (key, value, timestamp, step)} logged twice is one point); empty repeated fields are
 * left out of answers, as MLflow's protobuf JSON does. Run on a real port; a test can make it answer 503 or hold
 * every request.
 */
public final class MlflowTestServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API = "/api/2.0/mlflow/";
    private static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";
    private static final Pattern TAG_FILTER =
            Pattern.compile("^\\s*tags\\.(?:`([^`]+)`|\"([^\"]+)\"|([\\w.]+))\\s*=\\s*'([^']*)'\\s*$");
    private static final Pattern VERSION_FILTER = Pattern.compile("^\\s*(run_id|name)\\s*=\\s*'([^']*)'\\s*$");
    private static final Set<String> STATUSES = Set.of("RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, String> experiments = new LinkedHashMap<>();
    private final Map<String, RunState> runs = new LinkedHashMap<>();
    private final Set<String> registeredModels = new LinkedHashSet<>();
    private final List<ModelVersion> versions = new ArrayList<>();
    private final Map<String, byte[]> artifacts = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> calls = new HashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, Integer> failing = new HashMap<>();
    private volatile boolean unavailable;
    private volatile CountDownLatch hold;

    private MlflowTestServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a server on a free port.
     *
     * @return the running server
     */
    public static MlflowTestServer start() {
        return new MlflowTestServer(0);
    }

    /**
     * The tracking URI to configure.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Makes every call answer {@code 503 TEMPORARILY_UNAVAILABLE} (as a tracking server behind a proxy that lost it),
     * or answer normally again.
     *
     * @param down true for 503s
     */
    public void unavailable(boolean down) {
        this.unavailable = down;
    }

    /**
     * How many calls were answered 503.
     *
     * @return the count
     */
    public int refused() {
        return refused.get();
    }

    /**
     * Makes the next {@code times} calls of one kind answer 503, the others normally: an export that breaks off in
     * the middle.
     *
     * @param call e.g. {@code runs/update}
     * @param times how many of its calls fail
     */
    public synchronized void failNext(String call, int times) {
        failing.put(call, times);
    }

    /** Holds every call until {@link #release()}: an MLflow that does not answer. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    /** Answers the held calls and the ones after. */
    public void release() {
        CountDownLatch latch = hold;
        hold = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /**
     * How many calls are held now.
     *
     * @return the count
     */
    public int waiting() {
        return waiting.get();
    }

    /**
     * How many times a call was answered normally.
     *
     * @param call e.g. {@code runs/create}
     * @return the count
     */
    public synchronized int calls(String call) {
        AtomicInteger count = calls.get(call);
        return count == null ? 0 : count.get();
    }

    /**
     * A run as the server holds it.
     *
     * @param id the run's id
     * @param experimentId its experiment
     * @param status its status
     * @param startTime its start, in ms
     * @param endTime its end, in ms, or null
     * @param artifactUri where its artifacts go
     * @param params its params
     * @param tags its tags
     * @param metrics its metric points, in the order they were first logged
     */
    public record Run(
            String id,
            String experimentId,
            String status,
            long startTime,
            Long endTime,
            String artifactUri,
            Map<String, String> params,
            Map<String, String> tags,
            List<MlflowClient.Metric> metrics) {}

    /**
     * A model version.
     *
     * @param name the registered model
     * @param version its number
     * @param source where the model is
     * @param runId the run it came from
     */
    public record ModelVersion(String name, String version, String source, String runId) {}

    /**
     * The runs whose tag {@code chapkit.job_id} is {@code jobId}.
     *
     * @param jobId a training's job id
     * @return the runs
     */
    public synchronized List<Run> runsOfJob(String jobId) {
        return runs.values().stream()
                .filter(run -> jobId.equals(run.tags.get(TrainingExporter.JOB_ID_TAG)))
                .map(RunState::snapshot)
                .toList();
    }

    /**
     * The experiments by name.
     *
     * @return name to id
     */
    public synchronized Map<String, String> experiments() {
        Map<String, String> byName = new LinkedHashMap<>();
        experiments.forEach((id, name) -> byName.put(name, id));
        return byName;
    }

    /**
     * The registered models' names.
     *
     * @return the names
     */
    public synchronized Set<String> registeredModels() {
        return Set.copyOf(registeredModels);
    }

    /**
     * The model versions registered from a run.
     *
     * @param runId the run
     * @return its versions
     */
    public synchronized List<ModelVersion> versionsOfRun(String runId) {
        return versions.stream().filter(v -> runId.equals(v.runId())).toList();
    }

    /**
     * The artifact files of a run, by path below the run's artifact root.
     *
     * @param run the run
     * @return path to bytes
     */
    public synchronized Map<String, byte[]> artifactsOf(Run run) {
        String root = URI.create(run.artifactUri()).getPath().replaceFirst("^/+", "") + "/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        artifacts.forEach((path, bytes) -> {
            if (path.startsWith(root)) {
                files.put(path.substring(root.length()), bytes);
            }
        });
        return files;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            CountDownLatch latch = hold;
            if (latch != null) {
                waiting.incrementAndGet();
                try {
                    latch.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                } finally {
                    waiting.decrementAndGet();
                }
            }
            if (unavailable) {
                refused.incrementAndGet();
                answer(exchange, 503, error("TEMPORARILY_UNAVAILABLE", "The tracking server is unavailable"));
                return;
            }
            Answer answer;
            try {
                answer = route(exchange);
            } catch (Failure failure) {
                answer = new Answer(failure.status, error(failure.code, failure.getMessage()));
            }
            answer(exchange, answer.status, answer.body);
        }
    }

    private record Answer(int status, JsonNode body) {}

    /** An error answer, as MLflow gives it. */
    private static final class Failure extends RuntimeException {
        final int status;
        final String code;

        Failure(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private static Failure invalid(String message) {
        return new Failure(400, "INVALID_PARAMETER_VALUE", message);
    }

    private static Failure missing(String message) {
        return new Failure(404, "RESOURCE_DOES_NOT_EXIST", message);
    }

    private Answer route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (method.equals("PUT") && path.startsWith(ARTIFACTS)) {
            synchronized (this) {
                artifacts.put(path.substring(ARTIFACTS.length()), bytes);
                count("artifacts/upload");
            }
            return new Answer(200, JSON.createObjectNode());
        }
        if (!path.startsWith(API)) {
            throw new Failure(404, "ENDPOINT_NOT_FOUND", "No endpoint " + method + " " + path);
        }
        String call = path.substring(API.length());
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        JsonNode body = JSON.createObjectNode();
        if (method.equals("POST")) {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("application/json")) {
                throw new Failure(400, "BAD_REQUEST", "POST requests must be application/json, not " + contentType);
            }
            body = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        }
        synchronized (this) {
            Integer failures = failing.get(call);
            if (failures != null && failures > 0) {
                failing.put(call, failures - 1);
                refused.incrementAndGet();
                throw new Failure(503, "TEMPORARILY_UNAVAILABLE", "The tracking server is unavailable");
            }
            ObjectNode result = switch (method + " " + call) {
                case "GET experiments/get-by-name" -> experimentByName(required(query, "experiment_name"));
                case "POST experiments/create" -> createExperiment(body);
                case "POST runs/create" -> createRun(body);
                case "POST runs/log-batch" -> logBatch(body);
                case "POST runs/update" -> updateRun(body);
                case "POST runs/search" -> searchRuns(body);
                case "POST registered-models/create" -> createRegisteredModel(body);
                case "GET model-versions/search" -> searchVersions(query.getOrDefault("filter", ""));
                case "POST model-versions/create" -> createVersion(body);
                default -> throw new Failure(404, "ENDPOINT_NOT_FOUND", "No endpoint " + method + " " + path);
            };
            count(call);
            return new Answer(200, result);
        }
    }

    private void count(String call) {
        calls.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet();
    }

    private ObjectNode experimentByName(String name) {
        for (Map.Entry<String, String> experiment : experiments.entrySet()) {
            if (experiment.getValue().equals(name)) {
                ObjectNode answer = JSON.createObjectNode();
                ObjectNode found = answer.putObject("experiment");
                found.put("experiment_id", experiment.getKey());
                found.put("name", name);
                found.put("artifact_location", "mlflow-artifacts:/" + experiment.getKey());
                found.put("lifecycle_stage", "active");
                return answer;
            }
        }
        throw missing("Could not find experiment with name '" + name + "'");
    }

    private ObjectNode createExperiment(JsonNode body) {
        String name = required(body, "name");
        if (experiments.containsValue(name)) {
            throw new Failure(400, "RESOURCE_ALREADY_EXISTS", "Experiment '" + name + "' already exists.");
        }
        String id = Integer.toString(experiments.size() + 1);
        experiments.put(id, name);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("experiment_id", id);
        return answer;
    }

    private ObjectNode createRun(JsonNode body) {
        String experimentId = required(body, "experiment_id");
        if (!experiments.containsKey(experimentId)) {
            throw missing("No experiment with id " + experimentId);
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        RunState run = new RunState(
                id,
                experimentId,
                body.path("start_time").asLong(System.currentTimeMillis()),
                "mlflow-artifacts:/" + experimentId + "/" + id + "/artifacts");
        for (JsonNode tag : body.path("tags")) {
            run.tags.put(required(tag, "key"), tag.path("value").asString(""));
        }
        if (body.hasNonNull("run_name")) {
            run.tags.put("mlflow.runName", body.get("run_name").asString());
        }
        runs.put(id, run);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("run", run.toJson());
        return answer;
    }

    private RunState run(JsonNode body) {
        String id = required(body, "run_id");
        RunState run = runs.get(id);
        if (run == null) {
            throw missing("Run with id=" + id + " not found");
        }
        return run;
    }

    private ObjectNode logBatch(JsonNode body) {
        RunState run = run(body);
        int metrics = body.path("metrics").size();
        int params = body.path("params").size();
        int tags = body.path("tags").size();
        if (metrics > 1000) {
            throw invalid("A batch logging request can contain at most 1000 metrics. Got " + metrics + " metrics.");
        }
        if (params > 100) {
            throw invalid("A batch logging request can contain at most 100 params. Got " + params + " params.");
        }
        if (tags > 100) {
            throw invalid("A batch logging request can contain at most 100 tags. Got " + tags + " tags.");
        }
        if (metrics + params + tags > 1000) {
            throw invalid("A batch logging request can contain at most 1000 metrics, params and tags in total.");
        }
        for (JsonNode param : body.path("params")) {
            String key = required(param, "key");
            String value = param.path("value").asString("");
            String earlier = run.params.get(key);
            if (earlier != null && !earlier.equals(value)) {
                throw invalid("Changing param values is not allowed. Param with key='" + key + "' was already logged"
                        + " with value='" + earlier + "' for run ID='" + run.id + "'. Attempted logging new value '"
                        + value + "'.");
            }
        }
        for (JsonNode metric : body.path("metrics")) {
            if (!metric.path("value").isNumber() || !metric.path("timestamp").isNumber()) {
                throw invalid("Metric " + metric + " needs a numeric value and timestamp");
            }
        }
        body.path("params")
                .forEach(p ->
                        run.params.put(p.get("key").asString(), p.path("value").asString("")));
        body.path("tags")
                .forEach(t -> run.tags.put(required(t, "key"), t.path("value").asString("")));
        body.path("metrics")
                .forEach(m -> run.metrics.add(new MlflowClient.Metric(
                        required(m, "key"),
                        m.get("value").asDouble(),
                        m.get("timestamp").asLong(),
                        m.path("step").asLong(0))));
        return JSON.createObjectNode();
    }

    private ObjectNode updateRun(JsonNode body) {
        RunState run = run(body);
        if (body.hasNonNull("status")) {
            String status = body.get("status").asString();
            if (!STATUSES.contains(status)) {
                throw invalid("Invalid run status " + status);
            }
            run.status = status;
        }
        if (body.hasNonNull("end_time")) {
            run.endTime = body.get("end_time").asLong();
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("run_info", run.toJson().get("info"));
        return answer;
    }

    private ObjectNode searchRuns(JsonNode body) {
        Set<String> experimentIds = new LinkedHashSet<>();
        body.path("experiment_ids").forEach(id -> experimentIds.add(id.asString()));
        String filter = body.path("filter").asString("");
        String tag = null;
        String value = null;
        if (!filter.isBlank()) {
            Matcher matcher = TAG_FILTER.matcher(filter);
            if (!matcher.matches()) {
                throw invalid("This test server understands only tags.<key> = '<value>' filters, not: " + filter);
            }
            tag = matcher.group(1) != null
                    ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            value = matcher.group(4);
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode found = JSON.createArrayNode();
        for (RunState run : runs.values()) {
            if (experimentIds.contains(run.experimentId) && (tag == null || value.equals(run.tags.get(tag)))) {
                found.add(run.toJson());
            }
        }
        if (!found.isEmpty()) {
            answer.set("runs", found);
        }
        return answer;
    }

    private ObjectNode createRegisteredModel(JsonNode body) {
        String name = required(body, "name");
        if (!registeredModels.add(name)) {
            throw new Failure(400, "RESOURCE_ALREADY_EXISTS", "Registered Model (name=" + name + ") already exists.");
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("registered_model").put("name", name).put("creation_timestamp", System.currentTimeMillis());
        return answer;
    }

    private ObjectNode searchVersions(String filter) {
        Matcher matcher = VERSION_FILTER.matcher(filter);
        if (!filter.isBlank() && !matcher.matches()) {
            throw invalid("This test server understands only run_id='…' or name='…' filters, not: " + filter);
        }
        ArrayNode found = JSON.createArrayNode();
        for (ModelVersion version : versions) {
            String field = filter.isBlank() ? null : matcher.group(1);
            String value = filter.isBlank() ? null : matcher.group(2);
            if (field == null
                    || (field.equals("run_id") ? value.equals(version.runId()) : value.equals(version.name()))) {
                found.add(toJson(version));
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        if (!found.isEmpty()) {
            answer.set("model_versions", found);
        }
        return answer;
    }

    private ObjectNode createVersion(JsonNode body) {
        String name = required(body, "name");
        if (!registeredModels.contains(name)) {
            throw missing("Registered Model with name=" + name + " not found");
        }
        long number = versions.stream().filter(v -> v.name().equals(name)).count() + 1;
        ModelVersion version = new ModelVersion(
                name,
                Long.toString(number),
                required(body, "source"),
                body.path("run_id").asString(null));
        versions.add(version);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("model_version", toJson(version));
        return answer;
    }

    private static ObjectNode toJson(ModelVersion version) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", version.name());
        node.put("version", version.version());
        node.put("source", version.source());
        if (version.runId() != null) {
            node.put("run_id", version.runId());
        }
        node.put("status", "READY");
        node.put("current_stage", "None");
        return node;
    }

    private static String required(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isString() || value.asString().isEmpty()) {
            throw invalid("Missing value for required parameter '" + field + "'.");
        }
        return value.asString();
    }

    private static String required(Map<String, String> query, String field) {
        String value = query.get(field);
        if (value == null || value.isEmpty()) {
            throw invalid("Missing value for required parameter '" + field + "'.");
        }
        return value;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static JsonNode error(String code, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("error_code", code);
        error.put("message", message);
        return error;
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A run being written. Guarded by the server. */
    private static final class RunState {
        final String id;
        final String experimentId;
        final long startTime;
        final String artifactUri;
        final Map<String, String> params = new LinkedHashMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        final Set<MlflowClient.Metric> metrics = new LinkedHashSet<>();
        String status = "RUNNING";
        Long endTime;

        RunState(String id, String experimentId, long startTime, String artifactUri) {
            this.id = id;
            this.experimentId = experimentId;
            this.startTime = startTime;
            this.artifactUri = artifactUri;
        }

        Run snapshot() {
            return new Run(
                    id,
                    experimentId,
                    status,
                    startTime,
                    endTime,
                    artifactUri,
                    Map.copyOf(params),
                    Map.copyOf(tags),
                    List.copyOf(metrics));
        }

        ObjectNode toJson() {
            ObjectNode run = JSON.createObjectNode();
            ObjectNode info = run.putObject("info");
            info.put("run_id", id);
            info.put("run_uuid", id);
            info.put("experiment_id", experimentId);
            info.put("run_name", tags.getOrDefault("mlflow.runName", ""));
            info.put("status", status);
            info.put("start_time", startTime);
            if (endTime != null) {
                info.put("end_time", endTime);
            }
            info.put("artifact_uri", artifactUri);
            info.put("lifecycle_stage", "active");
            ObjectNode data = run.putObject("data");
            if (!tags.isEmpty()) {
                ArrayNode list = data.putArray("tags");
                tags.forEach((key, value) -> list.addObject().put("key", key).put("value", value));
            }
            if (!params.isEmpty()) {
                ArrayNode list = data.putArray("params");
                params.forEach((key, value) -> list.addObject().put("key", key).put("value", value));
            }
            return run;
        }
    }
}
