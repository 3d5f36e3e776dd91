package org.chapkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Hostile requests against every endpoint family, each answered with a 4xx problem+json that explains itself, no
 * row written anywhere (the row counts of every chapkit table before and after) and a healthy instance afterwards.
 * The numbered cases of issue 15 are named in the test names; on H2 and PostgreSQL, whose column limits and NUL
 * handling differ.
 */
class HostileInputTests {

    static final List<String> TABLES = List.of(
            "configs",
            "artifacts",
            "artifact_contents",
            "artifact_content_chunks",
            "config_artifacts",
            "jobs",
            "schedules",
            "task_runs");

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Suite {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Suite {}

    abstract static class Suite {

        @LocalServerPort
        int port;

        @Autowired
        JdbcClient jdbc;

        HttpApi api;
        Map<String, Long> before;

        @BeforeEach
        void countRows() {
            api = new HttpApi(port);
            before = counts();
        }

        @AfterEach
        void nothingWrittenAndStillHealthy() {
            assertThat(counts()).as("row counts of every table").isEqualTo(before);
            HttpApi.Response health = api.get("/health");
            assertThat(health.status()).isEqualTo(200);
        }

        Map<String, Long> counts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(
                        table,
                        jdbc.sql("SELECT COUNT(*) FROM " + table)
                                .query(Long.class)
                                .single());
            }
            return counts;
        }

        // 1. Decompression bombs

        @Test
        void case1GzipBombImportIsRefusedWhileStreaming() throws IOException {
            byte[] bomb = gzipBomb(64L * 1024 * 1024);
            assertThat(bomb.length).isLessThan(64 * 1024); // under chapkit.web.max-request-size of the test service

            HttpApi.Response response =
                    api.send(HttpRequest.newBuilder(api.uri("/api/v1/artifacts/$import?format=csv&compression=gzip"))
                            .header("Content-Type", "application/gzip")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bomb)));

            assertProblem(response, 413).contains("expands more than 100 times");
        }

        @Test
        void case1GzipBombAsTheDataPartOfAMultipartTrainIsRefused() throws IOException {
            String boundary = "chapkit-bomb";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n"
                            + "{\"config_id\":\"01K72P5N5KCRM6MD3BRE4P0999\"}\r\n--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"data.csv.gz\"\r\n"
                            + "Content-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(gzipBomb(64L * 1024 * 1024));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

            HttpApi.Response response = api.send(HttpRequest.newBuilder(api.uri("/api/v1/ml/$train"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

            assertProblem(response, 413).contains("Part 'data'");
        }

        // 4. Unbounded work

        @Test
        void case4SampleDataDimensionsAreBounded() {
            assertProblem(api.get("/api/v1/ml/$generate-sample-data?num_features=1000000"), 400)
                    .contains("num_features");
            assertProblem(api.get("/api/v1/ml/$generate-sample-data?num_locations=100000&num_periods=100000"), 400)
                    .contains("num_locations");
            assertProblem(api.get("/api/v1/ml/$generate-sample-data?num_locations=1000&num_periods=1000"), 400)
                    .contains("num_locations × num_periods");
        }

        @Test
        void case4PaginationAndTreeParametersAreBounded() {
            assertThat(api.get("/api/v1/configs?page=1&size=1000000").status()).isIn(400, 422);
            assertThat(api.get("/api/v1/configs?page=99999999999&size=10").status())
                    .isIn(400, 422);
            assertThat(api.get("/api/v1/artifacts?page=0&size=10").status()).isIn(400, 422);
        }

        // 5. Input the database would refuse

        @Test
        void case5ConfigNameLongerThanTheColumnIsA400() {
            String name = "x".repeat(4001);
            assertProblem(api.postJson("/api/v1/configs", "{\"name\":\"" + name + "\",\"data\":{}}"), 400)
                    .contains("name");
        }

        @Test
        void case5NulInAConfigNameIsA400() {
            assertProblem(api.postJson("/api/v1/configs", "{\"name\":\"bad\\u0000name\",\"data\":{}}"), 400)
                    .contains("name");
        }

        @Test
        void case5NulInTagsIsA400() {
            assertProblem(api.postJson("/api/v1/configs", "{\"name\":\"ok\",\"tags\":[\"a\\u0000\"],\"data\":{}}"), 400)
                    .contains("tags");
        }

        @Test
        void case5HugeScheduleIntervalIsA400() {
            assertThat(api.postJson(
                                    "/api/v1/schedules",
                                    "{\"task\":\"greet\",\"interval\":\"PT999999999999H\",\"params\":{}}")
                            .status())
                    .isIn(400, 422);
        }

        @Test
        void case5TimestampsAndDurationsOutOfRangeAreA400() {
            for (String body : List.of(
                    "{\"task\":\"greet\",\"run_at\":\"+999999999-12-31T00:00:00Z\",\"params\":{}}",
                    "{\"task\":\"greet\",\"run_at\":\"1970-01-01T00:00:00Z\",\"params\":{}}",
                    "{\"task\":\"greet\",\"interval\":\"-PT1H\",\"params\":{}}",
                    "{\"task\":\"greet\",\"interval\":\"99999999999999999999d\",\"params\":{}}")) {
                HttpApi.Response response = api.postJson("/api/v1/schedules", body);
                assertThat(response.status()).as(body + " -> " + response).isIn(400, 422);
                assertProblemShape(response);
            }
            HttpApi.Response stream = api.get("/api/v1/jobs/01K72P5N5KCRM6MD3BRE4P0999/$stream?poll_interval=1e308");
            assertThat(stream.status()).as(stream.toString()).isIn(400, 404, 422);
        }

        @Test
        void case5OverlongCronIsA400() {
            StringBuilder hours = new StringBuilder();
            for (int i = 0; i < 120; i++) {
                hours.append(i == 0 ? "" : ",").append(i % 24);
            }
            HttpApi.Response response = api.postJson(
                    "/api/v1/schedules", "{\"task\":\"greet\",\"cron\":\"0 " + hours + " * * *\",\"params\":{}}");
            assertThat(response.status()).as(response.toString()).isIn(400, 422);
            assertProblemShape(response);
        }

        @Test
        void case5ValidateWithNullDataIsA400() {
            assertProblem(
                            api.postJson(
                                    "/api/v1/ml/$validate",
                                    "{\"type\":\"train\",\"config_id\":\"01K72P5N5KCRM6MD3BRE4P0999\",\"data\":null}"),
                            400)
                    .contains("data");
        }

        // 6. Strict CSV

        @Test
        void case6RaggedCsvRowsAreA400NamingTheLine() {
            HttpApi.Response response =
                    api.send("POST", "/api/v1/artifacts/$import?format=csv", "text/csv", "a,b\n1,2,3\n4\n");
            assertProblem(response, 400).contains("line 2");
        }

        @Test
        void case6InvalidUtf8IsA400() {
            byte[] random = new byte[4096];
            new Random(15).nextBytes(random);
            HttpApi.Response response = api.send(HttpRequest.newBuilder(api.uri("/api/v1/artifacts/$import?format=csv"))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(random)));
            assertProblem(response, 400).containsIgnoringCase("utf-8");
        }

        @Test
        void case6InvalidUtf8InAParquetStringIsA400NamingColumnAndRow() throws IOException {
            byte[] parquet = parquetWithBadUtf8();

            HttpApi.Response response =
                    api.send(HttpRequest.newBuilder(api.uri("/api/v1/artifacts/$import?format=parquet"))
                            .header("Content-Type", "application/vnd.apache.parquet")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(parquet)));

            assertProblem(response, 400)
                    .contains("column 'location'", "row 2", "UTF-8")
                    .doesNotContain("\uFFFD");
        }

        /** Two rows of (time_period, location), the second location being bytes that are not UTF-8. */
        static byte[] parquetWithBadUtf8() throws IOException {
            MessageType schema = Types.buildMessage()
                    .required(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType())
                    .named("time_period")
                    .required(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType())
                    .named("location")
                    .named("frame");
            Path file = Files.createTempFile("chapkit-bad-utf8-", ".parquet");
            try {
                try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                        .withType(schema)
                        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                        .build()) {
                    SimpleGroupFactory rows = new SimpleGroupFactory(schema);
                    writer.write(
                            rows.newGroup().append("time_period", "2020-01").append("location", "oslo"));
                    writer.write(rows.newGroup()
                            .append("time_period", "2020-02")
                            .append("location", Binary.fromConstantByteArray(new byte[] {'o', (byte) 0xC3, 0x28})));
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        }

        // 7. Accepted, then failing later: refused at submission instead

        @Test
        void case7TrainWithNullDataIsA400() {
            assertProblem(
                            api.postJson(
                                    "/api/v1/ml/$train",
                                    "{\"config_id\":\"01K72P5N5KCRM6MD3BRE4P0999\",\"data\":null}"),
                            400)
                    .contains("data");
        }

        @Test
        void case7PredictWithNullFutureIsA400() {
            assertProblem(
                            api.postJson(
                                    "/api/v1/ml/$predict",
                                    "{\"artifact_id\":\"01K72P5N5KCRM6MD3BRE4P0999\",\"historic\":" + frame()
                                            + ",\"future\":null}"),
                            400)
                    .contains("future");
        }

        @Test
        void case7TrainWithRaggedRowsIsA400() {
            assertProblem(
                            api.postJson(
                                    "/api/v1/ml/$train",
                                    "{\"config_id\":\"01K72P5N5KCRM6MD3BRE4P0999\",\"data\":{\"columns\":"
                                            + "[\"time_period\",\"location\"],\"data\":[[\"2020-01\"]]}}"),
                            400)
                    .contains("data");
        }

        @Test
        void case7TrainCsvWithoutTimePeriodIsA400() {
            HttpApi.Response response = api.send(
                    "POST",
                    "/api/v1/ml/$train?config_id=01K72P5N5KCRM6MD3BRE4P0999",
                    "text/csv",
                    "location,disease_cases\na,1\n");
            assertProblem(response, 400).contains("time_period");
        }

        // 8. Static apps and symbolic links

        @Test
        void case8StaticAppsDoNotFollowSymlinksOutOfTheAppDirectory() throws Exception {
            Path app = Path.of(
                            getClass().getResource("/testapps/dash/index.html").toURI())
                    .getParent();
            Path secret = app.resolveSibling("secret.txt");
            Files.writeString(secret, "secret");
            Path link = app.resolve("link.txt");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of("../secret.txt"));
            try {
                HttpApi.Response response = api.get("/dash/link.txt");
                assertThat(response.status()).isEqualTo(404);
                assertThat(response.body()).doesNotContain("secret");
                assertThat(api.get("/dash/app.js").status()).isEqualTo(200);
            } finally {
                Files.deleteIfExists(link);
            }
        }

        // 9. Errors raised before the controllers are problem+json too

        @Test
        void case9EncodedPathTricksAreProblemJson() throws IOException {
            for (String path : List.of(
                    "/api/v1/configs/%2F..%2Fetc",
                    "/api/v1/configs/%5C..%5Cetc",
                    "/api/v1/configs/a%00b",
                    "/../../etc/passwd",
                    "/api/v1/configs/%zz",
                    "/api/v1/" + "a".repeat(100_000))) {
                String label = path.length() > 100 ? path.substring(0, 40) + "… (" + path.length() + " chars)" : path;
                RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Request-ID: trace-"
                        + path.length() + "\r\nConnection: close\r\n\r\n");
                assertThat(response.status()).as(label).isBetween(400, 499);
                assertTomcatProblem(response, label);
                if (path.length() < 8192) {
                    // the caller's id is kept; past the header limit Tomcat read no headers, so the id is new
                    assertThat(response.json().path("trace_id").asString())
                            .as(label)
                            .isEqualTo("trace-" + path.length());
                }
            }
        }

        @Test
        void case9OverlongHeadersAndBadMethodsAreProblemJson() throws IOException {
            RawResponse longHeader = raw("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(longHeader.status()).isBetween(400, 499);
            assertTomcatProblem(longHeader, "long header");

            RawResponse badMethod =
                    raw("BREW /api/v1/configs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(badMethod.status()).isBetween(400, 499);
            assertThat(badMethod.contentType()).startsWith("application/problem+json");
        }

        @Test
        void case9TomcatsErrorsAreShapedLikeEveryOtherProblem() throws Exception {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/configs/a%2Fb"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            String requestId = response.headers().firstValue("X-Request-ID").orElseThrow();
            JsonNode problem =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/configs/a%2Fb");
            assertThat(problem.path("trace_id").asString()).isEqualTo(requestId).isNotBlank();
            assertThat(response.headers().firstValueAsLong("Content-Length"))
                    .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
        }

        /** A problem from Tomcat's valve: problem+json, instance and trace_id, security headers, no HTML. */
        void assertTomcatProblem(RawResponse response, String what) {
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.body()).as(what).contains("\"status\"").doesNotContain("<html");
            JsonNode problem = response.json();
            assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.status());
            assertThat(problem.path("detail").asString()).as(what).isNotBlank();
            assertThat(problem.path("trace_id").asString()).as(what).isNotBlank();
            assertThat(problem.path("trace_id").asString()).isEqualTo(response.header("x-request-id"));
            assertThat(problem.path("instance").asString()).as(what).startsWith("/");
            assertThat(problem.path("instance").asString().length()).as(what).isLessThanOrEqualTo(2048);
            assertThat(response.header("x-content-type-options")).as(what).isEqualTo("nosniff");
            assertThat(response.header("x-frame-options")).as(what).isEqualTo("DENY");
        }

        // 10. Details never name Java types

        @Test
        void case10DetailsNeverNameJavaTypes() {
            for (HttpApi.Response response : List.of(
                    api.postJson("/api/v1/configs", "{\"name\":\"x\",\"tags\":\"not-a-list\",\"data\":{}}"),
                    api.postJson("/api/v1/configs", "[1,2,3]"),
                    api.postJson("/api/v1/configs", "{\"name\":{\"nested\":1},\"data\":{}}"),
                    api.postJson("/api/v1/configs", "{\"name\":\"x\",\"data\":{\"prediction_periods\":\"many\"}}"),
                    api.postJson("/api/v1/configs", "{\"name\":\"x\",\"data\":{\"prediction_periods\":1e999}}"),
                    api.postJson("/api/v1/ml/$train", "{\"config_id\":[],\"data\":{}}"),
                    api.postJson("/api/v1/artifacts", "{\"data\":{},\"tags\":[[1]]}"),
                    api.postJson("/api/v1/schedules", "{\"task\":5}"),
                    api.postJson("/api/v1/configs", "{\"name\":\"x\","))) {
                assertThat(response.status()).as(response.toString()).isBetween(400, 499);
                assertProblemShape(response);
                String detail = response.json().path("detail").asString("");
                assertThat(detail)
                        .as(response.toString())
                        .doesNotContain("java.", "org.chapkit", "tools.jackson", "com.fasterxml");
            }
        }

        // Families: malformed JSON, wrong types, nulls, huge numbers on every writing endpoint

        @Test
        void malformedBodiesOnEveryWritingEndpointAreProblemJson() {
            for (String path : List.of(
                    "/api/v1/configs",
                    "/api/v1/artifacts",
                    "/api/v1/schedules",
                    "/api/v1/ml/$train",
                    "/api/v1/ml/$predict",
                    "/api/v1/ml/$validate")) {
                for (String body :
                        List.of("{", "null", "[]", "\"text\"", "{\"a\":1e99999999}", "{\"x\":\"\\u0000\"}")) {
                    HttpApi.Response response = api.postJson(path, body);
                    assertThat(response.status())
                            .as(path + " " + body + " -> " + response)
                            .isBetween(400, 499);
                    assertProblemShape(response);
                }
            }
        }

        static String frame() {
            return "{\"columns\":[\"time_period\",\"location\"],\"data\":[[\"2020-01\",\"a\"]]}";
        }

        static byte[] gzipBomb(long size) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] line = "1,2\n".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write("a,b\n".getBytes(StandardCharsets.US_ASCII));
                for (long written = 0; written < size; written += line.length) {
                    gzip.write(line);
                }
            }
            return out.toByteArray();
        }

        static org.assertj.core.api.AbstractStringAssert<?> assertProblem(HttpApi.Response response, int status) {
            assertThat(response.status()).as(response.toString()).isEqualTo(status);
            assertProblemShape(response);
            return assertThat(response.json().path("detail").asString(""));
        }

        static void assertProblemShape(HttpApi.Response response) {
            assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.path("type").asString(""))
                    .as(response.toString())
                    .isNotEmpty();
            assertThat(problem.path("status").asInt()).isEqualTo(response.status());
            assertThat(problem.path("detail").asString(""))
                    .as(response.toString())
                    .isNotBlank();
        }

        record RawResponse(int status, Map<String, String> headers, String body) {

            String contentType() {
                return headers.getOrDefault("content-type", "");
            }

            String header(String lowerCaseName) {
                return headers.get(lowerCaseName);
            }

            JsonNode json() {
                return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
            }
        }

        RawResponse raw(String request) throws IOException {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                String head = end < 0 ? text : text.substring(0, end);
                String body = end < 0 ? "" : text.substring(end + 4);
                int status = Integer.parseInt(head.split(" ")[1]);
                Map<String, String> headers = new LinkedHashMap<>();
                head.lines()
                        .skip(1)
                        .filter(l -> l.indexOf(':') > 0)
                        .forEach(l -> headers.put(
                                l.substring(0, l.indexOf(':')).strip().toLowerCase(java.util.Locale.ROOT),
                                l.substring(l.indexOf(':') + 1).strip()));
                return new RawResponse(status, headers, body);
            }
        }
    }
}
