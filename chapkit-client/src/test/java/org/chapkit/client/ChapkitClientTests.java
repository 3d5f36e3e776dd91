package org.chapkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chapkit.client.artifact.Artifact;
import org.chapkit.client.artifact.ArtifactRequest;
import org.chapkit.client.artifact.ArtifactTreeNode;
import org.chapkit.client.config.Config;
import org.chapkit.client.config.ConfigClient;
import org.chapkit.client.config.ConfigRequest;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.health.HealthState;
import org.chapkit.client.health.HealthStatus;
import org.chapkit.client.info.AssessedStatus;
import org.chapkit.client.info.PeriodType;
import org.chapkit.client.info.ServiceInfo;
import org.chapkit.client.job.JobRecord;
import org.chapkit.client.job.JobStatus;
import org.chapkit.client.job.JobSubmission;
import org.chapkit.client.ml.MlMetadata;
import org.chapkit.client.ml.PredictSample;
import org.chapkit.client.ml.PredictionArtifactData;
import org.chapkit.client.ml.SampleDataQuery;
import org.chapkit.client.ml.Severity;
import org.chapkit.client.ml.TrainSample;
import org.chapkit.client.ml.ValidateRequest;
import org.chapkit.client.ml.ValidationResult;
import org.chapkit.client.schedule.MissedRunPolicy;
import org.chapkit.client.schedule.Schedule;
import org.chapkit.client.schedule.ScheduleRequest;
import org.chapkit.client.system.AppInfo;
import org.chapkit.client.system.SystemInfo;
import org.chapkit.client.task.TaskInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives every endpoint of the client against a real in-process HTTP server answering with the contract's
 * example bodies; asserts both the request on the wire and the decoded records.
 */
class ChapkitClientTests {

    static final String CONFIG_ID = "01JZ00000000000000000CONF1";
    static final String ARTIFACT_ID = "01JZ00000000000000000ART01";
    static final String CHILD_ID = "01JZ00000000000000000ART02";
    static final String JOB_ID = "01JZ00000000000000000JOB01";

    /** The service's own config type, as a user would declare it. */
    record MyConfig(
            @com.fasterxml.jackson.annotation.JsonProperty("prediction_periods")
            int predictionPeriods,

            @com.fasterxml.jackson.annotation.JsonProperty("additional_continuous_covariates")
            List<String> additionalContinuousCovariates,

            @com.fasterxml.jackson.annotation.JsonProperty("n_lags")
            int nLags) {}

    static final String CONFIG_JSON = """
            {"id":"%s","created_at":"2026-06-30T10:11:12","updated_at":"2026-06-30T10:11:13","tags":["a"],
             "name":"ewars-default","data":{"prediction_periods":3,"additional_continuous_covariates":[],"n_lags":6}}
            """.formatted(CONFIG_ID);

    static final String ARTIFACT_JSON = """
            {"id":"%s","created_at":"2026-06-30T10:11:12","updated_at":"2026-06-30T10:11:12","tags":[],
             "data":{"type":"ml_prediction","metadata":{"status":"success","config_id":"%s",
               "started_at":"2026-06-30T10:11:12.345678+00:00","completed_at":"2026-06-30T10:11:14.345678+00:00",
               "duration_seconds":2.0,"exit_code":null,"stdout":null,"stderr":null},
               "content":{"columns":["time_period","location","sample_0"],"data":[["2020-01","location_0",4.5]],
                 "schema":{"fields":[{"name":"time_period","type":"string"}]}},
               "content_type":"application/vnd.chapkit.dataframe+json","content_size":null},
             "parent_id":"%s","level":1}
            """.formatted(CHILD_ID, CONFIG_ID, ARTIFACT_ID);

    static final String JOB_JSON = """
            {"id":"%s","status":"completed","submitted_at":"2026-06-30T10:11:12.100000Z",
             "started_at":"2026-06-30T10:11:12.101Z","finished_at":"2026-06-30T10:11:13Z","error":null,
             "error_traceback":null}
            """.formatted(JOB_ID);

    FakeChapkitServer server;
    ChapkitClient client;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() throws Exception {
        server = new FakeChapkitServer();
        client = ChapkitClient.builder()
                .baseUrl(server.url())
                .apiKey("secret-key")
                .apiKeyHeader("X-Service-Key")
                .userAgent("tests/1.0")
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    JsonNode body(String method, String path) {
        return json.readTree(server.last(method, path).body());
    }

    @Test
    void infoHealthAndSystemAreDecodedAndCarryTheConfiguredHeaders() {
        server.json("GET", "/api/v1/info", 200, """
                {"id":"my-model","display_name":"My Model","version":"1.0.0","description":null,
                 "model_metadata":{"author":"Your Name","author_note":null,"author_assessed_status":"yellow",
                   "contact_email":"a@b.org","organization":null,"organization_logo_url":null,"citation_info":null,
                   "repository_url":"https://example.org/","documentation_url":null},
                 "period_type":"monthly","min_prediction_periods":0,"max_prediction_periods":100,
                 "allow_free_additional_continuous_covariates":false,"required_covariates":["rainfall"],
                 "requires_geo":true}""");
        server.json("GET", "/health", 200, """
                {"status":"degraded","checks":{"database":{"state":"healthy"},
                 "disk":{"state":"degraded","message":"90% full"}}}""");
        server.json("GET", "/api/v1/system", 200, """
                {"current_time":"2026-06-30T10:11:12.345678Z","timezone":"UTC","python_version":"25.0.1",
                 "platform":"Linux-6.8.0-x86_64","hostname":"abc123"}""");
        server.json("GET", "/api/v1/system/apps", 200, """
                [{"name":"Chapkit Console","version":"0.1.0","prefix":"/","description":"Console",
                  "author":"Chapkit Team","entry":"index.html","is_package":true}]""");
        server.json("GET", "/api/v1/system/apps/$schema", 200, "{\"type\":\"array\"}");

        ServiceInfo info = client.info();
        assertThat(info.id()).isEqualTo("my-model");
        assertThat(info.displayName()).isEqualTo("My Model");
        assertThat(info.periodType()).isEqualTo(PeriodType.MONTHLY);
        assertThat(info.maxPredictionPeriods()).isEqualTo(100);
        assertThat(info.requiredCovariates()).containsExactly("rainfall");
        assertThat(info.requiresGeo()).isTrue();
        assertThat(info.modelMetadata().authorAssessedStatus()).isEqualTo(AssessedStatus.YELLOW);
        assertThat(info.modelMetadata().repositoryUrl()).isEqualTo("https://example.org/");

        HealthStatus health = client.health().check();
        assertThat(health.status()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.isHealthy()).isFalse();
        assertThat(health.checks().get("disk").message()).isEqualTo("90% full");

        SystemInfo system = client.system().info();
        assertThat(system.currentTime()).isEqualTo(Instant.parse("2026-06-30T10:11:12.345678Z"));
        assertThat(system.runtimeVersion()).isEqualTo("25.0.1");
        List<AppInfo> apps = client.system().apps();
        assertThat(apps).singleElement().satisfies(app -> {
            assertThat(app.prefix()).isEqualTo("/");
            assertThat(app.isPackage()).isTrue();
        });
        assertThat(client.system().appsSchema().get("type").asString()).isEqualTo("array");

        FakeChapkitServer.Recorded request = server.last("GET", "/api/v1/info");
        assertThat(request.headers().getFirst("X-Service-Key")).isEqualTo("secret-key");
        assertThat(request.headers().getFirst("User-Agent")).isEqualTo("tests/1.0");
        assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
    }

    @Test
    void requestsCarryTheCurrentSpanAsTraceparentOnlyWhileOneIsCurrent() {
        server.json("GET", "/health", 200, "{\"status\":\"healthy\",\"checks\":{}}");
        SpanContext caller = SpanContext.create(
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                TraceFlags.getSampled(),
                TraceState.getDefault());
        try (Scope scope = Span.wrap(caller).makeCurrent()) {
            client.health().check();
        }
        assertThat(server.last("GET", "/health").headers().getFirst("traceparent"))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        client.health().check();
        assertThat(server.last("GET", "/health").headers().getFirst("traceparent"))
                .isNull();
    }

    @Test
    void configsAreTypedByTheUsersConfigRecord() {
        server.json("POST", "/api/v1/configs", 201, CONFIG_JSON)
                .json("GET", "/api/v1/configs", 200, "[" + CONFIG_JSON + "]")
                .json("GET", "/api/v1/configs/" + CONFIG_ID, 200, CONFIG_JSON)
                .json("PUT", "/api/v1/configs/" + CONFIG_ID, 200, CONFIG_JSON)
                .json("DELETE", "/api/v1/configs/" + CONFIG_ID, 204, "")
                .json("GET", "/api/v1/configs/$schema", 200, """
                        {"additionalProperties":true,"properties":{"prediction_periods":{"default":3,
                         "type":"integer"}},"title":"MyConfig","type":"object"}""")
                .json("GET", "/api/v1/configs/$stats", 200, "{\"total\":7}")
                .json("POST", "/api/v1/configs/" + CONFIG_ID + "/$link-artifact", 204, "")
                .json("POST", "/api/v1/configs/" + CONFIG_ID + "/$unlink-artifact", 204, "")
                .json("GET", "/api/v1/configs/" + CONFIG_ID + "/$artifacts", 200, "[" + ARTIFACT_JSON + "]");
        ConfigClient<MyConfig> configs = client.configs(MyConfig.class);

        Config<MyConfig> created = configs.create("ewars-default", new MyConfig(3, List.of(), 6));
        assertThat(body("POST", "/api/v1/configs")).isEqualTo(json.readTree("""
                        {"name":"ewars-default","data":{"prediction_periods":3,
                         "additional_continuous_covariates":[],"n_lags":6}}"""));
        assertThat(created.id()).isEqualTo(CONFIG_ID);
        assertThat(created.data()).isEqualTo(new MyConfig(3, List.of(), 6));
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-06-30T10:11:12Z"));
        assertThat(created.tags()).containsExactly("a");

        assertThat(configs.list()).singleElement().extracting(Config::name).isEqualTo("ewars-default");
        assertThat(configs.get(CONFIG_ID).data().nLags()).isEqualTo(6);

        configs.update(CONFIG_ID, new ConfigRequest<>(null, "renamed", new MyConfig(4, List.of("x"), 2), null));
        assertThat(body("PUT", "/api/v1/configs/" + CONFIG_ID).has("tags")).isFalse();
        assertThat(body("PUT", "/api/v1/configs/" + CONFIG_ID).get("name").asString())
                .isEqualTo("renamed");

        configs.delete(CONFIG_ID);
        assertThat(server.count("DELETE", "/api/v1/configs/" + CONFIG_ID)).isOne();

        assertThat(configs.schema().at("/properties/prediction_periods/default").asInt())
                .isEqualTo(3);
        assertThat(configs.stats().total()).isEqualTo(7);

        configs.linkArtifact(CONFIG_ID, ARTIFACT_ID);
        assertThat(body("POST", "/api/v1/configs/" + CONFIG_ID + "/$link-artifact"))
                .isEqualTo(json.readTree("{\"artifact_id\":\"" + ARTIFACT_ID + "\"}"));
        configs.unlinkArtifact(CONFIG_ID, ARTIFACT_ID);
        assertThat(server.count("POST", "/api/v1/configs/" + CONFIG_ID + "/$unlink-artifact"))
                .isOne();
        assertThat(configs.artifacts(CONFIG_ID))
                .singleElement()
                .extracting(Artifact::level)
                .isEqualTo(1);
    }

    @Test
    void configListsArePaginatedOnlyWhenAsked() {
        server.json("GET", "/api/v1/configs", 200, """
                {"items":[%s],"total":11,"page":2,"size":10,"pages":2}""".formatted(CONFIG_JSON));

        Page<Config<JsonNode>> page = client.configs(JsonNode.class).list(2, 10);

        assertThat(server.last("GET", "/api/v1/configs").query()).isEqualTo("page=2&size=10");
        assertThat(page.total()).isEqualTo(11);
        assertThat(page.pages()).isEqualTo(2);
        assertThat(page.items())
                .singleElement()
                .satisfies(config -> assertThat(
                                config.data().get("prediction_periods").asInt())
                        .isEqualTo(3));
    }

    @Test
    void artifactsCoverCrudHierarchyConfigAndMetadata() {
        String tree = """
                {"id":"%s","created_at":"2026-06-30T10:11:12","updated_at":"2026-06-30T10:11:12","tags":[],
                 "data":{"type":"ml_training_workspace","metadata":{"status":"success"}},"parent_id":null,"level":0,
                 "level_label":"ml_training_workspace","hierarchy":"my-model",
                 "children":[{"id":"%s","created_at":"2026-06-30T10:11:12","updated_at":"2026-06-30T10:11:12",
                   "tags":[],"data":{"type":"ml_prediction"},"parent_id":"%s","level":1,
                   "level_label":"ml_prediction","hierarchy":"my-model","children":[]}]}""".formatted(ARTIFACT_ID, CHILD_ID, ARTIFACT_ID);
        String base = "/api/v1/artifacts";
        server.json("POST", base, 201, ARTIFACT_JSON)
                .json("GET", base, 200, "[" + ARTIFACT_JSON + "]")
                .json("GET", base + "/" + CHILD_ID, 200, ARTIFACT_JSON)
                .json("PUT", base + "/" + CHILD_ID, 200, ARTIFACT_JSON)
                .json("DELETE", base + "/" + CHILD_ID, 204, "")
                .json("GET", base + "/$schema", 200, "{\"title\":\"ArtifactOut\"}")
                .json("GET", base + "/$stats", 200, "{\"total\":2}")
                .json("GET", base + "/" + ARTIFACT_ID + "/$tree", 200, tree)
                .json("GET", base + "/" + ARTIFACT_ID + "/$expand", 200, """
                        {"id":"%s","created_at":"2026-06-30T10:11:12","updated_at":"2026-06-30T10:11:12",
                         "tags":[],"data":{"type":"ml_training_workspace"},"parent_id":null,"level":0,
                         "level_label":"ml_training_workspace","hierarchy":"my-model","children":null}""".formatted(ARTIFACT_ID))
                .json("GET", base + "/" + CHILD_ID + "/$config", 200, CONFIG_JSON)
                .json("GET", base + "/" + CHILD_ID + "/$metadata", 200, """
                        {"status":"success","config_id":"%s","started_at":"2026-06-30T10:11:12.345678+00:00",
                         "completed_at":"2026-06-30T10:11:14.345678+00:00","duration_seconds":2.0,"exit_code":0,
                         "stdout":"ok","stderr":""}""".formatted(CONFIG_ID));

        Artifact<JsonNode> created = client.artifacts()
                .create(ArtifactRequest.child(ARTIFACT_ID, Map.of("type", "generic", "metadata", Map.of())));
        assertThat(body("POST", base))
                .isEqualTo(json.readTree(
                        "{\"data\":{\"type\":\"generic\",\"metadata\":{}},\"parent_id\":\"" + ARTIFACT_ID + "\"}"));
        assertThat(created.parentId()).isEqualTo(ARTIFACT_ID);
        assertThat(client.artifacts().list()).hasSize(1);

        Artifact<PredictionArtifactData> prediction = client.artifacts().get(CHILD_ID, PredictionArtifactData.class);
        PredictionArtifactData data = prediction.data();
        assertThat(data.type()).isEqualTo(PredictionArtifactData.TYPE);
        assertThat(data.contentType()).isEqualTo(PredictionArtifactData.DATAFRAME_CONTENT_TYPE);
        assertThat(data.contentSize()).isNull();
        assertThat(data.content().columns()).containsExactly("time_period", "location", "sample_0");
        assertThat(data.content().column("sample_0")).containsExactly(4.5);
        assertThat(data.content().schema().fields())
                .singleElement()
                .satisfies(field -> assertThat(field.type()).isEqualTo("string"));
        assertThat(data.metadata().startedAt()).isEqualTo(Instant.parse("2026-06-30T10:11:12.345678Z"));
        assertThat(data.metadata().durationSeconds()).isEqualTo(2.0);
        assertThat(client.artifacts().get(CHILD_ID).data().get("type").asString())
                .isEqualTo("ml_prediction");

        client.artifacts().update(CHILD_ID, ArtifactRequest.root(Map.of("k", 1)));
        assertThat(body("PUT", base + "/" + CHILD_ID)).isEqualTo(json.readTree("{\"data\":{\"k\":1}}"));
        client.artifacts().delete(CHILD_ID);
        assertThat(server.count("DELETE", base + "/" + CHILD_ID)).isOne();
        assertThat(client.artifacts().schema().get("title").asString()).isEqualTo("ArtifactOut");
        assertThat(client.artifacts().stats().total()).isEqualTo(2);

        ArtifactTreeNode root = client.artifacts().tree(ARTIFACT_ID);
        assertThat(root.levelLabel()).isEqualTo("ml_training_workspace");
        assertThat(root.hierarchy()).isEqualTo("my-model");
        assertThat(root.size()).isEqualTo(2);
        assertThat(root.children()).singleElement().satisfies(child -> {
            assertThat(child.parentId()).isEqualTo(ARTIFACT_ID);
            assertThat(child.children()).isEmpty();
        });
        assertThat(client.artifacts().expand(ARTIFACT_ID).children()).isNull();

        assertThat(client.artifacts().config(CHILD_ID, MyConfig.class).data().predictionPeriods())
                .isEqualTo(3);
        MlMetadata metadata = client.artifacts().metadata(CHILD_ID, MlMetadata.class);
        assertThat(metadata.exitCode()).isZero();
        assertThat(metadata.completedAt()).isEqualTo(Instant.parse("2026-06-30T10:11:14.345678Z"));
        assertThat(client.artifacts().metadata(CHILD_ID).get("stdout").asString())
                .isEqualTo("ok");
    }

    @Test
    void jobsListFilterGetAndDelete() {
        server.json("GET", "/api/v1/jobs", 200, "[" + JOB_JSON + "]")
                .json("GET", "/api/v1/jobs/" + JOB_ID, 200, JOB_JSON)
                .json("DELETE", "/api/v1/jobs/" + JOB_ID, 204, "")
                .json("GET", "/api/v1/jobs/$schema", 200, "{\"type\":\"array\"}");

        assertThat(client.jobs().list()).hasSize(1);
        assertThat(client.jobs().list(JobStatus.RUNNING)).hasSize(1);
        assertThat(server.last("GET", "/api/v1/jobs").query()).isEqualTo("status_filter=running");

        JobRecord job = client.jobs().get(JOB_ID);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.isTerminal()).isTrue();
        assertThat(job.submittedAt()).isEqualTo(Instant.parse("2026-06-30T10:11:12.100Z"));
        assertThat(job.finishedAt()).isEqualTo(Instant.parse("2026-06-30T10:11:13Z"));
        assertThat(job.artifactId()).isNull();
        assertThat(job.requireCompleted()).isSameAs(job);

        client.jobs().delete(JOB_ID);
        assertThat(server.count("DELETE", "/api/v1/jobs/" + JOB_ID)).isOne();
        assertThat(client.jobs().schema().get("type").asString()).isEqualTo("array");
    }

    @Test
    void mlTrainPredictValidateAndSampleData() {
        String frame = """
                {"columns":["time_period","location","disease_cases"],"data":[["2020-01","location_0",42.0],
                 ["2020-01","location_1",null]],"schema":{"fields":[{"name":"time_period","type":"string",
                 "title":null,"description":null}]}}""";
        server.json("POST", "/api/v1/ml/$train", 202, """
                        {"job_id":"%s","artifact_id":"%s","message":"Training job submitted. Job ID: %s"}""".formatted(JOB_ID, ARTIFACT_ID, JOB_ID))
                .json("POST", "/api/v1/ml/$predict", 202, """
                        {"job_id":"%s","artifact_id":"%s","message":"Prediction job submitted."}""".formatted(JOB_ID, CHILD_ID))
                .json("POST", "/api/v1/ml/$validate", 200, """
                        {"valid":false,"diagnostics":[{"severity":"error","code":"config_not_found",
                         "message":"Config 01 not found","field":"config_id"}]}""")
                .on("GET", "/api/v1/ml/$generate-sample-data", (exchange, body) -> {
                    String query = exchange.getRequestURI().getQuery();
                    String answer = query.contains("kind=predict")
                            ? "{\"historic\":" + frame + ",\"future\":" + frame + "}"
                            : """
                                    {"data":%s,"config_id":"%s","geo":{"type":"FeatureCollection","features":[
                                     {"type":"Feature","geometry":{"type":"Point","coordinates":[36.8,-1.3]},
                                      "properties":{"id":"location_0"}}],"bbox":[36.4,-1.7,37.2,-0.9]}}""".formatted(frame, CONFIG_ID);
                    FakeChapkitServer.respond(exchange, 200, "application/json", answer);
                });

        TrainSample train = client.ml()
                .sampleTrainData(SampleDataQuery.DEFAULTS
                        .withConfigId(CONFIG_ID)
                        .withSize(2, 1)
                        .withGeo(true)
                        .withSeed(7));
        assertThat(server.last("GET", "/api/v1/ml/$generate-sample-data").query())
                .isEqualTo(
                        "kind=train&config_id=" + CONFIG_ID + "&num_locations=2&num_periods=1&include_geo=true&seed=7");
        assertThat(train.configId()).isEqualTo(CONFIG_ID);
        assertThat(train.data().rowCount()).isEqualTo(2);
        assertThat(train.data().column("disease_cases")).containsExactly(42.0, null);
        assertThat(train.geo().features())
                .singleElement()
                .satisfies(feature -> assertThat(feature.id()).isEqualTo("location_0"));
        assertThat(train.geo().bbox()).containsExactly(36.4, -1.7, 37.2, -0.9);

        JobSubmission trained = client.ml().train(train.toRequest(CONFIG_ID));
        assertThat(trained)
                .isEqualTo(new JobSubmission(JOB_ID, ARTIFACT_ID, "Training job submitted. Job ID: " + JOB_ID));
        JsonNode trainBody = body("POST", "/api/v1/ml/$train");
        assertThat(trainBody.propertyNames()).containsExactly("config_id", "data", "geo");
        assertThat(trainBody.at("/data/schema/fields/0").has("title")).isFalse();
        assertThat(trainBody.at("/data/data/1/2").isNull()).isTrue();

        PredictSample predict = client.ml().samplePredictData(SampleDataQuery.DEFAULTS);
        assertThat(server.last("GET", "/api/v1/ml/$generate-sample-data").query())
                .isEqualTo("kind=predict");
        JobSubmission predicted = client.ml().predict(predict.toRequest(ARTIFACT_ID));
        assertThat(predicted.artifactId()).isEqualTo(CHILD_ID);
        assertThat(body("POST", "/api/v1/ml/$predict").propertyNames())
                .containsExactly("artifact_id", "historic", "future");

        ValidationResult result = client.ml().validate(ValidateRequest.of(train.toRequest(CONFIG_ID)));
        assertThat(body("POST", "/api/v1/ml/$validate").get("type").asString()).isEqualTo("train");
        assertThat(result.valid()).isFalse();
        assertThat(result.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.severity()).isEqualTo(Severity.ERROR);
            assertThat(diagnostic.code()).isEqualTo("config_not_found");
            assertThat(diagnostic.field()).isEqualTo("config_id");
        });
        client.ml().validate(ValidateRequest.of(predict.toRequest(ARTIFACT_ID)));
        assertThat(body("POST", "/api/v1/ml/$validate").get("type").asString()).isEqualTo("predict");
        assertThat(body("POST", "/api/v1/ml/$validate").get("artifact_id").asString())
                .isEqualTo(ARTIFACT_ID);
    }

    @Test
    void tasksListGetExecuteEnableDisableAndOrphans() {
        String task = """
                {"name":"refresh_dataset","description":"Refreshes","docstring":null,"signature":"(days: int)",
                 "parameters":{"type":"object","properties":{"days":{"type":"integer"}}},"tags":["data"],
                 "enabled":true,"retry":{"max_attempts":3,"initial_delay":"1s","multiplier":2.0,"max_delay":"1m",
                 "jitter":0.1,"non_retryable":["java.lang.IllegalArgumentException"]},"concurrency_limit":1,
                 "timeout":"PT10M","cache_ttl":null,"schedule":{"cron":"0 0 * * *","interval":null,"time_zone":"UTC",
                 "missed_run_policy":"skip","missed_run_cap":10}}""";
        server.json("GET", "/api/v1/tasks", 200, "[" + task + "]")
                .json("GET", "/api/v1/tasks/refresh_dataset", 200, task)
                .json("POST", "/api/v1/tasks/refresh_dataset/$execute", 202, """
                        {"job_id":"%s","artifact_id":"%s","message":"Task 'refresh_dataset' submitted"}""".formatted(JOB_ID, ARTIFACT_ID))
                .json("POST", "/api/v1/tasks/refresh_dataset/$enable", 204, "")
                .json("POST", "/api/v1/tasks/refresh_dataset/$disable", 200, task)
                .json("GET", "/api/v1/tasks/$orphaned", 200, """
                        [{"name":"gone_task","known_from":["schedule","history"]}]""")
                .json("DELETE", "/api/v1/tasks/$orphaned/gone_task", 204, "");

        assertThat(client.tasks().list())
                .singleElement()
                .extracting(TaskInfo::name)
                .isEqualTo("refresh_dataset");
        TaskInfo info = client.tasks().get("refresh_dataset");
        assertThat(info.enabled()).isTrue();
        assertThat(info.tags()).containsExactly("data");
        assertThat(info.parameters().at("/properties/days/type").asString()).isEqualTo("integer");
        assertThat(info.retry().maxAttempts()).isEqualTo(3);
        assertThat(info.retry().nonRetryable()).containsExactly("java.lang.IllegalArgumentException");
        assertThat(info.concurrencyLimit()).isOne();
        assertThat(info.timeout()).isEqualTo("PT10M");
        assertThat(info.schedule().cron()).isEqualTo("0 0 * * *");
        assertThat(info.schedule().missedRunCap()).isEqualTo(10);

        JobSubmission run = client.tasks().execute("refresh_dataset", Map.of("days", 7));
        assertThat(run.jobId()).isEqualTo(JOB_ID);
        assertThat(body("POST", "/api/v1/tasks/refresh_dataset/$execute"))
                .isEqualTo(json.readTree("{\"params\":{\"days\":7}}"));

        assertThat(client.tasks().enable("refresh_dataset")).isNull();
        assertThat(client.tasks().disable("refresh_dataset").name()).isEqualTo("refresh_dataset");
        assertThat(server.count("POST", "/api/v1/tasks/refresh_dataset/$enable"))
                .isOne();
        assertThat(server.count("POST", "/api/v1/tasks/refresh_dataset/$disable"))
                .isOne();
        assertThat(client.tasks().orphaned()).singleElement().satisfies(orphan -> {
            assertThat(orphan.name()).isEqualTo("gone_task");
            assertThat(orphan.knownFrom()).containsExactly("schedule", "history");
        });
        client.tasks().deleteOrphan("gone_task");
        assertThat(server.count("DELETE", "/api/v1/tasks/$orphaned/gone_task")).isOne();
    }

    @Test
    void schedulesCrudEnableDisableAndTrigger() {
        String id = "01JZ00000000000000000SCH01";
        String schedule = """
                {"id":"%s","task":"refresh_dataset","params":{"days":7},"cron":null,"interval":"PT5M",
                 "run_at":null,"time_zone":"Europe/Oslo","enabled":true,"missed_run_policy":"run_once","missed_run_cap":5,"declared_in_code":false,
                 "next_run_at":"2026-06-30T10:15:00Z","last_run_at":"2026-06-30T10:10:00Z","last_job_id":"%s"}""".formatted(id, JOB_ID);
        String base = "/api/v1/schedules";
        server.json("POST", base, 201, schedule)
                .json("GET", base, 200, "[" + schedule + "]")
                .json("GET", base + "/" + id, 200, schedule)
                .json("PUT", base + "/" + id, 200, schedule)
                .json("DELETE", base + "/" + id, 204, "")
                .json("POST", base + "/" + id + "/$enable", 200, schedule)
                .json("POST", base + "/" + id + "/$disable", 200, schedule)
                .json("POST", base + "/" + id + "/$trigger", 202, """
                        {"job_id":"%s","artifact_id":"%s","message":"triggered"}""".formatted(JOB_ID, ARTIFACT_ID));

        Schedule created = client.schedules()
                .create(ScheduleRequest.every("refresh_dataset", Duration.ofMinutes(5))
                        .withParams(Map.of("days", 7))
                        .withTimeZone("Europe/Oslo")
                        .withMissedRunPolicy(MissedRunPolicy.RUN_ONCE));
        assertThat(body("POST", base)).isEqualTo(json.readTree("""
                {"task":"refresh_dataset","params":{"days":7},"interval":"PT5M","time_zone":"Europe/Oslo",
                 "missed_run_policy":"run_once"}"""));
        assertThat(created.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(created.missedRunPolicy()).isEqualTo(MissedRunPolicy.RUN_ONCE);
        assertThat(created.nextRunAt()).isEqualTo(Instant.parse("2026-06-30T10:15:00Z"));
        assertThat(created.lastJobId()).isEqualTo(JOB_ID);
        assertThat(created.params()).containsEntry("days", 7);

        assertThat(client.schedules().list()).hasSize(1);
        assertThat(client.schedules().list("refresh_dataset")).singleElement().satisfies(s -> {
            assertThat(s.missedRunCap()).isEqualTo(5);
            assertThat(s.declaredInCode()).isFalse();
        });
        assertThat(server.last("GET", base).query()).isEqualTo("task=refresh_dataset");
        assertThat(client.schedules().get(id).enabled()).isTrue();
        client.schedules().update(id, ScheduleRequest.cron("refresh_dataset", "0 0 * * *"));
        assertThat(body("PUT", base + "/" + id)).isEqualTo(json.readTree("""
                {"task":"refresh_dataset","cron":"0 0 * * *"}"""));
        client.schedules().update(id, ScheduleRequest.once("refresh_dataset", Instant.parse("2027-01-01T00:00:00Z")));
        assertThat(body("PUT", base + "/" + id).get("run_at").asString()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(client.schedules().enable(id).id()).isEqualTo(id);
        client.schedules()
                .update(
                        id,
                        ScheduleRequest.every("refresh_dataset", Duration.ofHours(1))
                                .withRunAllMissed(3));
        assertThat(body("PUT", base + "/" + id)).isEqualTo(json.readTree("""
                {"task":"refresh_dataset","interval":"PT1H","missed_run_policy":"run_all","missed_run_cap":3}"""));
        client.schedules().disable(id);
        assertThat(client.schedules().trigger(id).artifactId()).isEqualTo(ARTIFACT_ID);
        client.schedules().delete(id);
        assertThat(server.count("DELETE", base + "/" + id)).isOne();
        assertThat(server.count("POST", base + "/" + id + "/$disable")).isOne();
    }

    @Test
    void baseUrlWithAPathPrefixAndDollarPathsAreResolvedLiterally() throws Exception {
        server.json("GET", "/prefix/api/v1/configs/$stats", 200, "{\"total\":1}");
        try (ChapkitClient prefixed = ChapkitClient.create(server.url() + "/prefix/")) {
            assertThat(prefixed.configs(JsonNode.class).stats().total()).isOne();
        }
        assertThat(server.last("GET", "/prefix/api/v1/configs/$stats").headers().getFirst("X-API-Key"))
                .isNull();
    }

    @Test
    void dataFramesAreBuiltFromRowsAndRecordsAndKeepTheWireShape() {
        DataFrame built = DataFrame.builder("time_period", "location", "disease_cases")
                .row("2020-01", "location_0", 3)
                .row("2020-02", "location_0", null)
                .type("disease_cases", "number")
                .build();
        assertThat(json.readTree(json.writeValueAsString(built))).isEqualTo(json.readTree("""
                        {"columns":["time_period","location","disease_cases"],
                         "data":[["2020-01","location_0",3],["2020-02","location_0",null]],
                         "schema":{"fields":[{"name":"disease_cases","type":"number"}]}}"""));

        DataFrame fromRecords = DataFrame.fromRecords(
                List.of(Map.of("location", "a"), new java.util.LinkedHashMap<>(Map.of("location", "b", "cases", 2))));
        assertThat(fromRecords.columns()).containsExactly("location", "cases");
        assertThat(fromRecords.data().get(0)).containsExactly("a", null);
        assertThat(fromRecords.toRecords().get(1)).containsEntry("cases", 2);
        assertThat(json.writeValueAsString(fromRecords)).doesNotContain("schema");

        DataFrame aliased = json.readValue(
                "{\"columns\":[\"x\"],\"data\":[[1]],\"table_schema\":{\"fields\":[{\"name\":\"x\",\"type\":\"integer\"}]}}",
                DataFrame.class);
        assertThat(aliased.schema().fields())
                .singleElement()
                .extracting(f -> f.type())
                .isEqualTo("integer");
        assertThat(DataFrame.of(List.of("x"), List.of(List.of(1), List.of(2))).rowCount())
                .isEqualTo(2);
    }

    @Test
    void unknownEnumValuesAndExtraKeysAreTolerated() {
        server.json("GET", "/api/v1/jobs/" + JOB_ID, 200, """
                {"id":"%s","status":"paused","progress":0.5,"submitted_at":"2026-06-30T10:11:12"}""".formatted(JOB_ID));

        JobRecord job = client.jobs().get(JOB_ID);

        assertThat(job.status()).isEqualTo(JobStatus.UNKNOWN);
        assertThat(job.isTerminal()).isFalse();
        assertThat(job.submittedAt()).isEqualTo(Instant.parse("2026-06-30T10:11:12Z"));
    }

    @Test
    void conditionalWritesSendIfMatchAndReturnTheNewETag() {
        String configPath = "/api/v1/configs/" + CONFIG_ID;
        String artifactPath = "/api/v1/artifacts/" + CHILD_ID;
        FakeChapkitServer.Handler config = (exchange, body) -> {
            exchange.getResponseHeaders().set("ETag", "\"4\"");
            FakeChapkitServer.respond(exchange, 200, "application/json", CONFIG_JSON);
        };
        server.on("GET", configPath, config).on("PUT", configPath, config);
        server.on(
                "DELETE",
                configPath,
                (exchange, body) -> FakeChapkitServer.respond(exchange, 409, "application/problem+json", """
                {"type":"urn:servicekit:error:conflict","title":"Resource Conflict","status":409,
                 "detail":"Config was changed by someone else (version 5, If-Match asked for 4)"}
                """));
        server.on("PUT", artifactPath, (exchange, body) -> {
            exchange.getResponseHeaders().set("ETag", "\"2\"");
            FakeChapkitServer.respond(exchange, 200, "application/json", ARTIFACT_JSON);
        });
        ConfigClient<MyConfig> configs = client.configs(MyConfig.class);

        Versioned<Config<MyConfig>> read = configs.getVersioned(CONFIG_ID);
        assertThat(read.etag()).isEqualTo("\"4\"");
        assertThat(read.value().name()).isEqualTo("ewars-default");
        assertThat(server.last("GET", configPath).headers().getFirst("If-Match"))
                .isNull();

        Versioned<Config<MyConfig>> written =
                configs.update(CONFIG_ID, ConfigRequest.of("x", new MyConfig(3, List.of(), 6)), read.etag());
        assertThat(written.value().id()).isEqualTo(CONFIG_ID);
        assertThat(server.last("PUT", configPath).headers().getFirst("If-Match"))
                .isEqualTo("\"4\"");

        ChapkitProblemException conflict = org.assertj.core.api.Assertions.catchThrowableOfType(
                ChapkitProblemException.class, () -> configs.delete(CONFIG_ID, "\"4\""));
        assertThat(conflict.isConflict()).isTrue();
        assertThat(conflict.detail()).contains("version 5");
        assertThat(server.last("DELETE", configPath).headers().getFirst("If-Match"))
                .isEqualTo("\"4\"");

        Versioned<Artifact<JsonNode>> artifact =
                client.artifacts().update(CHILD_ID, ArtifactRequest.child(ARTIFACT_ID, Map.of("n", 1)), "\"1\"");
        assertThat(artifact.etag()).isEqualTo("\"2\"");
        assertThat(artifact.value().level()).isEqualTo(1);
        assertThat(server.last("PUT", artifactPath).headers().getFirst("If-Match"))
                .isEqualTo("\"1\"");
    }
}
