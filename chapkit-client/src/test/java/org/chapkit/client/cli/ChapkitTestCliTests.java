package org.chapkit.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.chapkit.client.FakeChapkitServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command-line flow against a fake service that answers like a chapkit ML service. */
class ChapkitTestCliTests {

    static final String PROBE_ID = "01JZ0000000000000000PROBE1";
    static final String CONFIG_ID = "01JZ00000000000000000CONF1";
    static final String TRAIN_JOB = "01JZ0000000000000000TJOB01";
    static final String MODEL_ID = "01JZ0000000000000000MODEL1";
    static final String PREDICT_JOB = "01JZ0000000000000000PJOB01";
    static final String PREDICTION_ID = "01JZ000000000000000PRED001";
    static final String FRAME = """
            {"columns":["time_period","location","disease_cases"],"data":[["2020-01","location_0",1.0]],
             "schema":{"fields":[{"name":"time_period","type":"string"}]}}""";

    FakeChapkitServer server;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final JsonMapper json = JsonMapper.builder().build();

    static String config(String id) {
        return """
                {"id":"%s","created_at":"2026-06-30T10:11:12","updated_at":"2026-06-30T10:11:12","tags":[],
                 "name":"n","data":{"prediction_periods":3,"additional_continuous_covariates":[]}}""".formatted(id);
    }

    static String job(String id, String status) {
        return """
                {"id":"%s","status":"%s","submitted_at":"2026-06-30T10:11:12.1Z","started_at":"2026-06-30T10:11:12.2Z",
                 "finished_at":"2026-06-30T10:11:12.7Z","error":null,"error_traceback":null}""".formatted(id, status);
    }

    static String prediction(String extra) {
        return """
                {"id":"%s","created_at":"2026-06-30T10:11:12","updated_at":"2026-06-30T10:11:12","tags":[],
                 "data":{"type":"ml_prediction","metadata":{"status":"success","config_id":"%s",
                   "started_at":"2026-06-30T10:11:12.345678+00:00","completed_at":"2026-06-30T10:11:13.345678+00:00",
                   "duration_seconds":1.0,"exit_code":null,"stdout":null,"stderr":null},
                   "content":{"columns":["time_period","location","sample_0"],"data":[["2020-02","location_0",2.5]]},
                   "content_type":"application/vnd.chapkit.dataframe+json","content_size":null%s},
                 "parent_id":"%s","level":1}""".formatted(PREDICTION_ID, CONFIG_ID, extra, MODEL_ID);
    }

    @BeforeEach
    void start() throws Exception {
        server = new FakeChapkitServer();
        AtomicInteger configs = new AtomicInteger();
        AtomicInteger predictPolls = new AtomicInteger();
        server.json("GET", "/health", 200, "{\"status\":\"healthy\",\"checks\":{\"database\":{\"state\":\"healthy\"}}}")
                .json("GET", "/api/v1/info", 200, """
                        {"id":"my-model","display_name":"My Model","version":"1.0.0","description":null,
                         "model_metadata":{"author":"A"},"period_type":"monthly","min_prediction_periods":0,
                         "max_prediction_periods":100,"allow_free_additional_continuous_covariates":false,
                         "required_covariates":[],"requires_geo":false}""")
                .json("GET", "/api/v1/configs/$schema", 200, """
                        {"properties":{"prediction_periods":{"type":"integer","default":3},
                         "additional_continuous_covariates":{"type":"array"}},"type":"object"}""")
                .on(
                        "POST",
                        "/api/v1/configs",
                        (exchange, body) -> FakeChapkitServer.respond(
                                exchange,
                                201,
                                "application/json",
                                config(configs.getAndIncrement() == 0 ? PROBE_ID : CONFIG_ID)))
                .json("DELETE", "/api/v1/configs/" + PROBE_ID, 204, "")
                .json("DELETE", "/api/v1/configs/" + CONFIG_ID, 204, "")
                .json("GET", "/api/v1/configs/" + CONFIG_ID, 200, config(CONFIG_ID))
                .on(
                        "GET",
                        "/api/v1/ml/$generate-sample-data",
                        (exchange, body) -> FakeChapkitServer.respond(
                                exchange,
                                200,
                                "application/json",
                                exchange.getRequestURI().getQuery().contains("kind=predict")
                                        ? "{\"historic\":" + FRAME + ",\"future\":" + FRAME + "}"
                                        : "{\"data\":" + FRAME + ",\"config_id\":\"" + CONFIG_ID + "\"}"))
                .json("POST", "/api/v1/ml/$validate", 200, "{\"valid\":true,\"diagnostics\":[]}")
                .json("POST", "/api/v1/ml/$train", 202, """
                        {"job_id":"%s","artifact_id":"%s","message":"Training job submitted"}""".formatted(TRAIN_JOB, MODEL_ID))
                .json("GET", "/api/v1/jobs/" + TRAIN_JOB, 200, job(TRAIN_JOB, "completed"))
                .json("GET", "/api/v1/artifacts/" + MODEL_ID, 200, """
                        {"id":"%s","created_at":"2026-06-30T10:11:12","updated_at":"2026-06-30T10:11:12","tags":[],
                         "data":{"type":"ml_training_workspace","metadata":{"status":"success"},
                          "content":{"_type":"bytes"},"content_type":"application/zip","content_size":10},
                         "parent_id":null,"level":0}""".formatted(MODEL_ID))
                .json("POST", "/api/v1/ml/$predict", 202, """
                        {"job_id":"%s","artifact_id":"%s","message":"Prediction job submitted"}""".formatted(PREDICT_JOB, PREDICTION_ID))
                .on(
                        "GET",
                        "/api/v1/jobs/" + PREDICT_JOB,
                        (exchange, body) -> FakeChapkitServer.respond(
                                exchange,
                                200,
                                "application/json",
                                job(PREDICT_JOB, predictPolls.getAndIncrement() == 0 ? "running" : "completed")))
                .json("GET", "/api/v1/artifacts/" + PREDICTION_ID, 200, prediction(""))
                .on("GET", "/api/v1/artifacts/" + PREDICTION_ID + "/$download", (exchange, body) -> {
                    exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"artifact_p.csv\"");
                    FakeChapkitServer.respond(
                            exchange, 200, "text/csv", "time_period,location,sample_0\r\n2020-02,location_0,2.5\r\n");
                })
                .on(
                        "GET",
                        "/api/v1/artifacts/" + MODEL_ID + "/$export",
                        (exchange, body) -> FakeChapkitServer.respond(
                                exchange, 200, "application/jsonl", """
                                {"artifact_id":"%s","time_period":"2020-02","location":"location_0","sample_0":2.5}
                                """.formatted(PREDICTION_ID)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    int run(String... args) {
        return ChapkitTestCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fullFlowPassesAndPrintsAReport() {
        int exit = run("--url", server.url(), "--timeout", "30");

        assertThat(exit).as(output()).isZero();
        assertThat(output())
                .contains("chapkit end-to-end check of " + server.url())
                .contains("PASS  health", "PASS  info", "PASS  config schema", "PASS  config probe data {}")
                .contains("PASS  validate train", "PASS  train", "PASS  wait for training", "PASS  predict")
                .contains("PASS  prediction artifact", "level 1, 1 rows, columns [time_period, location, sample_0]")
                .contains("PASS  download prediction csv", "1 rows + header, artifact_p.csv")
                .contains("PASS  export predictions", "1 rows, jsonl, each with artifact_id " + PREDICTION_ID)
                .contains("PASS  cleanup", "PASSED: ");
        FakeChapkitServer.Recorded download = server.last("GET", "/api/v1/artifacts/" + PREDICTION_ID + "/$download");
        assertThat(download.query()).isEqualTo("format=csv");
        assertThat(download.headers().getFirst("Accept-Encoding")).isEqualTo("gzip");
        assertThat(server.last("GET", "/api/v1/artifacts/" + MODEL_ID + "/$export")
                        .query())
                .isEqualTo("format=jsonl");
        JsonNode probe = json.readTree(server.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/configs"))
                .findFirst()
                .orElseThrow()
                .body());
        assertThat(probe.get("data").isEmpty()).isTrue();
        assertThat(json.readTree(server.last("POST", "/api/v1/configs").body())
                        .at("/data/prediction_periods")
                        .asInt())
                .isEqualTo(3);
        assertThat(server.count("DELETE", "/api/v1/configs/" + PROBE_ID)).isOne();
        assertThat(server.count("DELETE", "/api/v1/configs/" + CONFIG_ID)).isOne();
        assertThat(server.count("GET", "/api/v1/jobs/" + PREDICT_JOB)).isEqualTo(2);
        assertThat(json.readTree(server.last("POST", "/api/v1/ml/$predict").body())
                        .get("artifact_id")
                        .asString())
                .isEqualTo(MODEL_ID);
    }

    @Test
    void extraKeysInThePredictionArtifactFailTheRun() {
        server.json("GET", "/api/v1/artifacts/" + PREDICTION_ID, 200, prediction(",\"extra\":1"));

        int exit = run("-u", server.url(), "--keep");

        assertThat(exit).isEqualTo(1);
        assertThat(output())
                .contains("FAIL  prediction artifact")
                .contains("data keys must be exactly [content, content_size, content_type, metadata, type]")
                .contains("FAILED: ")
                .doesNotContain("cleanup");
    }

    @Test
    void olderServicesWithoutValidateAreSkippedNotFailed() {
        server.json("POST", "/api/v1/ml/$validate", 404, "Not Found");

        int exit = run("--url=" + server.url());

        assertThat(exit).as(output()).isZero();
        assertThat(output()).contains("SKIP  validate train", "service has no $validate (HTTP 404)");
    }

    @Test
    void servicesWithoutDataFormatsAreSkippedNotFailed() {
        server.json("GET", "/api/v1/artifacts/" + PREDICTION_ID + "/$download", 200, "[]")
                .json("GET", "/api/v1/artifacts/" + MODEL_ID + "/$export", 404, "{\"detail\":\"Not Found\"}");

        int exit = run("--url", server.url());

        assertThat(exit).as(output()).isZero();
        assertThat(output())
                .contains("SKIP  download prediction csv", "service ignores format=csv (answered application/json)")
                .contains("SKIP  export predictions", "service has no $export (HTTP 404)");
    }

    @Test
    void anExportRowWithoutItsArtifactIdFailsTheRun() {
        server.json(
                "GET",
                "/api/v1/artifacts/" + MODEL_ID + "/$export",
                200,
                "{\"time_period\":\"2020-02\",\"location\":\"location_0\",\"sample_0\":2.5}\n");

        int exit = run("--url", server.url());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("FAIL  export predictions", "record 1 must have artifact_id " + PREDICTION_ID);
    }

    @Test
    void aFailedJobStopsTheFlowAndStillCleansUp() {
        server.json(
                "GET",
                "/api/v1/jobs/" + TRAIN_JOB,
                200,
                job(TRAIN_JOB, "failed").replace("\"error\":null", "\"error\":\"ValueError: Config not found\""));

        int exit = run("--url", server.url());

        assertThat(exit).isEqualTo(1);
        assertThat(output())
                .contains("FAIL  wait for training", "ended failed: ValueError: Config not found")
                .contains("PASS  cleanup")
                .doesNotContain("sample predict", "PASS  predict");
    }

    @Test
    void unreachableServiceFailsAtHealth() {
        server.close();

        int exit = run("--url", server.url());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("FAIL  health");
    }

    @Test
    void usageErrorsExitWithTwoAndHelpWithZero() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: --bogus", "Usage:");
        assertThat(run("--timeout", "soon")).isEqualTo(2);
        assertThat(run("--url", "localhost:8000")).isEqualTo(2);
        assertThat(run("--help")).isZero();
        assertThat(output()).contains("--url URL");
    }
}
