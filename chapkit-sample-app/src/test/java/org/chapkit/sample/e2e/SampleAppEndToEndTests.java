package org.chapkit.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.ChapkitProblemException;
import org.chapkit.client.Page;
import org.chapkit.client.ProblemFieldError;
import org.chapkit.client.Versioned;
import org.chapkit.client.artifact.Artifact;
import org.chapkit.client.artifact.ArtifactClient;
import org.chapkit.client.artifact.ArtifactContent;
import org.chapkit.client.artifact.ArtifactDownload;
import org.chapkit.client.artifact.ArtifactRequest;
import org.chapkit.client.artifact.ArtifactTreeNode;
import org.chapkit.client.config.Config;
import org.chapkit.client.config.ConfigClient;
import org.chapkit.client.config.ConfigRequest;
import org.chapkit.client.health.HealthState;
import org.chapkit.client.health.HealthStatus;
import org.chapkit.client.info.ServiceInfo;
import org.chapkit.client.job.JobClient;
import org.chapkit.client.job.JobFailedException;
import org.chapkit.client.job.JobRecord;
import org.chapkit.client.job.JobStatus;
import org.chapkit.client.job.JobSubmission;
import org.chapkit.client.ml.MlClient;
import org.chapkit.client.ml.MlMetadata;
import org.chapkit.client.ml.PredictRequest;
import org.chapkit.client.ml.PredictSample;
import org.chapkit.client.ml.PredictionArtifactData;
import org.chapkit.client.ml.SampleDataQuery;
import org.chapkit.client.ml.TrainRequest;
import org.chapkit.client.ml.TrainSample;
import org.chapkit.client.ml.ValidateRequest;
import org.chapkit.client.schedule.Schedule;
import org.chapkit.client.schedule.ScheduleClient;
import org.chapkit.client.schedule.SchedulePreview;
import org.chapkit.client.schedule.ScheduleRequest;
import org.chapkit.client.sse.SseStream;
import org.chapkit.client.task.TaskClient;
import org.chapkit.client.task.TaskInfo;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sample app on a random port, on H2 and on PostgreSQL, driven through {@code chapkit-client} only: every
 * endpoint of the service, the error paths as {@link ChapkitProblemException}, SSE streams and a 100 MB artifact
 * streamed to disk.
 */
class SampleAppEndToEndTests {

    /** Size of the binary artifact that goes up and comes back down. */
    static final long LARGE = 100L * 1024 * 1024;

    /** A valid ULID that names nothing. */
    static final String UNKNOWN_ID = "01K72P5N5KCRM6MD3BRE4P0999";

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    /**
     * The sample app's config as a client sees it: only the two fields every chapkit config has ({@code BaseConfig});
     * the service fills its own fields with their defaults, and the client ignores them when reading.
     *
     * @param predictionPeriods periods to predict (1 to 12 in the sample app)
     * @param additionalContinuousCovariates extra covariates
     */
    record CommonConfig(
            @JsonProperty("prediction_periods") int predictionPeriods,

            @JsonProperty("additional_continuous_covariates")
            List<String> additionalContinuousCovariates) {}

    /**
     * A typed view of a model artifact's {@code data}.
     *
     * @param type artifact type
     * @param content the model
     */
    record ModelData(String type, JsonNode content) {}

    /**
     * Answer of the sample app's own {@code POST /demo/$sleep}.
     *
     * @param jobId the job
     * @param stream its stream path
     */
    record DemoSubmission(@JsonProperty("job_id") String jobId, String stream) {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        ChapkitClient client;

        @BeforeEach
        void connect() {
            client = LocalService.client(port);
        }

        @AfterEach
        void disconnect() {
            client.close();
        }

        @Test
        void identitySystemAppsAndHealthIncludingItsStream() {
            ServiceInfo info = client.info();
            assertThat(info.id()).isEqualTo("chapkit-sample");
            assertThat(info.displayName()).isEqualTo("Chapkit Sample Forecaster");
            assertThat(info.requiredCovariates()).containsExactly("rainfall", "mean_temperature");
            assertThat(info.maxPredictionPeriods()).isEqualTo(12);

            var system = client.system().info();
            assertThat(system.currentTime()).isNotNull();
            assertThat(system.runtimeVersion()).isNotBlank();
            assertThat(system.hostname()).isNotBlank();
            assertThat(client.system().apps()).isNotNull();
            assertThat(client.system().appsSchema().isObject()).isTrue();

            HealthStatus health = client.health().check();
            assertThat(health.status()).isEqualTo(HealthState.HEALTHY);
            try (SseStream<HealthStatus> stream = client.health().stream(Duration.ofMillis(100))) {
                assertThat(stream.next().status()).isEqualTo(HealthState.HEALTHY);
                assertThat(stream.next().status()).isEqualTo(HealthState.HEALTHY);
            }
        }

        @Test
        void configsLifecycleSchemaStatsPagesAndOptimisticLocking() {
            ConfigClient<CommonConfig> configs = client.configs(CommonConfig.class);
            long before = configs.stats().total();

            JsonNode schema = configs.schema();
            List<String> properties = new ArrayList<>(schema.get("properties").propertyNames());
            assertThat(properties).contains("prediction_periods", "additional_continuous_covariates");

            Config<JsonNode> defaults =
                    client.configs(JsonNode.class).create("defaults", JsonNodeFactory.instance.objectNode());
            assertThat(defaults.data().get("prediction_periods").asInt()).isEqualTo(3);
            assertThat(defaults.data().get("additional_continuous_covariates").isEmpty())
                    .isTrue();
            assertThat(defaults.data().size())
                    .as("every field filled with its default")
                    .isEqualTo(properties.size());

            Config<CommonConfig> created = configs.create(
                    new ConfigRequest<>(null, "weekly", new CommonConfig(6, List.of("humidity")), List.of("e2e")));
            assertThat(created.id()).hasSize(26);
            assertThat(created.tags()).containsExactly("e2e");
            assertThat(created.createdAt()).isNotNull();
            assertThat(configs.get(created.id()).data()).isEqualTo(new CommonConfig(6, List.of("humidity")));

            Config<CommonConfig> updated =
                    configs.update(created.id(), ConfigRequest.of("weekly-v2", new CommonConfig(4, List.of())));
            assertThat(updated.name()).isEqualTo("weekly-v2");
            assertThat(updated.tags()).as("tags left out of a PUT stay").containsExactly("e2e");
            assertThat(updated.data().predictionPeriods()).isEqualTo(4);

            assertThat(configs.list()).extracting(Config::id).contains(defaults.id(), created.id());
            assertThat(configs.stats().total()).isEqualTo(before + 2);
            Page<Config<CommonConfig>> first = configs.list(1, 1);
            assertThat(first.items()).hasSize(1);
            assertThat(first.total()).isEqualTo(before + 2);
            assertThat(first.pages()).isEqualTo((int) (before + 2));

            Versioned<Config<CommonConfig>> current = configs.getVersioned(created.id());
            assertThat(current.etag()).isNotBlank();
            Versioned<Config<CommonConfig>> winner = configs.update(
                    created.id(), ConfigRequest.of("winner", new CommonConfig(5, List.of())), current.etag());
            assertThat(winner.etag()).isNotEqualTo(current.etag());
            ChapkitProblemException stale = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> configs.update(
                            created.id(), ConfigRequest.of("loser", new CommonConfig(7, List.of())), current.etag()));
            // Generation 2 (the default): a stale If-Match is 412 Precondition Failed.
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.isPreconditionFailed()).isTrue();
            assertThat(stale.traceId()).isNotBlank();
            assertThat(configs.get(created.id()).name()).isEqualTo("winner");
            assertThat(catchThrowableOfType(
                                    ChapkitProblemException.class, () -> configs.delete(created.id(), current.etag()))
                            .status())
                    .isEqualTo(412);

            configs.delete(created.id(), winner.etag());
            configs.delete(defaults.id());
            assertThat(catchThrowableOfType(ChapkitProblemException.class, () -> configs.get(created.id()))
                            .isNotFound())
                    .isTrue();
            assertThat(configs.stats().total()).isEqualTo(before);
        }

        @Test
        void artifactHierarchyLinkedToAConfig() {
            ConfigClient<CommonConfig> configs = client.configs(CommonConfig.class);
            ArtifactClient artifacts = client.artifacts();
            Config<CommonConfig> config = configs.create("linked", new CommonConfig(3, List.of()));

            ObjectNode modelData = JsonNodeFactory.instance.objectNode();
            modelData.put("type", "ml_training_workspace");
            modelData.putObject("metadata").put("status", "success").put("config_id", config.id());
            modelData.putObject("content").put("weights", 42);
            Artifact<JsonNode> model = artifacts.create(new ArtifactRequest<>(null, modelData, null, List.of("model")));
            assertThat(model.level()).isZero();
            assertThat(model.parentId()).isNull();
            Artifact<JsonNode> prediction =
                    artifacts.create(ArtifactRequest.child(model.id(), Map.of("type", "ml_prediction")));
            assertThat(prediction.level()).isEqualTo(1);
            Artifact<JsonNode> detail = artifacts.create(ArtifactRequest.child(prediction.id(), Map.of("n", 1)));
            assertThat(detail.level()).isEqualTo(2);

            configs.linkArtifact(config.id(), model.id());
            assertThat(configs.artifacts(config.id())).singleElement().satisfies(linked -> {
                assertThat(linked.id()).isEqualTo(model.id());
                assertThat(linked.data().get("content").get("weights").asInt()).isEqualTo(42);
            });
            assertThat(artifacts.config(detail.id(), CommonConfig.class).id()).isEqualTo(config.id());
            ChapkitProblemException twice = catchThrowableOfType(
                    ChapkitProblemException.class, () -> configs.linkArtifact(config.id(), model.id()));
            assertThat(twice.status()).isEqualTo(409);
            ChapkitProblemException notARoot = catchThrowableOfType(
                    ChapkitProblemException.class, () -> configs.linkArtifact(config.id(), prediction.id()));
            assertThat(notARoot.status()).isEqualTo(400);
            assertThat(notARoot.detail()).contains("not a root artifact");

            ArtifactTreeNode tree = artifacts.tree(model.id());
            assertThat(tree.size()).isEqualTo(3);
            assertThat(tree.children()).singleElement().satisfies(child -> {
                assertThat(child.id()).isEqualTo(prediction.id());
                assertThat(child.children()).extracting(ArtifactTreeNode::id).containsExactly(detail.id());
            });
            assertThat(tree.data().has("content")).as("trees strip content").isFalse();
            ArtifactTreeNode expanded = artifacts.expand(prediction.id());
            assertThat(expanded.level()).isEqualTo(1);
            assertThat(expanded.levelLabel()).isNotBlank();
            assertThat(expanded.hierarchy()).isNotBlank();
            assertThat(artifacts.metadata(model.id()).get("status").asString()).isEqualTo("success");
            assertThat(artifacts.metadata(detail.id()).isEmpty()).isTrue();
            MlMetadata typedMetadata = artifacts.metadata(model.id(), MlMetadata.class);
            assertThat(typedMetadata.configId()).isEqualTo(config.id());
            ModelData typed = artifacts.get(model.id(), ModelData.class).data();
            assertThat(typed.type()).isEqualTo("ml_training_workspace");
            assertThat(typed.content().get("weights").asInt()).isEqualTo(42);

            assertThat(artifacts.schema().isObject()).isTrue();
            assertThat(artifacts.list()).extracting(Artifact::id).contains(model.id(), prediction.id(), detail.id());
            assertThat(artifacts.list())
                    .filteredOn(a -> a.id().equals(model.id()))
                    .singleElement()
                    .satisfies(
                            listed -> assertThat(listed.data().has("content")).isFalse());
            Page<Artifact<JsonNode>> page = artifacts.list(1, 2);
            assertThat(page.items()).hasSize(2);
            assertThat(page.total()).isEqualTo(artifacts.stats().total()).isGreaterThanOrEqualTo(3);

            Versioned<Artifact<JsonNode>> current = artifacts.getVersioned(detail.id());
            Versioned<Artifact<JsonNode>> changed = artifacts.update(
                    detail.id(), ArtifactRequest.child(prediction.id(), Map.of("n", 2)), current.etag());
            assertThat(changed.value().data().get("n").asInt()).isEqualTo(2);
            ChapkitProblemException stale = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> artifacts.update(
                            detail.id(), ArtifactRequest.child(prediction.id(), Map.of("n", 3)), current.etag()));
            assertThat(stale.isPreconditionFailed()).isTrue();
            assertThat(artifacts.get(detail.id()).data().get("n").asInt()).isEqualTo(2);

            configs.unlinkArtifact(config.id(), model.id());
            assertThat(configs.artifacts(config.id())).isEmpty();
            assertThat(catchThrowableOfType(
                                    ChapkitProblemException.class,
                                    () -> artifacts.config(model.id(), CommonConfig.class))
                            .isNotFound())
                    .isTrue();
            configs.linkArtifact(config.id(), model.id());
            configs.delete(config.id());
            for (String gone : List.of(model.id(), prediction.id(), detail.id())) {
                assertThat(catchThrowableOfType(ChapkitProblemException.class, () -> artifacts.get(gone))
                                .status())
                        .as("deleting the config deletes its linked tree")
                        .isEqualTo(404);
            }
        }

        @Test
        void aHundredMegabyteArtifactStreamsUpAndDownToDisk(@TempDir Path directory) throws Exception {
            ArtifactClient artifacts = client.artifacts();
            Artifact<JsonNode> artifact =
                    artifacts.create(ArtifactRequest.root(Map.of("type", "ml_training_workspace")));

            MessageDigest sent = sha256();
            try (InputStream body = new DigestInputStream(new PatternStream(LARGE), sent)) {
                Artifact<JsonNode> uploaded = artifacts.uploadContent(artifact.id(), body, "application/zip");
                assertThat(uploaded.data().get("content_size").asLong()).isEqualTo(LARGE);
                assertThat(uploaded.data().get("content_type").asString()).isEqualTo("application/zip");
            }

            Path target = directory.resolve("model.zip");
            ArtifactDownload download = artifacts.download(artifact.id(), target);
            assertThat(download.bytes()).isEqualTo(LARGE);
            assertThat(download.contentType()).startsWith("application/zip");
            assertThat(Files.size(target)).isEqualTo(LARGE);
            assertThat(sha256Of(target)).isEqualTo(HexFormat.of().formatHex(sent.digest()));
            try (var files = Files.list(directory)) {
                assertThat(files).as("no partial file left behind").containsExactly(target);
            }

            Path small = directory.resolve("notes.txt");
            Files.writeString(small, "hello artifacts");
            artifacts.uploadContent(artifact.id(), small, "text/plain");
            try (ArtifactContent content = artifacts.openDownload(artifact.id())) {
                assertThat(content.contentType()).startsWith("text/plain");
                assertThat(new String(content.body().readAllBytes())).isEqualTo("hello artifacts");
            }
            artifacts.delete(artifact.id());
        }

        @Test
        void jobsRunStreamAndCancelThroughTheDemoJob() {
            JobClient jobs = client.jobs();
            JavaType submissionType = client.http().types().constructType(DemoSubmission.class);

            DemoSubmission quick =
                    client.http().exchange("POST", "/demo/$sleep", Map.of("seconds", 1), null, submissionType);
            assertThat(quick.stream()).isEqualTo("/api/v1/jobs/" + quick.jobId() + "/$stream");
            JobRecord followed = jobs.followJob(quick.jobId());
            assertThat(followed.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(followed.progress()).as("the stream carries progress").isEqualTo(1.0);
            assertThat(followed.progressMessage()).isEqualTo("slept 1 of 1 s");
            JobRecord done =
                    jobs.waitForJob(quick.jobId(), Duration.ofSeconds(30)).requireCompleted();
            assertThat(done.startedAt()).isNotNull();
            assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
            assertThat(jobs.get(quick.jobId()).status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(jobs.list()).extracting(JobRecord::id).contains(quick.jobId());
            assertThat(jobs.list(JobStatus.COMPLETED)).extracting(JobRecord::id).contains(quick.jobId());
            assertThat(jobs.list(JobStatus.FAILED)).extracting(JobRecord::id).doesNotContain(quick.jobId());
            assertThat(jobs.schema().isObject()).isTrue();

            DemoSubmission slow =
                    client.http().exchange("POST", "/demo/$sleep", Map.of("seconds", 60), null, submissionType);
            List<JobStatus> seen = new ArrayList<>();
            try (SseStream<JobRecord> stream = jobs.stream(slow.jobId(), Duration.ofMillis(100))) {
                seen.add(stream.next().status());
                jobs.delete(slow.jobId());
                for (JobRecord frame : stream) {
                    seen.add(frame.status());
                }
            }
            assertThat(seen.getFirst()).isIn(JobStatus.PENDING, JobStatus.RUNNING);
            assertThat(seen.getLast())
                    .as("a job deleted while followed ends the stream")
                    .isEqualTo(JobStatus.DELETED);
            assertThat(catchThrowableOfType(ChapkitProblemException.class, () -> jobs.get(slow.jobId()))
                            .isNotFound())
                    .isTrue();

            jobs.delete(quick.jobId());
            assertThat(jobs.list()).extracting(JobRecord::id).doesNotContain(quick.jobId(), slow.jobId());
        }

        @Test
        void tasksRunAsJobsAndSchedules() {
            TaskClient tasks = client.tasks();
            assertThat(tasks.list())
                    .extracting(TaskInfo::name)
                    .contains("cleanup-old-artifacts", "summarize-artifacts");
            TaskInfo cleanup = tasks.get("cleanup-old-artifacts");
            assertThat(cleanup.tags()).containsExactly("maintenance");
            assertThat(cleanup.retry().maxAttempts()).isEqualTo(3);
            assertThat(cleanup.concurrencyLimit()).isEqualTo(1);
            assertThat(cleanup.schedule().missedRunPolicy()).isEqualTo("run_once");
            assertThat(cleanup.parameters().toString()).contains("olderThanDays", "dryRun");
            assertThat(tasks.orphaned()).isEmpty();

            assertThat(tasks.disable("summarize-artifacts").enabled()).isFalse();
            assertThat(catchThrowableOfType(
                                    ChapkitProblemException.class, () -> tasks.execute("summarize-artifacts", Map.of()))
                            .status())
                    .as("a disabled task is not run")
                    .isEqualTo(409);
            assertThat(tasks.enable("summarize-artifacts").enabled()).isTrue();

            ChapkitProblemException badParams = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> tasks.execute("cleanup-old-artifacts", Map.of("olderThanDays", 0)));
            assertThat(badParams.status()).isEqualTo(422);
            assertThat(badParams.errors()).extracting(ProblemFieldError::field).containsExactly("params.olderThanDays");

            JobSubmission run = tasks.execute("cleanup-old-artifacts", Map.of("olderThanDays", 30, "dryRun", true));
            assertThat(run.artifactId()).isNotBlank();
            assertThat(client.jobs().followJob(run.jobId()).status()).isEqualTo(JobStatus.COMPLETED);
            JsonNode outcome = client.artifacts().get(run.artifactId()).data();
            assertThat(outcome.get("task_name").asString()).isEqualTo("cleanup-old-artifacts");
            assertThat(outcome.get("error").isNull()).isTrue();
            assertThat(outcome.get("result").get("dry_run").asBoolean()).isTrue();

            ScheduleClient schedules = client.schedules();
            assertThat(schedules.list("cleanup-old-artifacts")).singleElement().satisfies(declared -> {
                assertThat(declared.declaredInCode()).isTrue();
                assertThat(declared.nextRunAt()).isNotNull();
            });
            SchedulePreview preview = schedules.preview(ScheduleRequest.cron("summarize-artifacts", "0 0 3 1 1 *"), 3);
            assertThat(preview.nextRuns())
                    .hasSize(3)
                    .isSorted()
                    .allSatisfy(tick -> assertThat(
                                    tick.atZone(java.time.ZoneOffset.UTC).getDayOfYear())
                            .isEqualTo(1));
            Schedule yearly = schedules.create(ScheduleRequest.cron("summarize-artifacts", "0 0 3 1 1 *"));
            assertThat(yearly.nextRunAt()).isEqualTo(preview.nextRuns().get(0));
            assertThat(yearly.id()).hasSize(26);
            assertThat(yearly.enabled()).isTrue();
            assertThat(yearly.declaredInCode()).isFalse();
            assertThat(yearly.nextRunAt()).isNotNull();
            assertThat(schedules.get(yearly.id()).cron()).isEqualTo("0 0 3 1 1 *");
            assertThat(schedules.list()).extracting(Schedule::id).contains(yearly.id());
            Schedule hourly =
                    schedules.update(yearly.id(), ScheduleRequest.every("summarize-artifacts", Duration.ofHours(1)));
            assertThat(hourly.interval()).isEqualTo(Duration.ofHours(1));
            assertThat(hourly.cron()).isNull();
            JobSubmission triggered = schedules.trigger(yearly.id());
            client.jobs().waitForJob(triggered.jobId(), Duration.ofSeconds(30)).requireCompleted();
            assertThat(client.artifacts()
                            .get(triggered.artifactId())
                            .data()
                            .get("result")
                            .has("artifacts_per_level"))
                    .isTrue();
            assertThat(schedules.disable(yearly.id()).enabled()).isFalse();
            assertThat(schedules.enable(yearly.id()).enabled()).isTrue();
            schedules.delete(yearly.id());
            assertThat(catchThrowableOfType(ChapkitProblemException.class, () -> schedules.get(yearly.id()))
                            .status())
                    .isEqualTo(404);

            assertThat(catchThrowableOfType(
                                    ChapkitProblemException.class, () -> tasks.deleteOrphan("summarize-artifacts"))
                            .status())
                    .as("a task with code is not an orphan")
                    .isEqualTo(409);
            assertThat(catchThrowableOfType(ChapkitProblemException.class, () -> tasks.deleteOrphan("no-such-task"))
                            .status())
                    .isEqualTo(404);
            assertThat(catchThrowableOfType(ChapkitProblemException.class, () -> tasks.get("no-such-task"))
                            .status())
                    .isEqualTo(404);
        }

        @Test
        void mlTrainValidatePredictAndTheirErrors() {
            MlClient ml = client.ml();
            Config<JsonNode> config =
                    client.configs(JsonNode.class).create("ml", JsonNodeFactory.instance.objectNode());

            TrainSample trainSample = ml.sampleTrainData(SampleDataQuery.DEFAULTS
                    .withConfigId(config.id())
                    .withSize(2, 36)
                    .withSeed(7));
            TrainRequest trainRequest = trainSample.toRequest(config.id());
            assertThat(ml.validate(ValidateRequest.of(trainRequest)).valid()).isTrue();
            JobSubmission train = ml.train(trainRequest);
            client.jobs().waitForJob(train.jobId(), Duration.ofSeconds(60)).requireCompleted();
            assertThat(client.artifacts()
                            .metadata(train.artifactId(), MlMetadata.class)
                            .status())
                    .isEqualTo("success");
            assertThat(client.artifacts()
                            .config(train.artifactId(), JsonNode.class)
                            .id())
                    .isEqualTo(config.id());

            PredictSample predictSample = ml.samplePredictData(SampleDataQuery.DEFAULTS
                    .withConfigId(config.id())
                    .withSize(2, 36)
                    .withSeed(7));
            PredictRequest predictRequest = predictSample.toRequest(train.artifactId());
            assertThat(ml.validate(ValidateRequest.of(predictRequest)).valid()).isTrue();
            JobSubmission predict = ml.predict(predictRequest);
            assertThat(client.jobs().followJob(predict.jobId()).status()).isEqualTo(JobStatus.COMPLETED);
            Artifact<PredictionArtifactData> prediction =
                    client.artifacts().get(predict.artifactId(), PredictionArtifactData.class);
            assertThat(prediction.parentId()).isEqualTo(train.artifactId());
            assertThat(prediction.data().type()).isEqualTo(PredictionArtifactData.TYPE);
            assertThat(prediction.data().content().columns()).startsWith("time_period", "location", "sample_0");
            assertThat(prediction.data().content().data())
                    .hasSize(predictSample.future().data().size());

            ChapkitProblemException badConfigId = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> ml.train(new TrainRequest("not-a-ulid", trainSample.data(), null)));
            assertThat(badConfigId.status()).isEqualTo(422);
            assertThat(badConfigId.errors())
                    .extracting(ProblemFieldError::field)
                    .containsExactly("config_id");
            JobSubmission orphan = ml.predict(predictSample.toRequest(UNKNOWN_ID));
            JobFailedException failed = catchThrowableOfType(
                    JobFailedException.class,
                    () -> client.jobs()
                            .waitForJob(orphan.jobId(), Duration.ofSeconds(60))
                            .requireCompleted());
            assertThat(failed.job().status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.job().error()).contains(UNKNOWN_ID);

            client.configs(JsonNode.class).delete(config.id());
            assertThat(catchThrowableOfType(
                                    ChapkitProblemException.class,
                                    () -> client.artifacts().get(train.artifactId()))
                            .isNotFound())
                    .as("the model tree goes with its config")
                    .isTrue();
        }

        @Test
        void errorsArriveAsProblemDetails() {
            ConfigClient<CommonConfig> configs = client.configs(CommonConfig.class);

            ChapkitProblemException notFound =
                    catchThrowableOfType(ChapkitProblemException.class, () -> configs.get(UNKNOWN_ID));
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.type().toString()).isEqualTo("urn:servicekit:error:not-found");
            assertThat(notFound.title()).isEqualTo("Resource Not Found");
            assertThat(notFound.detail()).contains(UNKNOWN_ID);
            assertThat(notFound.method()).isEqualTo("GET");
            assertThat(catchThrowableOfType(
                                    ChapkitProblemException.class,
                                    () -> client.artifacts().get(UNKNOWN_ID))
                            .isNotFound())
                    .isTrue();
            assertThat(catchThrowableOfType(
                                    ChapkitProblemException.class,
                                    () -> client.jobs().get(UNKNOWN_ID))
                            .isNotFound())
                    .isTrue();

            ChapkitProblemException badUlid = catchThrowableOfType(
                    ChapkitProblemException.class, () -> client.artifacts().get("not-a-ulid"));
            assertThat(badUlid.status()).isEqualTo(400);
            assertThat(badUlid.type().toString()).isEqualTo("urn:servicekit:error:invalid-ulid");
            assertThat(catchThrowableOfType(ChapkitProblemException.class, () -> configs.delete("not-a-ulid"))
                            .status())
                    .isEqualTo(400);

            ChapkitProblemException invalid = catchThrowableOfType(
                    ChapkitProblemException.class, () -> configs.create("invalid", new CommonConfig(0, List.of())));
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.type().toString()).isEqualTo("urn:servicekit:error:validation-failed");
            assertThat(invalid.traceId()).isNotBlank();
            assertThat(invalid.errors().get(0).loc()).containsExactly("body", "data", "prediction_periods");
            assertThat(invalid.errors())
                    .extracting(ProblemFieldError::field)
                    .containsExactly("data.prediction_periods");
            ObjectNode wrongTypes = JsonNodeFactory.instance.objectNode();
            wrongTypes.put("prediction_periods", "three");
            wrongTypes.put("additional_continuous_covariates", 5);
            ChapkitProblemException typeErrors = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> client.configs(JsonNode.class).create("invalid", wrongTypes));
            assertThat(typeErrors.status()).isEqualTo(422);
            assertThat(typeErrors.errors())
                    .extracting(ProblemFieldError::field)
                    .containsExactlyInAnyOrder("data.prediction_periods", "data.additional_continuous_covariates");
            assertThat(invalid.errors())
                    .allSatisfy(error -> assertThat(error.message()).isNotBlank());

            ChapkitProblemException missingParent = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> client.artifacts().create(ArtifactRequest.child(UNKNOWN_ID, Map.of())));
            assertThat(missingParent.status()).isEqualTo(400);

            String elevenMegabytes = "x".repeat(11 * 1024 * 1024);
            ChapkitProblemException tooLarge = catchThrowableOfType(
                    ChapkitProblemException.class,
                    () -> client.artifacts().create(ArtifactRequest.root(Map.of("blob", elevenMegabytes))));
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.type().toString()).isEqualTo("urn:chapkit:error:payload-too-large");

            ChapkitProblemException badPoll = catchThrowableOfType(
                    ChapkitProblemException.class, () -> client.jobs().stream(UNKNOWN_ID, Duration.ofHours(2)));
            assertThat(badPoll.status()).isEqualTo(422);
            assertThat(badPoll.errors()).extracting(ProblemFieldError::field).containsExactly("poll_interval");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A deterministic, non-repeating-per-chunk byte stream of a given length, generated on the fly. */
    static final class PatternStream extends InputStream {

        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            return value(position++);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) value(position + i);
            }
            position += n;
            return n;
        }

        private static int value(long position) {
            return (int) ((position * 31 + (position >>> 20)) & 0xFF);
        }
    }
}
