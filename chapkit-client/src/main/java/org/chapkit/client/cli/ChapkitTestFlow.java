package org.chapkit.client.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.ChapkitClientException;
import org.chapkit.client.ChapkitProblemException;
import org.chapkit.client.artifact.Artifact;
import org.chapkit.client.artifact.ArtifactContent;
import org.chapkit.client.artifact.DataFormat;
import org.chapkit.client.artifact.DownloadOptions;
import org.chapkit.client.config.Config;
import org.chapkit.client.config.ConfigClient;
import org.chapkit.client.config.ConfigRequest;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.health.HealthStatus;
import org.chapkit.client.info.ServiceInfo;
import org.chapkit.client.job.JobRecord;
import org.chapkit.client.job.JobStatus;
import org.chapkit.client.job.JobSubmission;
import org.chapkit.client.ml.PredictRequest;
import org.chapkit.client.ml.PredictSample;
import org.chapkit.client.ml.PredictionArtifactData;
import org.chapkit.client.ml.SampleDataQuery;
import org.chapkit.client.ml.TrainRequest;
import org.chapkit.client.ml.TrainSample;
import org.chapkit.client.ml.ValidateRequest;
import org.chapkit.client.ml.ValidationDiagnostic;
import org.chapkit.client.ml.ValidationResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The {@code chapkit test} flow (contract §15) against one service: health → info → config schema → config (a
 * {@code data: {}} probe, then a real one) → {@code $validate} → {@code $train} → wait → {@code $predict} → wait →
 * verify the prediction artifact the way chap-core parses it → download it as CSV ({@code $download?format=csv}) →
 * export the model's predictions ({@code $export?format=jsonl}).
 */
public final class ChapkitTestFlow {

    /** The exact key set chap-core accepts in a prediction artifact's {@code data} (contract §13). */
    public static final Set<String> PREDICTION_DATA_KEYS =
            Set.of("type", "metadata", "content", "content_type", "content_size");

    /** The column {@code $export} adds to name each row's artifact. */
    private static final String EXPORT_ID_COLUMN = "artifact_id";

    private final ChapkitClient client;
    private final Duration jobTimeout;
    private final SampleDataQuery sampleQuery;
    private final boolean keep;

    /**
     * Creates the flow.
     *
     * @param client the client connected to the service under test
     * @param jobTimeout how long to wait for each job
     * @param sampleQuery the size of the generated data (config id and geo are filled in by the flow)
     * @param keep whether to keep the created config and its artifacts afterwards
     */
    public ChapkitTestFlow(ChapkitClient client, Duration jobTimeout, SampleDataQuery sampleQuery, boolean keep) {
        this.client = client;
        this.jobTimeout = jobTimeout;
        this.sampleQuery = sampleQuery;
        this.keep = keep;
    }

    /** Thrown by a step to fail with a message. */
    private static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** Signals that a step does not apply. */
    private static final class StepSkipped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepSkipped(String message) {
            super(message, null, false, false);
        }
    }

    @FunctionalInterface
    private interface Step {
        String run();
    }

    /**
     * Runs the flow; it stops at the first failed step.
     *
     * @param url the service URL, for the report header
     * @return the report
     */
    public FlowReport run(String url) {
        FlowReport report = new FlowReport(url);
        State state = new State();
        ConfigClient<JsonNode> configs = client.configs(JsonNode.class);
        List<Step> cleanup = new ArrayList<>();
        boolean completed = step(report, "health", () -> {
                    HealthStatus health = client.health().check();
                    if (!health.isHealthy()) {
                        throw new StepFailed("status is " + health.status() + ", checks " + health.checks());
                    }
                    return "healthy, " + health.checks().size() + " check(s)";
                })
                && step(report, "info", () -> {
                    ServiceInfo info = client.info();
                    if (info.id() == null || info.displayName() == null || info.version() == null) {
                        throw new StepFailed("id, display_name and version are required, got " + info);
                    }
                    state.info = info;
                    return info.displayName() + " " + info.version() + " (" + info.id() + "), period "
                            + (info.periodType() == null
                                    ? "?"
                                    : info.periodType().wireValue()) + ", requires geo "
                            + Boolean.TRUE.equals(info.requiresGeo());
                })
                && step(report, "config schema", () -> {
                    JsonNode schema = configs.schema();
                    JsonNode properties = schema.get("properties");
                    if (properties == null || !properties.isObject()) {
                        throw new StepFailed("schema has no 'properties' object: " + abbreviate(schema));
                    }
                    return properties.size() + " properties: " + String.join(", ", properties.propertyNames());
                })
                && step(report, "config probe data {}", () -> {
                    Config<JsonNode> probe = configs.create(ConfigRequest.of(
                            "chapkit-test-probe-" + Instant.now().toEpochMilli(),
                            JsonNodeFactory.instance.objectNode()));
                    try {
                        requirePredictionPeriods(probe);
                        state.defaults = probe.data();
                    } finally {
                        configs.delete(probe.id());
                    }
                    return "defaults " + abbreviate(probe.data());
                })
                && step(report, "config create", () -> {
                    Config<JsonNode> config =
                            configs.create("chapkit-test-" + Instant.now().toEpochMilli(), state.defaults);
                    requirePredictionPeriods(config);
                    state.config = config;
                    if (!keep) {
                        cleanup.add(() -> {
                            configs.delete(config.id());
                            return "deleted config " + config.id();
                        });
                    }
                    Config<JsonNode> read = configs.get(config.id());
                    if (!config.id().equals(read.id())) {
                        throw new StepFailed("GET returned id " + read.id());
                    }
                    return "id " + config.id() + ", data " + abbreviate(config.data());
                })
                && step(report, "sample train data", () -> {
                    state.trainSample = client.ml().sampleTrainData(query(state).withConfigId(state.config.id()));
                    return state.trainSample.data().size() + " rows x "
                            + state.trainSample.data().columns().size() + " columns"
                            + (state.trainSample.geo() == null ? "" : ", with geo");
                })
                && step(report, "validate train", () -> {
                    TrainRequest request = state.trainSample.toRequest(state.config.id());
                    return validate(ValidateRequest.of(request));
                })
                && step(report, "train", () -> {
                    JobSubmission job = client.ml().train(state.trainSample.toRequest(state.config.id()));
                    state.trainJob = job;
                    return "job " + job.jobId() + ", artifact " + job.artifactId();
                })
                && step(report, "wait for training", () -> waitFor(state.trainJob))
                && step(report, "training artifact", () -> {
                    Artifact<JsonNode> artifact = client.artifacts().get(state.trainJob.artifactId());
                    String type = text(artifact.data().get("type"));
                    if (artifact.level() != 0) {
                        throw new StepFailed("expected a root artifact (level 0), got level " + artifact.level());
                    }
                    JsonNode status = artifact.data().path("metadata").get("status");
                    if (status != null && "failed".equals(status.asString())) {
                        throw new StepFailed("training reported status failed: "
                                + abbreviate(artifact.data().get("metadata")));
                    }
                    return "type " + type + ", level 0";
                })
                && step(report, "sample predict data", () -> {
                    state.predictSample =
                            client.ml().samplePredictData(query(state).withConfigId(state.config.id()));
                    return state.predictSample.historic().size() + " historic rows, "
                            + state.predictSample.future().size() + " future rows";
                })
                && step(report, "validate predict", () -> {
                    PredictRequest request = state.predictSample.toRequest(state.trainJob.artifactId());
                    return validate(ValidateRequest.of(request));
                })
                && step(report, "predict", () -> {
                    JobSubmission job = client.ml().predict(state.predictSample.toRequest(state.trainJob.artifactId()));
                    state.predictJob = job;
                    return "job " + job.jobId() + ", artifact " + job.artifactId();
                })
                && step(report, "wait for prediction", () -> waitFor(state.predictJob))
                && step(report, "prediction artifact", () -> verifyPrediction(state))
                && step(report, "download prediction csv", () -> downloadCsv(state))
                && step(report, "export predictions", () -> exportPredictions(state));
        for (Step step : cleanup) {
            step(report, "cleanup", step);
        }
        report.finish(completed);
        return report;
    }

    private SampleDataQuery query(State state) {
        boolean geo = Boolean.TRUE.equals(sampleQuery.includeGeo()) || Boolean.TRUE.equals(state.info.requiresGeo());
        return sampleQuery.withGeo(geo);
    }

    private String validate(ValidateRequest request) {
        ValidationResult result;
        try {
            result = client.ml().validate(request);
        } catch (ChapkitProblemException e) {
            if (e.status() == 404 || e.status() == 405) {
                throw new StepSkipped("service has no $validate (HTTP " + e.status() + ")");
            }
            throw e;
        }
        if (!result.valid()) {
            StringBuilder text = new StringBuilder("invalid:");
            for (ValidationDiagnostic diagnostic : result.diagnostics()) {
                text.append(' ')
                        .append(diagnostic.code())
                        .append(" (")
                        .append(diagnostic.message())
                        .append(')');
            }
            throw new StepFailed(text.toString());
        }
        return "valid, " + result.diagnostics().size() + " diagnostic(s)";
    }

    private String waitFor(JobSubmission submission) {
        JobRecord job = client.jobs().waitForJob(submission.jobId(), jobTimeout);
        if (job.status() != JobStatus.COMPLETED) {
            throw new StepFailed("job " + job.id() + " ended " + job.status().wireValue()
                    + (job.error() == null ? "" : ": " + job.error()));
        }
        Duration took = job.startedAt() != null && job.finishedAt() != null
                ? Duration.between(job.startedAt(), job.finishedAt())
                : null;
        return "completed" + (took == null ? "" : " in " + took.toMillis() + " ms server time");
    }

    private String verifyPrediction(State state) {
        Artifact<JsonNode> artifact = client.artifacts().get(state.predictJob.artifactId());
        JsonNode data = artifact.data();
        if (data == null || !data.isObject()) {
            throw new StepFailed("data is not an object: " + abbreviate(data));
        }
        Set<String> keys = new TreeSet<>(data.propertyNames());
        if (!keys.equals(new TreeSet<>(PREDICTION_DATA_KEYS))) {
            throw new StepFailed("data keys must be exactly " + new TreeSet<>(PREDICTION_DATA_KEYS) + ", got " + keys);
        }
        if (!PredictionArtifactData.TYPE.equals(text(data.get("type")))) {
            throw new StepFailed("data.type must be ml_prediction, got " + text(data.get("type")));
        }
        JsonNode content = data.get("content");
        if (content == null
                || !content.isObject()
                || !content.path("columns").isArray()
                || !content.path("data").isArray()) {
            throw new StepFailed("data.content must have 'columns' and 'data' arrays, got " + abbreviate(content));
        }
        if (!state.trainJob.artifactId().equals(artifact.parentId())) {
            throw new StepFailed("parent_id must be the training artifact " + state.trainJob.artifactId() + ", got "
                    + artifact.parentId());
        }
        PredictionArtifactData typed = client.artifacts()
                .get(artifact.id(), PredictionArtifactData.class)
                .data();
        if (typed.metadata() == null || typed.metadata().configId() == null) {
            throw new StepFailed("data.metadata.config_id is missing");
        }
        state.prediction = typed.content();
        return "level " + artifact.level() + ", " + typed.content().size() + " rows, columns "
                + typed.content().columns();
    }

    /** {@code $download?format=csv} with gzip transfer: the header is the prediction's columns, one line a row. */
    private String downloadCsv(State state) {
        DownloadOptions options = DownloadOptions.as(DataFormat.CSV).withGzipTransfer();
        try (ArtifactContent content = client.artifacts().openDownload(state.predictJob.artifactId(), options)) {
            if (!content.contentType().startsWith(DataFormat.CSV.mediaType())) {
                throw new StepSkipped("service ignores format=csv (answered " + content.contentType() + ")");
            }
            BufferedReader lines = reader(content);
            String header = lines.readLine();
            String expected = String.join(",", state.prediction.columns());
            if (!expected.equals(header)) {
                throw new StepFailed("CSV header must be " + expected + ", got " + header);
            }
            long rows = lines.lines().filter(line -> !line.isEmpty()).count();
            if (rows != state.prediction.size()) {
                throw new StepFailed("CSV has " + rows + " rows, the artifact " + state.prediction.size());
            }
            return rows + " rows + header, " + content.fileName();
        } catch (IOException e) {
            throw new ChapkitClientException("Reading the CSV download failed", e);
        }
    }

    /** {@code $export?format=jsonl} of the trained model: its one prediction, each record with its artifact_id. */
    private String exportPredictions(State state) {
        DownloadOptions options = DownloadOptions.as(DataFormat.JSONL).withGzipTransfer();
        String predictionId = state.predictJob.artifactId();
        long rows = 0;
        try (ArtifactContent content = client.artifacts().openExport(state.trainJob.artifactId(), options)) {
            BufferedReader lines = reader(content);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record = client.http().mapper().readTree(line);
                if (!predictionId.equals(text(record.get(EXPORT_ID_COLUMN)))) {
                    throw new StepFailed("record " + (rows + 1) + " must have artifact_id " + predictionId + ", got "
                            + abbreviate(record));
                }
                rows++;
            }
        } catch (ChapkitProblemException e) {
            if ((e.status() == 404 && !String.valueOf(e.detail()).contains("DataFrame")) || e.status() == 405) {
                throw new StepSkipped("service has no $export (HTTP " + e.status() + ")");
            }
            throw e;
        } catch (IOException | JacksonException e) {
            throw new ChapkitClientException("Reading the JSON Lines export failed", e);
        }
        if (rows != state.prediction.size()) {
            throw new StepFailed("export has " + rows + " rows, the prediction " + state.prediction.size());
        }
        return rows + " rows, jsonl, each with artifact_id " + predictionId;
    }

    private static BufferedReader reader(ArtifactContent content) {
        return new BufferedReader(new InputStreamReader(content.body(), StandardCharsets.UTF_8));
    }

    private static void requirePredictionPeriods(Config<JsonNode> config) {
        JsonNode periods = config.data() == null ? null : config.data().get("prediction_periods");
        if (periods == null || !periods.isIntegralNumber()) {
            throw new StepFailed(
                    "config data must contain an integer prediction_periods, got " + abbreviate(config.data()));
        }
    }

    private boolean step(FlowReport report, String name, Step step) {
        long start = System.nanoTime();
        StepResult.Outcome outcome;
        String detail;
        try {
            detail = step.run();
            outcome = StepResult.Outcome.PASS;
        } catch (StepSkipped e) {
            detail = e.getMessage();
            outcome = StepResult.Outcome.SKIP;
        } catch (StepFailed | ChapkitClientException e) {
            detail = e.getMessage();
            outcome = StepResult.Outcome.FAIL;
        }
        report.add(new StepResult(name, outcome, detail, Duration.ofNanos(System.nanoTime() - start)));
        return outcome != StepResult.Outcome.FAIL;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    /** What the steps hand on to each other. */
    private static final class State {
        ServiceInfo info;
        JsonNode defaults;
        Config<JsonNode> config;
        TrainSample trainSample;
        PredictSample predictSample;
        JobSubmission trainJob;
        JobSubmission predictJob;
        DataFrame prediction;
    }
}
