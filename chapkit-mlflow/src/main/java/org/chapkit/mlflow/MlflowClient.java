package org.chapkit.mlflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of MLflow's REST API 2.0 that chapkit uses, over the JDK {@link HttpClient}: experiments by name, runs
 * (create, search, log-batch, update), the tracking server's artifact proxy and the model registry. Every call either
 * returns the answer or throws {@link MlflowException} (an error answer, or no answer: connection refused, timeout), so
 * the caller decides what is retried. Thread-safe.
 */
public final class MlflowClient {

    /** The most entries MLflow takes in one {@code runs/log-batch}. */
    public static final int MAX_BATCH_ENTRIES = 1000;

    /** The most params in one {@code runs/log-batch}. */
    public static final int MAX_BATCH_PARAMS = 100;

    /** The most tags in one {@code runs/log-batch}. */
    public static final int MAX_BATCH_TAGS = 100;

    private static final String API = "api/2.0/mlflow/";
    private static final String ARTIFACTS = "api/2.0/mlflow-artifacts/artifacts/";

    private final URI trackingUri;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final String authorization;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * Creates the client.
     *
     * @param trackingUri the tracking server, e.g. {@code http://mlflow:5000} (a path prefix is kept)
     * @param http the HTTP client (its connect timeout applies)
     * @param requestTimeout the longest wait for one answer
     * @param authorization the {@code Authorization} header's value, or null for none
     */
    public MlflowClient(URI trackingUri, HttpClient http, Duration requestTimeout, String authorization) {
        String base = Objects.requireNonNull(trackingUri, "trackingUri").toString();
        this.trackingUri = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.authorization = authorization;
    }

    /**
     * The tracking server.
     *
     * @return its base URI, ending in {@code /}
     */
    public URI trackingUri() {
        return trackingUri;
    }

    /**
     * A run as MLflow describes it ({@code run.info}).
     *
     * @param runId the run's id
     * @param experimentId its experiment
     * @param status {@code RUNNING}, {@code FINISHED}, {@code FAILED}, {@code KILLED} or {@code SCHEDULED}
     * @param artifactUri where its artifacts go, e.g. {@code mlflow-artifacts:/1/<run id>/artifacts}
     */
    public record RunInfo(String runId, String experimentId, String status, String artifactUri) {

        /**
         * Whether MLflow considers the run ended.
         *
         * @return true unless it is {@code RUNNING} or {@code SCHEDULED}
         */
        public boolean ended() {
            return !"RUNNING".equals(status) && !"SCHEDULED".equals(status);
        }
    }

    /**
     * A param or tag: MLflow writes both as {@code {"key": …, "value": …}}.
     *
     * @param key the name
     * @param value the value
     */
    public record Entry(
            @JsonProperty("key") String key,
            @JsonProperty("value") String value) {}

    /**
     * One metric point.
     *
     * @param key the metric's name
     * @param value its value
     * @param timestamp when it was logged, in milliseconds since the epoch
     * @param step its step
     */
    public record Metric(
            @JsonProperty("key") String key,
            @JsonProperty("value") double value,
            @JsonProperty("timestamp") long timestamp,
            @JsonProperty("step") long step) {}

    /**
     * A model version in MLflow's registry.
     *
     * @param name the registered model's name
     * @param version its version number
     * @param runId the run it came from, or null
     */
    public record ModelVersion(String name, String version, String runId) {}

    /**
     * {@code GET experiments/get-by-name}.
     *
     * @param name the experiment's name
     * @return its id, or empty when MLflow has none of that name ({@code RESOURCE_DOES_NOT_EXIST})
     */
    public Optional<String> experimentId(String name) {
        try {
            JsonNode answer = get("experiments/get-by-name?experiment_name=" + encode(name));
            return Optional.of(answer.path("experiment").path("experiment_id").asString());
        } catch (MlflowException ex) {
            if (ex.is(MlflowException.RESOURCE_DOES_NOT_EXIST)) {
                return Optional.empty();
            }
            throw ex;
        }
    }

    /**
     * {@code POST experiments/create}.
     *
     * @param name the experiment's name
     * @return its id
     * @throws MlflowException with {@code RESOURCE_ALREADY_EXISTS} when another caller created it first
     */
    public String createExperiment(String name) {
        return post("experiments/create", Map.of("name", name))
                .path("experiment_id")
                .asString();
    }

    /**
     * {@code POST runs/search}: the active runs of an experiment that match a filter (first page, up to 100 runs).
     *
     * @param experimentId the experiment
     * @param filter MLflow's search filter, e.g. {@code tags.`chapkit.job_id` = '01J…'}
     * @return the runs found
     */
    public List<RunInfo> searchRuns(String experimentId, String filter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("experiment_ids", List.of(experimentId));
        body.put("filter", filter);
        body.put("run_view_type", "ACTIVE_ONLY");
        body.put("max_results", 100);
        List<RunInfo> runs = new ArrayList<>();
        post("runs/search", body).path("runs").forEach(run -> runs.add(runInfo(run.path("info"))));
        return runs;
    }

    /**
     * {@code POST runs/create}.
     *
     * @param experimentId the experiment
     * @param runName the run's name
     * @param startTime when it started, in milliseconds since the epoch
     * @param tags its first tags
     * @return the new run
     */
    public RunInfo createRun(String experimentId, String runName, long startTime, List<Entry> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("experiment_id", experimentId);
        body.put("run_name", runName);
        body.put("start_time", startTime);
        body.put("tags", tags);
        return runInfo(post("runs/create", body).path("run").path("info"));
    }

    /**
     * {@code POST runs/log-batch}, in as many requests as MLflow's limits need (at most {@value #MAX_BATCH_ENTRIES}
     * entries per request, of which at most {@value #MAX_BATCH_PARAMS} params and {@value #MAX_BATCH_TAGS} tags).
     *
     * @param runId the run
     * @param metrics metric points, in the order they were logged
     * @param params params
     * @param tags tags
     */
    public void logBatch(String runId, List<Metric> metrics, List<Entry> params, List<Entry> tags) {
        if (metrics.isEmpty() && params.isEmpty() && tags.isEmpty()) {
            return;
        }
        int m = 0;
        int p = 0;
        int t = 0;
        do {
            int paramCount = Math.min(MAX_BATCH_PARAMS, params.size() - p);
            int tagCount = Math.min(MAX_BATCH_TAGS, tags.size() - t);
            int metricCount = Math.min(MAX_BATCH_ENTRIES - paramCount - tagCount, metrics.size() - m);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("run_id", runId);
            body.put("metrics", metrics.subList(m, m + metricCount));
            body.put("params", params.subList(p, p + paramCount));
            body.put("tags", tags.subList(t, t + tagCount));
            post("runs/log-batch", body);
            m += metricCount;
            p += paramCount;
            t += tagCount;
        } while (m < metrics.size() || p < params.size() || t < tags.size());
    }

    /**
     * {@code POST runs/update}: ends a run.
     *
     * @param runId the run
     * @param status {@code FINISHED}, {@code FAILED} or {@code KILLED}
     * @param endTime when it ended, in milliseconds since the epoch
     */
    public void endRun(String runId, String status, long endTime) {
        post("runs/update", Map.of("run_id", runId, "status", status, "end_time", endTime));
    }

    /**
     * Uploads one file through the tracking server's artifact proxy ({@code PUT
     * /api/2.0/mlflow-artifacts/artifacts/<path>}).
     *
     * @param path the file's path below the proxy's root, e.g. {@code 1/<run id>/artifacts/chapkit-model.json}
     * @param content the bytes
     * @param contentType their media type
     */
    public void uploadArtifact(String path, byte[] content, String contentType) {
        HttpRequest.Builder request = request(ARTIFACTS + path)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        send(request, "PUT artifacts/" + path);
    }

    /**
     * {@code POST registered-models/create}; a model that already exists is fine.
     *
     * @param name the registered model's name
     */
    public void ensureRegisteredModel(String name) {
        try {
            post("registered-models/create", Map.of("name", name));
        } catch (MlflowException ex) {
            if (!ex.is(MlflowException.RESOURCE_ALREADY_EXISTS)) {
                throw ex;
            }
        }
    }

    /**
     * {@code GET model-versions/search} with {@code run_id='<run id>'}.
     *
     * @param runId the run
     * @return the versions registered from it (in any registered model)
     */
    public List<ModelVersion> modelVersionsOfRun(String runId) {
        List<ModelVersion> versions = new ArrayList<>();
        get("model-versions/search?filter=" + encode("run_id='" + runId + "'"))
                .path("model_versions")
                .forEach(version -> versions.add(modelVersion(version)));
        return versions;
    }

    /**
     * {@code POST model-versions/create}.
     *
     * @param name the registered model
     * @param source the model's location, e.g. {@code runs:/<run id>/model}
     * @param runId the run it came from
     * @param tags the version's tags
     * @return the new version
     */
    public ModelVersion createModelVersion(String name, String source, String runId, List<Entry> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("source", source);
        body.put("run_id", runId);
        body.put("tags", tags);
        return modelVersion(post("model-versions/create", body).path("model_version"));
    }

    private static RunInfo runInfo(JsonNode info) {
        return new RunInfo(
                info.path("run_id").asString(),
                info.path("experiment_id").asString(),
                info.path("status").asString(),
                info.path("artifact_uri").asString(null));
    }

    private static ModelVersion modelVersion(JsonNode version) {
        return new ModelVersion(
                version.path("name").asString(),
                version.path("version").asString(),
                version.path("run_id").asString(null));
    }

    private JsonNode get(String call) {
        return send(request(API + call).GET(), "GET " + call);
    }

    private JsonNode post(String call, Object body) {
        HttpRequest.Builder request = request(API + call)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return send(request, "POST " + call);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(trackingUri.resolve(path))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private JsonNode send(HttpRequest.Builder request, String call) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw MlflowException.noAnswer(call, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw MlflowException.noAnswer(call, ex);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw MlflowException.answered(
                    call,
                    response.statusCode(),
                    body.path("error_code").asString(null),
                    body.path("message").asString(response.body()));
        }
        return body;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException ex) {
            // a proxy's HTML error page: the status decides, the text is the message
            return json.createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
