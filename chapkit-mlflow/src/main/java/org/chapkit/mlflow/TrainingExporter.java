package org.chapkit.mlflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.artifact.StoredArtifact;
import org.chapkit.job.Job;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobRunLog;
import org.chapkit.mlflow.MlflowClient.Entry;
import org.chapkit.mlflow.MlflowClient.Metric;
import org.chapkit.mlflow.MlflowClient.RunInfo;
import org.chapkit.mlflow.MlflowExports.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports one finished training job as an MLflow run: its run log (params, tags, every metric point with its step),
 * chapkit's tags, the model's description and (up to a size) the model itself as artifacts, the status from the
 * job's outcome and, optionally, a model version in MLflow's registry. Idempotent: the run is found again by its
 * {@value #JOB_ID_TAG} tag, an ended run is not touched, a {@code RUNNING} one (an earlier attempt that did not get to
 * the end) is completed, and the run is ended last, so an ended run is a complete one.
 */
public final class TrainingExporter {

    /** The tag an export is found again by. */
    public static final String JOB_ID_TAG = "chapkit.job_id";

    /** The artifact describing the trained model. */
    public static final String MODEL_DESCRIPTION = "chapkit-model.json";

    private static final Logger log = LoggerFactory.getLogger(TrainingExporter.class);
    private static final String PROXY_SCHEME = "mlflow-artifacts:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MlflowClient mlflow;
    private final JobManager jobs;
    private final ArtifactManager artifacts;
    private final MlflowExportSettings settings;
    private volatile String experimentId;

    /**
     * Creates the exporter.
     *
     * @param mlflow the MLflow client
     * @param jobs the jobs, their records and run logs
     * @param artifacts the trained models
     * @param settings the experiment, tags and registry
     */
    public TrainingExporter(
            MlflowClient mlflow, JobManager jobs, ArtifactManager artifacts, MlflowExportSettings settings) {
        this.mlflow = Objects.requireNonNull(mlflow, "mlflow");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The result of one export.
     *
     * @param outcome how it ended
     * @param runId the MLflow run, or null when nothing was exported
     */
    public record Result(Outcome outcome, String runId) {}

    /**
     * Exports a finished training.
     *
     * @param jobId the training's job
     * @return how it ended
     * @throws MlflowException when MLflow did not take it (the caller retries the retryable ones)
     */
    public Result export(String jobId) {
        Optional<Job> found = jobs.find(jobId);
        if (found.isEmpty()) {
            log.warn(
                    "Training job {} is gone (deleted, or older than the job retention): not exported to MLflow",
                    jobId);
            return new Result(Outcome.SKIPPED, null);
        }
        Job job = found.get();
        String status = runStatus(job);
        if (status == null) {
            throw new IllegalStateException("Training job " + jobId + " is " + job.status() + ", not finished");
        }
        if (job.startedAt() == null) {
            log.debug("Training job {} was cancelled before it started: nothing to export to MLflow", jobId);
            return new Result(Outcome.SKIPPED, null);
        }
        String experiment = experimentId();
        List<RunInfo> earlier = mlflow.searchRuns(experiment, "tags.`" + JOB_ID_TAG + "` = '" + jobId + "'");
        Optional<RunInfo> ended = earlier.stream().filter(RunInfo::ended).findFirst();
        if (ended.isPresent()) {
            log.debug(
                    "Training job {} is MLflow run {} already",
                    jobId,
                    ended.get().runId());
            return new Result(Outcome.SKIPPED, ended.get().runId());
        }
        Optional<StoredArtifact> model = Optional.ofNullable(job.artifactId()).flatMap(artifacts::find);
        if (status.equals("FINISHED")
                && model.map(TrainingExporter::trainingFailed).orElse(false)) {
            status = "FAILED";
        }
        RunInfo run = earlier.isEmpty()
                ? mlflow.createRun(experiment, "train " + jobId, millis(job.startedAt()), identity(job))
                : earlier.getFirst();
        JobRunLog runLog = jobs.runLogs().read(jobId);
        mlflow.logBatch(run.runId(), metrics(runLog), entries(runLog.params()), tags(job, runLog));
        model.ifPresent(artifact -> uploadModel(run, job, artifact));
        if (settings.registeredModel() != null && status.equals("FINISHED") && model.isPresent()) {
            register(run, job);
        }
        Instant end = job.finishedAt() != null ? job.finishedAt() : Instant.now();
        mlflow.endRun(run.runId(), status, millis(end));
        return new Result(Outcome.EXPORTED, run.runId());
    }

    /** MLflow's status for a finished job; null for one that is not finished. */
    private static String runStatus(Job job) {
        return switch (job.status()) {
            case COMPLETED -> "FINISHED";
            case FAILED -> "FAILED";
            case CANCELED -> "KILLED";
            case PENDING, RUNNING -> null;
        };
    }

    /** A completed job whose artifact says the training failed (a shell training that exited non-zero). */
    private static boolean trainingFailed(StoredArtifact artifact) {
        return "failed".equals(artifact.data().path("metadata").path("status").asString(null));
    }

    private String experimentId() {
        String id = experimentId;
        if (id == null) {
            String name = settings.experimentName();
            id = mlflow.experimentId(name).orElseGet(() -> {
                try {
                    return mlflow.createExperiment(name);
                } catch (MlflowException ex) {
                    if (ex.is(MlflowException.RESOURCE_ALREADY_EXISTS)) {
                        // another instance created it between the two calls
                        return mlflow.experimentId(name).orElseThrow(() -> ex);
                    }
                    throw ex;
                }
            });
            experimentId = id;
        }
        return id;
    }

    /** The tags the run is created with: what finds it again and what it is. */
    private List<Entry> identity(Job job) {
        List<Entry> tags = new ArrayList<>();
        tags.add(new Entry(JOB_ID_TAG, job.id()));
        tags.add(new Entry("chapkit.service_id", settings.serviceId()));
        tags.add(new Entry("chapkit.service_version", settings.serviceVersion()));
        if (job.artifactId() != null) {
            tags.add(new Entry("chapkit.artifact_id", job.artifactId()));
        }
        return tags;
    }

    private List<Entry> tags(Job job, JobRunLog runLog) {
        Map<String, String> tags = new LinkedHashMap<>(runLog.tags());
        identity(job).forEach(tag -> tags.put(tag.key(), tag.value()));
        if (job.error() != null) {
            String error = job.error();
            tags.put("chapkit.error", error.length() > 5000 ? error.substring(0, 5000) : error);
        }
        modelUrl(job).ifPresent(url -> tags.put("chapkit.model_url", url));
        return entries(tags);
    }

    private static List<Entry> entries(Map<String, String> values) {
        List<Entry> entries = new ArrayList<>(values.size());
        values.forEach((key, value) -> entries.add(new Entry(key, value)));
        return entries;
    }

    private static List<Metric> metrics(JobRunLog runLog) {
        List<Metric> metrics = new ArrayList<>(runLog.metrics().size());
        for (JobRunLog.MetricPoint point : runLog.metrics()) {
            metrics.add(new Metric(point.name(), point.value(), millis(point.timestamp()), point.step()));
        }
        return metrics;
    }

    private Optional<String> modelUrl(Job job) {
        if (settings.serviceUrl() == null || job.artifactId() == null) {
            return Optional.empty();
        }
        String base = settings.serviceUrl().toString();
        return Optional.of(
                (base.endsWith("/") ? base : base + "/") + "api/v1/artifacts/" + job.artifactId() + "/$download");
    }

    /**
     * The model's description and, within the size limit, its bytes, through the tracking server's artifact proxy;
     * a run whose artifacts go elsewhere ({@code s3://}, a local path) gets the link tag only.
     */
    private void uploadModel(RunInfo run, Job job, StoredArtifact artifact) {
        if (run.artifactUri() == null || !run.artifactUri().startsWith(PROXY_SCHEME)) {
            log.debug(
                    "MLflow run {} stores artifacts at {}, not through the tracking server: model not uploaded",
                    run.runId(),
                    run.artifactUri());
            return;
        }
        String root = URI.create(run.artifactUri()).getPath().replaceFirst("^/+", "");
        String contentType = artifact.data().path("content_type").asString("application/octet-stream");
        long size = artifact.hasContent() ? artifact.content().size() : 0;
        boolean uploaded = artifact.hasContent() && size <= settings.maxModelBytes();
        String file = "model/" + fileName(contentType);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("artifact_id", artifact.id());
        description.put("job_id", job.id());
        description.put("content_type", contentType);
        description.put("content_size", size);
        description.put("model_file", uploaded ? file : null);
        description.put("download_url", modelUrl(job).orElse(null));
        mlflow.uploadArtifact(
                root + "/" + MODEL_DESCRIPTION,
                JSON.writeValueAsString(description).getBytes(StandardCharsets.UTF_8),
                "application/json");
        if (uploaded) {
            mlflow.uploadArtifact(root + "/" + file, content(artifact.id()), contentType);
        }
    }

    private byte[] content(String artifactId) {
        try (InputStream in = artifacts
                .openContent(artifactId)
                .orElseThrow(() -> new IllegalStateException("Artifact " + artifactId + " has no content"))) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException("Reading the content of artifact " + artifactId, ex);
        }
    }

    private static String fileName(String contentType) {
        return switch (contentType.replaceFirst(";.*", "").strip()) {
            case "application/json" -> "model.json";
            case "application/zip" -> "model.zip";
            default -> "model.bin";
        };
    }

    /** One model version per run: a version registered by an earlier attempt is not registered again. */
    private void register(RunInfo run, Job job) {
        String name = settings.registeredModel();
        mlflow.ensureRegisteredModel(name);
        boolean registered =
                mlflow.modelVersionsOfRun(run.runId()).stream().anyMatch(version -> name.equals(version.name()));
        if (!registered) {
            mlflow.createModelVersion(
                    name,
                    "runs:/" + run.runId() + "/model",
                    run.runId(),
                    List.of(new Entry(JOB_ID_TAG, job.id()), new Entry("chapkit.artifact_id", job.artifactId())));
        }
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }
}
