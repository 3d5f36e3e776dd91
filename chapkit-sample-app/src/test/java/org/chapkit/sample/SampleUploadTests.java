package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code $train} and {@code $predict} with DataFrames uploaded as CSV, Parquet and JSON files (multipart, or a bare
 * CSV body for training) against the sample app's seeded regression model: the predictions equal those of the JSON
 * path to the last digit, and every bad upload is a 4xx problem that creates no job and no artifact.
 */
class SampleUploadTests {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        HttpApi api;
        ForecastFlow flow;
        String config;
        JsonNode training;
        JsonNode prediction;

        @BeforeEach
        void setUp() {
            api = new HttpApi(port);
            flow = new ForecastFlow(api);
            config = flow.createConfig("{\"prediction_periods\":3,\"n_samples\":4,\"lags\":2,\"seed\":11}");
            String query = "config_id=" + config + "&seed=5&num_locations=3&num_periods=30";
            training = flow.sample(query).get("data");
            prediction = flow.sample("kind=predict&" + query);
        }

        @Test
        void csvAndParquetUploadsPredictExactlyWhatTheJsonBodyPredicts() throws Exception {
            String jsonModel = flow.train(config, training);
            JsonNode expected =
                    flow.readPrediction(flow.predict(jsonModel, prediction.get("historic"), prediction.get("future")));

            byte[] trainCsv = download(training, "csv");
            String csvModel = submitted(send(
                    "$train",
                    new Multipart()
                            .json(
                                    "request",
                                    "{\"config_id\":\"" + config + "\",\"run_info\":{\"prediction_length\":3}}")
                            .file("data", "train.csv", "text/csv", trainCsv)));
            assertThat(api.get("/api/v1/artifacts/" + csvModel + "/$download").body())
                    .isEqualTo(api.get("/api/v1/artifacts/" + jsonModel + "/$download")
                            .body());

            // A bare CSV body, gzipped on the wire, with config_id as a query parameter.
            HttpResponse<String> bare = api.client()
                    .send(
                            HttpRequest.newBuilder(api.uri("/api/v1/ml/$train?config_id=" + config))
                                    .header("Content-Type", "text/csv")
                                    .header("Content-Encoding", "gzip")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(trainCsv)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            String bareModel = submitted(bare);
            assertThat(api.get("/api/v1/artifacts/" + bareModel + "/$download").body())
                    .isEqualTo(api.get("/api/v1/artifacts/" + jsonModel + "/$download")
                            .body());

            String fromCsv = submitted(send(
                    "$predict",
                    new Multipart()
                            .field("artifact_id", csvModel)
                            .file("historic", "historic.csv", "text/csv", download(prediction.get("historic"), "csv"))
                            .file(
                                    "future",
                                    "future.csv.gz",
                                    "application/octet-stream",
                                    gzip(download(prediction.get("future"), "csv")))));
            String fromParquet = submitted(send(
                    "$predict",
                    new Multipart()
                            .json("request", "{\"artifact_id\":\"" + jsonModel + "\"}")
                            .file(
                                    "historic",
                                    "historic.parquet",
                                    "application/vnd.apache.parquet",
                                    download(prediction.get("historic"), "parquet"))
                            .file(
                                    "future",
                                    "future.parquet",
                                    "application/vnd.apache.parquet",
                                    download(prediction.get("future"), "parquet"))));
            String fromJsonParts = submitted(send(
                    "$predict",
                    new Multipart()
                            .json("request", "{\"artifact_id\":\"" + jsonModel + "\"}")
                            .file("historic", "historic.json", "application/json", utf8(prediction.get("historic")))
                            .file(
                                    "future",
                                    "future.jsonl",
                                    "application/jsonl",
                                    download(prediction.get("future"), "jsonl"))));
            for (String id : List.of(fromCsv, fromParquet, fromJsonParts)) {
                JsonNode frame = flow.readPrediction(id);
                assertThat(frame.get("columns")).isEqualTo(expected.get("columns"));
                assertThat(frame.get("data")).as(id).isEqualTo(expected.get("data"));
            }
            assertThat(flow.tree(csvModel).get("children").get(0).get("id").asString())
                    .isEqualTo(fromCsv);
        }

        @Test
        void badUploadsAreProblemsThatCreateNoJobAndNoArtifact() throws Exception {
            String model = flow.train(config, training);
            byte[] csv = download(training, "csv");
            byte[] historic = download(prediction.get("historic"), "csv");
            byte[] future = download(prediction.get("future"), "csv");
            String request = "{\"config_id\":\"" + config + "\"}";
            long jobs = countJobs();
            long artifacts = countArtifacts();

            problem(
                    send(
                            "$train",
                            new Multipart()
                                    .json("request", request)
                                    .file("data", "d.csv", "text/csv", utf8("a,b\n1,\"open\n"))),
                    422,
                    "Part 'data'",
                    "CSV",
                    "line");
            problem(send("$train", new Multipart().json("request", request)), 422, "Part 'data'", "missing");
            problem(
                    send(
                            "$train",
                            new Multipart().json("request", request).file("data", "d.pdf", "application/pdf", csv)),
                    415,
                    "Part 'data'",
                    "application/pdf");
            problem(
                    send("$train", new Multipart().json("request", request).file("data", "d.bin", null, csv)),
                    415,
                    "Part 'data'",
                    "d.bin");
            problem(
                    send(
                            "$train",
                            new Multipart().json("request", "{\"config_id\":").file("data", "d.csv", "text/csv", csv)),
                    422,
                    "Part 'request'",
                    "line 1");
            problem(
                    send(
                            "$train",
                            new Multipart()
                                    .json("request", "{\"config_id\":\"" + config + "\",\"data\":{}}")
                                    .file("data", "d.csv", "text/csv", csv)),
                    422,
                    "Part 'request'",
                    "'data'");
            problem(
                    send("$train", new Multipart().file("data", "d.csv", "text/csv", csv)),
                    422,
                    "config_id",
                    "missing");
            problem(
                    send(
                            "$train",
                            new Multipart()
                                    .json("request", request)
                                    .file("data", "d.csv", "text/csv", csv)
                                    .file("geo", "g.json", "application/json", utf8("{\"type\":\"Point\"}"))),
                    422,
                    "Part 'geo'",
                    "FeatureCollection");
            problem(
                    send(
                            "$train",
                            new Multipart()
                                    .json("request", request)
                                    .file("data", "d.csv.gz", "text/csv", new byte[] {0x1f, (byte) 0x8b, 1, 2})),
                    422,
                    "Part 'data'",
                    "");
            problem(
                    send(
                            "$predict",
                            new Multipart()
                                    .field("artifact_id", model)
                                    .file(
                                            "historic",
                                            "h.parquet",
                                            "application/vnd.apache.parquet",
                                            utf8("PAR1 not parquet"))
                                    .file("future", "f.csv", "text/csv", future)),
                    422,
                    "Part 'historic'",
                    "Parquet");
            problem(
                    send(
                            "$predict",
                            new Multipart()
                                    .field("artifact_id", model)
                                    .file("historic", "h.csv", "text/csv", historic)),
                    422,
                    "Part 'future'",
                    "missing");
            problem(
                    send(
                            "$predict",
                            new Multipart()
                                    .field("artifact_id", "not-a-ulid")
                                    .file("historic", "h.csv", "text/csv", historic)
                                    .file("future", "f.csv", "text/csv", future)),
                    422,
                    "artifact_id",
                    "ULID");
            problem(bare("$train?config_id=" + config, "application/pdf", csv), 415, "", "");
            problem(bare("$train", "text/csv", csv), 422, "config_id", "missing");
            problem(bare("$train?config_id=" + config, "text/csv", new byte[0]), 422, "request body", "header");
            problem(bare("$predict", "text/csv", csv), 415, "", "");

            assertThat(countJobs()).isEqualTo(jobs);
            assertThat(countArtifacts()).isEqualTo(artifacts);
        }

        @Test
        void theOpenApiDocumentShowsTheMultipartVariants() {
            JsonNode paths = api.get("/openapi.json").json().get("paths");
            JsonNode train = paths.get("/api/v1/ml/$train")
                    .get("post")
                    .get("requestBody")
                    .get("content");
            assertThat(names(train)).contains("application/json", "multipart/form-data", "text/csv");
            assertThat(names(train.get("multipart/form-data").get("schema").get("properties")))
                    .contains("request", "data", "geo");
            JsonNode predict = paths.get("/api/v1/ml/$predict")
                    .get("post")
                    .get("requestBody")
                    .get("content");
            assertThat(names(predict)).contains("application/json", "multipart/form-data");
            assertThat(names(predict.get("multipart/form-data").get("schema").get("properties")))
                    .contains("request", "historic", "future", "geo");
        }

        @Test
        void everyDataFrameOfTheMlRequestsIsTheOneDataFrameComponent() {
            JsonNode doc = api.get("/openapi.json").json();
            JsonNode schemas = doc.get("components").get("schemas");
            JsonNode frame = schemas.get("DataFrame");
            assertThat(names(frame.get("properties"))).containsExactly("columns", "data", "schema");
            assertThat(frame.get("required").toString()).isEqualTo("[\"columns\",\"data\"]");
            String ref = "#/components/schemas/DataFrame";
            assertThat(schemas.get("TrainRequest")
                            .get("properties")
                            .get("data")
                            .get("$ref")
                            .asString())
                    .isEqualTo(ref);
            for (String field : List.of("historic", "future")) {
                assertThat(schemas.get("PredictRequest")
                                .get("properties")
                                .get(field)
                                .get("$ref")
                                .asString())
                        .isEqualTo(ref);
            }
            assertThat(schemas.has("DataFrameSchema")).isFalse();
        }

        /** Submits and waits for the job; returns the pre-allocated artifact id. */
        String submitted(HttpResponse<String> response) throws InterruptedException {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            JsonNode body = MAPPER.readTree(response.body());
            JsonNode job = flow.awaitJob(body.get("job_id").asString());
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
            return body.get("artifact_id").asString();
        }

        /** The frame as the service's own {@code $download?format=} writes it. */
        byte[] download(JsonNode frame, String format) throws Exception {
            ObjectNode body = MAPPER.createObjectNode();
            ObjectNode data = body.putObject("data");
            data.put("type", "upload_fixture");
            data.set("content", frame);
            data.put("content_type", "application/vnd.chapkit.dataframe+json");
            String id = api.postJson("/api/v1/artifacts", MAPPER.writeValueAsString(body))
                    .json()
                    .get("id")
                    .asString();
            HttpResponse<byte[]> file = api.client()
                    .send(
                            HttpRequest.newBuilder(api.uri("/api/v1/artifacts/" + id + "/$download?format=" + format))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            api.send("DELETE", "/api/v1/artifacts/" + id, null, null);
            return file.body();
        }

        HttpResponse<String> send(String action, Multipart body) throws Exception {
            return api.client()
                    .send(
                            HttpRequest.newBuilder(api.uri("/api/v1/ml/" + action))
                                    .header("Content-Type", body.contentType())
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> bare(String action, String contentType, byte[] body) throws Exception {
            return api.client()
                    .send(
                            HttpRequest.newBuilder(api.uri("/api/v1/ml/" + action))
                                    .header("Content-Type", contentType)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        }

        long countJobs() {
            return api.get("/api/v1/jobs").json().size();
        }

        long countArtifacts() {
            return api.get("/api/v1/artifacts/$stats").json().get("total").asLong();
        }
    }

    static void problem(HttpResponse<String> response, int status, String... detailParts) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        String detail = MAPPER.readTree(response.body()).get("detail").asString();
        for (String part : detailParts) {
            assertThat(detail).as(response.body()).containsIgnoringCase(part);
        }
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    static byte[] utf8(Object text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** A multipart/form-data body, written by hand so the test does not trust the client under test. */
    static final class Multipart {

        private final String boundary = "chapkit-test-" + System.nanoTime();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            return part(name, null, null, utf8(value));
        }

        Multipart json(String name, String json) {
            return part(name, null, "application/json", utf8(json));
        }

        Multipart file(String name, String fileName, String contentType, byte[] content) {
            return part(name, fileName, contentType, content);
        }

        private Multipart part(String name, String fileName, String contentType, byte[] content) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
            head.append("Content-Disposition: form-data; name=\"").append(name).append('"');
            if (fileName != null) {
                head.append("; filename=\"").append(fileName).append('"');
            }
            head.append("\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(utf8(head));
            out.writeBytes(content);
            out.writeBytes(utf8("\r\n"));
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(utf8("--" + boundary + "--\r\n"));
            return all.toByteArray();
        }
    }
}
