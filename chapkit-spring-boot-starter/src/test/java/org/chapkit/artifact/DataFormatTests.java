package org.chapkit.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Data formats over HTTP: every format × compression round-trips a random DataFrame through {@code $download} and
 * {@code $import} with the same values, types and nulls; {@code $export} joins the DataFrame descendants of an
 * artifact with an {@code artifact_id} column; bad input is answered with problem+json and stores nothing.
 */
class DataFormatTests {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final List<String> FORMATS = List.of("csv", "json", "jsonl", "parquet");
    static final List<String> COMPRESSIONS = List.of("", "gzip", "bzip2");

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Test
        void everyFormatAndCompressionRoundTripsValuesTypesAndNulls() throws Exception {
            HttpApi api = new HttpApi(port);
            for (long seed = 1; seed <= 3; seed++) {
                ObjectNode frame = randomFrame(new Random(seed), 40 + (int) seed * 7);
                String id = createFrame(api, frame, null);
                for (String format : FORMATS) {
                    for (String compression : COMPRESSIONS) {
                        String query =
                                "?format=" + format + (compression.isEmpty() ? "" : "&compression=" + compression);
                        HttpResponse<byte[]> download =
                                bytes(api, "/api/v1/artifacts/" + id + "/$download" + query, null);
                        assertThat(download.statusCode())
                                .as(format + "/" + compression)
                                .isEqualTo(200);
                        String extension = format
                                + switch (compression) {
                                    case "gzip" -> ".gz";
                                    case "bzip2" -> ".bz2";
                                    default -> "";
                                };
                        assertThat(download.headers()
                                        .firstValue("Content-Disposition")
                                        .orElseThrow())
                                .contains("artifact_" + id + "." + extension);
                        assertThat(download.headers().firstValue("Content-Type").orElseThrow())
                                .startsWith(mediaType(format, compression));
                        byte[] file = download.body();
                        HttpResponse<String> imported = post(
                                api,
                                "/api/v1/artifacts/$import?format=" + format
                                        + (compression.isEmpty() ? "" : "&compression=" + compression),
                                "application/octet-stream",
                                file);
                        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
                        JsonNode stored = MAPPER.readTree(imported.body()).get("data");
                        assertThat(stored.get("content_type").asString())
                                .isEqualTo("application/vnd.chapkit.dataframe+json");
                        JsonNode again = api.get("/api/v1/artifacts/"
                                        + MAPPER.readTree(imported.body())
                                                .get("id")
                                                .asString())
                                .json()
                                .get("data")
                                .get("content");
                        // Compared as JSON text: 1 and 1.0, "1" and 1, null and "" all differ there.
                        assertThat(MAPPER.writeValueAsString(again))
                                .as(format + "/" + compression)
                                .isEqualTo(MAPPER.writeValueAsString(frame));
                        if (!format.equals("parquet")) {
                            assertThat(new String(decompress(file, compression), StandardCharsets.UTF_8))
                                    .isNotEmpty();
                        }
                    }
                }
            }
        }

        @Test
        void rowsAnswersOneWindowOfAStoredFrameWithTheTotalRowCount() throws Exception {
            HttpApi api = new HttpApi(port);
            StringBuilder csv = new StringBuilder("n,label\n");
            for (int i = 0; i < 120; i++) {
                csv.append(i).append(",row ").append(i).append('\n');
            }
            HttpResponse<String> imported =
                    post(api, "/api/v1/artifacts/$import?format=csv", "text/csv", utf8(csv.toString()));
            String id = MAPPER.readTree(imported.body()).get("id").asString();

            HttpApi.Response page = api.get("/api/v1/artifacts/" + id + "/$rows?offset=100&limit=50");
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode window = page.json();
            assertThat(window.get("columns").toString()).isEqualTo("[\"n\",\"label\"]");
            assertThat(window.get("total_rows").asLong()).isEqualTo(120);
            assertThat(window.get("offset").asInt()).isEqualTo(100);
            assertThat(window.get("data").size()).isEqualTo(20);
            assertThat(window.get("data").get(0).toString()).isEqualTo("[100,\"row 100\"]");
            assertThat(api.get("/api/v1/artifacts/" + id + "/$rows")
                            .json()
                            .get("data")
                            .size())
                    .isEqualTo(50);

            assertThat(api.get("/api/v1/artifacts/" + id + "/$rows?limit=501").status())
                    .isEqualTo(400);
            String plain = api.postJson("/api/v1/artifacts", "{\"data\":{\"a\":1}}")
                    .json()
                    .get("id")
                    .asString();
            assertThat(api.get("/api/v1/artifacts/" + plain + "/$rows").status())
                    .isEqualTo(400);
        }

        @Test
        void csvDownloadFollowsPythonsCsvAndHonoursAcceptEncoding() throws Exception {
            HttpApi api = new HttpApi(port);
            ObjectNode frame = MAPPER.createObjectNode();
            frame.set("columns", MAPPER.valueToTree(List.of("a", "b", "c")));
            frame.set("data", MAPPER.readTree("[[1, 2.5, \"x,y\"], [null, true, \"q\\\"t\"]]"));
            String id = createFrame(api, frame, null);
            String expected = "a,b,c\r\n1,2.5,\"x,y\"\r\n,True,\"q\"\"t\"\r\n";

            HttpResponse<byte[]> plain = bytes(api, "/api/v1/artifacts/" + id + "/$download?format=csv", null);
            assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();

            HttpResponse<byte[]> encoded = bytes(api, "/api/v1/artifacts/" + id + "/$download?format=csv", "gzip, br");
            assertThat(encoded.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(encoded.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("artifact_" + id + ".csv\"");
            assertThat(new String(decompress(encoded.body(), "gzip"), StandardCharsets.UTF_8))
                    .isEqualTo(expected);

            HttpResponse<byte[]> lines = bytes(api, "/api/v1/artifacts/" + id + "/$download?format=jsonl", null);
            assertThat(new String(lines.body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"a\":1,\"b\":2.5,\"c\":\"x,y\"}\n{\"a\":null,\"b\":true,\"c\":\"q\\\"t\"}\n");

            // Without format the default (contract) download is unchanged, and compression applies to it too.
            HttpResponse<byte[]> records = bytes(api, "/api/v1/artifacts/" + id + "/$download?compression=gzip", null);
            assertThat(records.headers().firstValue("Content-Type")).hasValue("application/gzip");
            assertThat(records.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("artifact_" + id + ".json.gz");
            assertThat(MAPPER.readTree(decompress(records.body(), "gzip")))
                    .isEqualTo(MAPPER.readTree(
                            "[{\"a\":1,\"b\":2.5,\"c\":\"x,y\"},{\"a\":null,\"b\":true,\"c\":\"q\\\"t\"}]"));
        }

        @Test
        void exportJoinsTheDataFrameDescendantsWithAnArtifactIdColumn() throws Exception {
            HttpApi api = new HttpApi(port);
            String training = api.postJson(
                            "/api/v1/artifacts", "{\"data\":{\"type\":\"ml_training_workspace\",\"content\":{}}}")
                    .json()
                    .get("id")
                    .asString();
            List<String> predictions = new ArrayList<>();
            List<ObjectNode> frames = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ObjectNode frame = MAPPER.createObjectNode();
                frame.set("columns", MAPPER.valueToTree(List.of("location", "sample_0")));
                frame.set("data", MAPPER.readTree("[[\"loc" + i + "\", " + (i + 0.5) + "], [\"other\", null]]"));
                frames.add(frame);
                predictions.add(createFrame(api, frame, training));
            }
            api.postJson(
                    "/api/v1/artifacts", "{\"parent_id\":\"" + training + "\",\"data\":{\"note\":\"not a frame\"}}");

            HttpResponse<byte[]> csv = bytes(api, "/api/v1/artifacts/" + training + "/$export?format=csv", null);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("artifact_" + training + "_export.csv");
            StringBuilder expected = new StringBuilder("artifact_id,location,sample_0\r\n");
            for (int i = 0; i < 3; i++) {
                expected.append(predictions.get(i))
                        .append(",loc")
                        .append(i)
                        .append(',')
                        .append(i + 0.5)
                        .append("\r\n");
                expected.append(predictions.get(i)).append(",other,\r\n");
            }
            assertThat(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());

            HttpResponse<byte[]> parquet =
                    bytes(api, "/api/v1/artifacts/" + training + "/$export?format=parquet&compression=bzip2", null);
            assertThat(parquet.statusCode()).isEqualTo(200);
            HttpResponse<String> imported =
                    post(api, "/api/v1/artifacts/$import?format=parquet&compression=bzip2", null, parquet.body());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            JsonNode answer = MAPPER.readTree(imported.body());
            assertThat(answer.get("data").has("content"))
                    .as("the import answer leaves the table out")
                    .isFalse();
            JsonNode content = api.get("/api/v1/artifacts/" + answer.get("id").asString())
                    .json()
                    .get("data")
                    .get("content");
            assertThat(content.get("columns"))
                    .isEqualTo(MAPPER.valueToTree(List.of("artifact_id", "location", "sample_0")));
            assertThat(content.get("data")).hasSize(6);
            assertThat(content.get("data").get(5).get(0).asString()).isEqualTo(predictions.get(2));

            HttpResponse<byte[]> none = bytes(api, "/api/v1/artifacts/" + predictions.get(0) + "/$export", null);
            assertThat(none.statusCode()).isEqualTo(404);
        }

        @Test
        void badInputIsAProblemAndStoresNothing() throws Exception {
            HttpApi api = new HttpApi(port);
            ObjectNode frame = randomFrame(new Random(9), 5);
            String id = createFrame(api, frame, null);
            String plain = api.postJson("/api/v1/artifacts", "{\"data\":{\"note\":\"x\"}}")
                    .json()
                    .get("id")
                    .asString();

            assertProblem(bytes(api, "/api/v1/artifacts/" + id + "/$download?format=xlsx", null), 400, "xlsx");
            assertProblem(
                    bytes(api, "/api/v1/artifacts/" + id + "/$download?format=csv&compression=zip", null), 400, "zip");
            assertProblem(bytes(api, "/api/v1/artifacts/" + plain + "/$download?format=csv", null), 400, "DataFrame");
            assertProblem(bytes(api, "/api/v1/artifacts/" + plain + "/$export?format=parquet", null), 404, "DataFrame");

            long before =
                    api.get("/api/v1/artifacts/$stats").json().get("total").asLong();
            assertProblem(
                    post(api, "/api/v1/artifacts/$import?format=csv", "text/csv", utf8("a,b\r\n1,\"open\r\n")),
                    400,
                    "CSV");
            assertProblem(post(api, "/api/v1/artifacts/$import?format=csv", "text/csv", new byte[0]), 400, "header");
            assertProblem(
                    post(api, "/api/v1/artifacts/$import?format=parquet", null, utf8("PAR1 not really parquet")),
                    400,
                    "Parquet");
            assertProblem(post(api, "/api/v1/artifacts/$import", "application/pdf", utf8("%PDF")), 415, "pdf");
            assertProblem(post(api, "/api/v1/artifacts/$import", null, utf8("a\r\n1\r\n")), 415, "format");
            assertProblem(post(api, "/api/v1/artifacts/$import?format=json", null, utf8("{\"columns\":")), 400, "JSON");
            assertProblem(
                    post(api, "/api/v1/artifacts/$import?format=csv&compression=gzip", "text/csv", utf8("a\r\n1\r\n")),
                    400,
                    "csv");
            assertProblem(post(api, "/api/v1/artifacts/$import?format=orc", null, utf8("x")), 400, "orc");
            assertThat(api.get("/api/v1/artifacts/$stats").json().get("total").asLong())
                    .isEqualTo(before);

            // Content negotiation: text/csv without format= is read as CSV.
            HttpResponse<String> negotiated =
                    post(api, "/api/v1/artifacts/$import", "text/csv", utf8("a,b\r\n1,x\r\n"));
            assertThat(negotiated.statusCode()).isEqualTo(201);
            assertThat(api.get("/api/v1/artifacts/"
                                    + MAPPER.readTree(negotiated.body())
                                            .get("id")
                                            .asString())
                            .json()
                            .get("data")
                            .get("content")
                            .get("data"))
                    .isEqualTo(MAPPER.readTree("[[1,\"x\"]]"));
        }

        private static void assertProblem(HttpResponse<?> response, int status, String detailPart) throws IOException {
            Object body = response.body();
            String text = body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : (String) body;
            assertThat(response.statusCode()).as(text).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            assertThat(MAPPER.readTree(text).get("detail").asString()).containsIgnoringCase(detailPart);
        }
    }

    static String mediaType(String format, String compression) {
        return switch (compression) {
            case "gzip" -> "application/gzip";
            case "bzip2" -> "application/x-bzip2";
            default ->
                switch (format) {
                    case "csv" -> "text/csv";
                    case "json" -> "application/json";
                    case "jsonl" -> "application/jsonl";
                    default -> "application/vnd.apache.parquet";
                };
        };
    }

    /** A frame of integers, floats, booleans, strings (some needing CSV quoting) and an all-null column. */
    static ObjectNode randomFrame(Random random, int rows) {
        ObjectNode frame = MAPPER.createObjectNode();
        frame.set("columns", MAPPER.valueToTree(List.of("id", "value", "flag", "name", "count", "empty")));
        ArrayNode data = frame.putArray("data");
        for (int r = 0; r < rows; r++) {
            ArrayNode row = data.addArray();
            row.add(r);
            if (random.nextInt(5) == 0) {
                row.addNull();
            } else {
                row.add(Math.round(random.nextGaussian() * 1e6) / 1e3);
            }
            if (random.nextInt(6) == 0) {
                row.addNull();
            } else {
                row.add(random.nextBoolean());
            }
            if (random.nextInt(7) == 0) {
                row.addNull();
            } else {
                row.add(word(random));
            }
            if (random.nextInt(4) == 0) {
                row.addNull();
            } else {
                row.add(random.nextLong() >> random.nextInt(63));
            }
            row.addNull();
        }
        return frame;
    }

    static String word(Random random) {
        String[] pieces = {"s", "alpha", "be ta", "x,y", "say \"hi\"", "line\nbreak", "ünï", "z"};
        StringBuilder word = new StringBuilder("w");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            word.append(pieces[random.nextInt(pieces.length)]);
        }
        return word.toString();
    }

    static String createFrame(HttpApi api, JsonNode frame, String parentId) {
        ObjectNode body = MAPPER.createObjectNode();
        if (parentId != null) {
            body.put("parent_id", parentId);
        }
        ObjectNode data = body.putObject("data");
        data.put("type", "ml_prediction");
        data.set("content", frame);
        data.put("content_type", "application/vnd.chapkit.dataframe+json");
        HttpApi.Response created = api.postJson("/api/v1/artifacts", MAPPER.writeValueAsString(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static HttpResponse<byte[]> bytes(HttpApi api, String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return api.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> post(HttpApi api, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(api.uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return api.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] decompress(byte[] bytes, String compression) throws IOException {
        try (InputStream in = switch (compression) {
            case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(bytes));
            case "bzip2" -> new BZip2CompressorInputStream(new ByteArrayInputStream(bytes));
            default -> new ByteArrayInputStream(bytes);
        }) {
            return in.readAllBytes();
        }
    }

    static byte[] compress(byte[] bytes, String compression) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out =
                compression.equals("gzip") ? new GZIPOutputStream(buffer) : new BZip2CompressorOutputStream(buffer)) {
            out.write(bytes);
        }
        return buffer.toByteArray();
    }
}
