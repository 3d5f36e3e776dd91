package org.chapkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.chapkit.client.config.ConfigRequest;
import org.chapkit.client.ml.SampleDataQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every error shape of the contract (§2.5) surfaces as one {@link ChapkitProblemException}. */
class ProblemMappingTests {

    FakeChapkitServer server;
    ChapkitClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeChapkitServer();
        client = ChapkitClient.create(server.url());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void problemJsonWithFieldErrorsIsMappedMemberByMember() {
        server.on(
                "POST",
                "/api/v1/configs",
                (exchange, body) -> FakeChapkitServer.respond(exchange, 400, "application/problem+json", """
                {"type":"urn:servicekit:error:validation-failed","title":"Validation Failed","status":400,
                 "detail":"Config data is invalid","instance":"/api/v1/configs","trace_id":"abc",
                 "errors":[{"field":"data.prediction_periods","message":"must be >= 0"},
                           {"field":"name","message":"must not be blank"}]}"""));

        ChapkitProblemException problem = catchThrowableOfType(
                ChapkitProblemException.class,
                () -> client.configs(JsonNode.class).create(ConfigRequest.of("", JsonNodeFactoryHolder.emptyObject())));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(URI.create("urn:servicekit:error:validation-failed"));
        assertThat(problem.title()).isEqualTo("Validation Failed");
        assertThat(problem.detail()).isEqualTo("Config data is invalid");
        assertThat(problem.instance()).isEqualTo("/api/v1/configs");
        assertThat(problem.errors())
                .containsExactly(
                        new ProblemFieldError("data.prediction_periods", "must be >= 0"),
                        new ProblemFieldError("name", "must not be blank"));
        assertThat(problem.extensions()).containsEntry("trace_id", "abc").doesNotContainKey("errors");
        assertThat(problem.method()).isEqualTo("POST");
        assertThat(problem.uri().getPath()).isEqualTo("/api/v1/configs");
        assertThat(problem.getMessage())
                .contains("POST", "400 Validation Failed", "Config data is invalid", "data.prediction_periods");
    }

    @Test
    void notFoundProblemFromCrudRoutes() {
        String id = "01K72P5N5KCRM6MD3BRE4P0999";
        server.on(
                "GET",
                "/api/v1/configs/" + id,
                (exchange, body) ->
                        FakeChapkitServer.respond(exchange, 404, "application/problem+json", """
                {"type":"urn:servicekit:error:not-found","title":"Resource Not Found","status":404,
                 "detail":"Entity with id %s not found","instance":"/api/v1/configs/%s"}""".formatted(id, id)));

        ChapkitProblemException problem = catchThrowableOfType(
                ChapkitProblemException.class,
                () -> client.configs(JsonNode.class).get(id));

        assertThat(problem.isNotFound()).isTrue();
        assertThat(problem.detail()).contains("not found");
        assertThat(problem.errors()).isEmpty();
    }

    @Test
    void pythonDetailStringBodiesGetTheReasonPhraseAsTitle() {
        server.json("GET", "/api/v1/jobs/nope", 404, "{\"detail\":\"Job not found\"}");

        ChapkitProblemException problem = catchThrowableOfType(
                ChapkitProblemException.class, () -> client.jobs().get("nope"));

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.type()).isEqualTo(ChapkitProblemException.ABOUT_BLANK);
        assertThat(problem.title()).isEqualTo("Not Found");
        assertThat(problem.detail()).isEqualTo("Job not found");
    }

    @Test
    void fastApiValidationListsBecomeFieldErrors() {
        server.json("POST", "/api/v1/ml/$train", 422, """
                {"detail":[{"type":"missing","loc":["body","config_id"],"msg":"Field required","input":{}},
                           {"type":"int_parsing","loc":["query","page"],"msg":"Input should be a valid integer"},
                           {"type":"x","loc":["body","data","columns",0],"msg":"bad"}]}""");

        ChapkitProblemException problem = catchThrowableOfType(
                ChapkitProblemException.class,
                () -> client.ml()
                        .train(new org.chapkit.client.ml.TrainRequest(
                                "x",
                                org.chapkit.client.data.DataFrame.builder("a").build(),
                                null)));

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.title()).isEqualTo("Unprocessable Content");
        assertThat(problem.detail()).isEqualTo("Request validation failed");
        assertThat(problem.errors())
                .extracting(ProblemFieldError::field, ProblemFieldError::message, ProblemFieldError::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("config_id", "Field required", "missing"),
                        org.assertj.core.groups.Tuple.tuple("page", "Input should be a valid integer", "int_parsing"),
                        org.assertj.core.groups.Tuple.tuple("data.columns[0]", "bad", "x"));
        assertThat(problem.errors().get(1).source()).isEqualTo("query");
    }

    @Test
    void generation2ProblemsExposeLocTypeTraceIdAndConstraint() {
        server.on(
                "POST",
                "/api/v1/configs",
                (exchange, body) -> FakeChapkitServer.respond(exchange, 422, "application/problem+json", """
                {"type":"urn:servicekit:error:validation-failed","title":"Validation Failed","status":422,
                 "detail":"Config data is invalid","instance":"/api/v1/configs","trace_id":"01TRACE",
                 "errors":[{"loc":["body","data","n_lags"],"type":"value_error","msg":"must be >= 0"},
                           {"loc":["body","tags",1],"type":"value_error","msg":"duplicate"}]}"""));

        ChapkitProblemException invalid = catchThrowableOfType(
                ChapkitProblemException.class,
                () -> client.configs(JsonNode.class)
                        .create(ConfigRequest.of("x", JsonNodeFactoryHolder.emptyObject())));

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.isValidationFailure()).isTrue();
        assertThat(invalid.traceId()).isEqualTo("01TRACE");
        assertThat(invalid.errors())
                .extracting(ProblemFieldError::field, ProblemFieldError::loc, ProblemFieldError::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "data.n_lags", java.util.List.of("body", "data", "n_lags"), "value_error"),
                        org.assertj.core.groups.Tuple.tuple(
                                "tags[1]", java.util.List.of("body", "tags", 1), "value_error"));

        server.on(
                "POST",
                "/api/v1/configs",
                (exchange, body) -> FakeChapkitServer.respond(exchange, 409, "application/problem+json", """
                {"type":"urn:servicekit:error:conflict","title":"Resource Conflict","status":409,
                 "detail":"Config exists","instance":"/api/v1/configs","trace_id":"01OTHER",
                 "constraint":"configs_pkey"}"""));
        ChapkitProblemException conflict = catchThrowableOfType(
                ChapkitProblemException.class,
                () -> client.configs(JsonNode.class)
                        .create(ConfigRequest.of("x", JsonNodeFactoryHolder.emptyObject())));
        assertThat(conflict.isConflict()).isTrue();
        assertThat(conflict.constraint()).isEqualTo("configs_pkey");
        assertThat(conflict.traceId()).isEqualTo("01OTHER");
        assertThat(conflict.isValidationFailure()).isFalse();
    }

    @Test
    void servicekitStringErrorsAndDatabaseErrorsAreKept() {
        server.json(
                "GET", "/api/v1/configs", 422, "{\"detail\":\"Validation error\",\"errors\":\"1 validation error\"}");
        server.json("POST", "/api/v1/configs/x/$link-artifact", 500, """
                {"detail":"Database error occurred","error":"UNIQUE constraint failed"}""");

        ChapkitProblemException validation = catchThrowableOfType(
                ChapkitProblemException.class,
                () -> client.configs(JsonNode.class).list(0, 0));
        assertThat(validation.detail()).isEqualTo("Validation error");
        assertThat(validation.errors()).containsExactly(new ProblemFieldError(null, "1 validation error"));

        ChapkitProblemException database = catchThrowableOfType(
                ChapkitProblemException.class,
                () -> client.configs(JsonNode.class).linkArtifact("x", "y"));
        assertThat(database.status()).isEqualTo(500);
        assertThat(database.title()).isEqualTo("Internal Server Error");
        assertThat(database.extensions()).containsEntry("error", "UNIQUE constraint failed");
    }

    @Test
    void plainTextAndEmptyBodiesStillGiveAProblem() {
        server.on(
                "GET",
                "/api/v1/ml/$generate-sample-data",
                (exchange, body) -> FakeChapkitServer.respond(exchange, 500, "text/plain", "Internal Server Error"));
        server.on("GET", "/api/v1/system", (exchange, body) -> FakeChapkitServer.respond(exchange, 503, null, ""));

        ChapkitProblemException text = catchThrowableOfType(
                ChapkitProblemException.class, () -> client.ml().sampleTrainData(SampleDataQuery.DEFAULTS));
        assertThat(text.status()).isEqualTo(500);
        assertThat(text.detail()).isEqualTo("Internal Server Error");

        ChapkitProblemException empty = catchThrowableOfType(
                ChapkitProblemException.class, () -> client.system().info());
        assertThat(empty.status()).isEqualTo(503);
        assertThat(empty.title()).isEqualTo("Service Unavailable");
        assertThat(empty.detail()).isNull();

        ChapkitProblemException unknownPath = catchThrowableOfType(
                ChapkitProblemException.class, () -> client.tasks().list());
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.detail()).isEqualTo("Not Found");
    }

    @Test
    void unreachableServiceIsATransportErrorNotAProblem() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (ChapkitClient unreachable = ChapkitClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .connectTimeout(Duration.ofSeconds(2))
                .build()) {
            ChapkitClientException failure = catchThrowableOfType(
                    ChapkitClientException.class, () -> unreachable.health().check());
            assertThat(failure).isNotInstanceOf(ChapkitProblemException.class);
            assertThat(failure.getMessage()).contains("GET", "/health");
            assertThat(failure.getCause()).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void undecodableSuccessBodiesNameTheExpectedType() {
        server.json("GET", "/api/v1/info", 200, "[1,2]");

        ChapkitClientException failure = catchThrowableOfType(ChapkitClientException.class, () -> client.info());

        assertThat(failure.getMessage()).contains("ServiceInfo");
    }

    /** Creates the empty object a {@code data: {}} probe sends. */
    static final class JsonNodeFactoryHolder {
        static JsonNode emptyObject() {
            return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
    }
}
