package org.chapkit.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.chapkit.artifact.transfer.internal.ArtifactFrames;
import org.chapkit.artifact.transfer.internal.StoredData;
import org.chapkit.id.Ulids;
import org.chapkit.ml.data.PythonValues;
import org.chapkit.ml.format.DataFrameReaders;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DataFrame artifact larger than {@link StoredData#WHOLE_READ_BYTES} is exported through the streaming read
 * (PostgreSQL: 256 KiB byte slices through a cursor, which cut multi-byte characters in two; H2: the CLOB stream) in
 * every format with exactly the content a whole read gives: Python's CSV layout, records JSON, JSON Lines and a
 * Parquet file that reads back as the same frame. The memory side (a 300 MB artifact with {@code -Xmx256m}) is
 * measured by the benchmark harness's {@code export} suite.
 */
class LargeFrameExportTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int ROWS = 80_000;

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Autowired
        JdbcClient jdbc;

        @Test
        void aFrameLargerThanOneReadIsExportedWhole() throws Exception {
            HttpApi api = new HttpApi(port);
            ObjectNode frame = frame();
            ObjectNode data = MAPPER.createObjectNode();
            data.put("type", "ml_prediction");
            data.put("content_type", "application/vnd.chapkit.dataframe+json");
            data.set("content", frame);
            String text = MAPPER.writeValueAsString(data);
            assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(StoredData.WHOLE_READ_BYTES);
            // stored directly: the test service limits request bodies to 64 KiB
            String id = Ulids.newUlid();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            jdbc.sql("INSERT INTO artifacts (id, parent_id, level, data, tags, version, created_at, updated_at) "
                            + "VALUES (?, NULL, 0, ?, '[]', 1, ?, ?)")
                    .params(id, text, now, now)
                    .update();
            String path = "/api/v1/artifacts/" + id + "/$download?format=";

            String csv = new String(get(api, path + "csv"), StandardCharsets.UTF_8);
            assertThat(csv).isEqualTo(expectedCsv(frame));
            byte[] gzip = get(api, path + "csv&compression=gzip");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(csv);
            }

            ArrayNode records = records(frame);
            assertThat(MAPPER.readTree(get(api, path + "json"))).isEqualTo(records);
            List<JsonNode> lines = new ArrayList<>();
            for (String line : new String(get(api, path + "jsonl"), StandardCharsets.UTF_8).split("\n")) {
                lines.add(MAPPER.readTree(line));
            }
            assertThat(lines).containsExactlyElementsOf(records);

            byte[] parquet = get(api, path + "parquet");
            JsonNode again = MAPPER.valueToTree(DataFrameReaders.readParquet(new ByteArrayInputStream(parquet)));
            assertThat(MAPPER.writeValueAsString(again)).isEqualTo(MAPPER.writeValueAsString(frame));
        }

        @Test
        void aFrameWhoseColumnsComeAfterItsRowsIsStillFoundAndExported() throws Exception {
            HttpApi api = new HttpApi(port);
            ObjectNode frame = frame();
            // rows first, columns last: the check of the text's head cannot see the columns and reads it all
            ObjectNode reordered = MAPPER.createObjectNode();
            reordered.set("data", frame.get("data"));
            reordered.set("columns", frame.get("columns"));
            ObjectNode data = MAPPER.createObjectNode();
            data.set("content", reordered);
            data.put("content_type", "application/vnd.chapkit.dataframe+json");
            data.put("type", "ml_prediction");
            String text = MAPPER.writeValueAsString(data);
            assertThat(text.indexOf("\"columns\"")).isGreaterThan(ArtifactFrames.HEAD_CHARS);
            String id = Ulids.newUlid();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            jdbc.sql("INSERT INTO artifacts (id, parent_id, level, data, tags, version, created_at, updated_at) "
                            + "VALUES (?, NULL, 0, ?, '[]', 1, ?, ?)")
                    .params(id, text, now, now)
                    .update();

            String csv =
                    new String(get(api, "/api/v1/artifacts/" + id + "/$download?format=csv"), StandardCharsets.UTF_8);
            assertThat(csv).isEqualTo(expectedCsv(frame));
        }
    }

    /**
     * Multi-byte text (2-, 3- and 4-byte UTF-8), fields that need quoting, floats in and out of Python's plain
     * range, integers, booleans and nulls.
     */
    static ObjectNode frame() {
        ObjectNode frame = MAPPER.createObjectNode();
        ArrayNode columns = frame.putArray("columns");
        for (String column : List.of("name", "value", "count", "flag", "note")) {
            columns.add(column);
        }
        ArrayNode rows = frame.putArray("data");
        for (int i = 0; i < ROWS; i++) {
            ArrayNode row = rows.addArray();
            row.add("Zürich €𝔸 " + i);
            row.add(
                    switch (i % 5) {
                        case 0 -> i * 0.25;
                        case 1 -> 1.0 / (i + 3);
                        case 2 -> i * 1.5e-7;
                        case 3 -> i * 1e9 + 0.5;
                        default -> -i / 7.0;
                    });
            if (i % 3 == 0) {
                row.addNull();
            } else {
                row.add((long) i * 1_000_003L);
            }
            row.add(i % 2 == 0);
            if (i % 4 == 0) {
                row.add("a, \"quoted\"\nnote " + i);
            } else {
                row.addNull();
            }
        }
        return frame;
    }

    /** Python's {@code csv.writer} on the frame, written independently of the format under test. */
    static String expectedCsv(ObjectNode frame) {
        StringBuilder csv = new StringBuilder("name,value,count,flag,note\r\n");
        for (JsonNode row : frame.get("data")) {
            List<String> fields = new ArrayList<>();
            for (JsonNode cell : row) {
                String text = cell.isNull()
                        ? ""
                        : cell.isBoolean()
                                ? (cell.asBoolean() ? "True" : "False")
                                : cell.isDouble() ? PythonValues.repr(cell.asDouble()) : cell.asString();
                boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n");
                fields.add(quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
            }
            csv.append(String.join(",", fields)).append("\r\n");
        }
        return csv.toString();
    }

    static ArrayNode records(ObjectNode frame) {
        ArrayNode records = MAPPER.createArrayNode();
        JsonNode columns = frame.get("columns");
        for (JsonNode row : frame.get("data")) {
            ObjectNode record = records.addObject();
            for (int i = 0; i < columns.size(); i++) {
                record.set(columns.get(i).asString(), row.get(i));
            }
        }
        return (ArrayNode) MAPPER.readTree(MAPPER.writeValueAsString(records));
    }

    static byte[] get(HttpApi api, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = api.client()
                .send(HttpRequest.newBuilder(api.uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode())
                .as(path + ": " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response.body();
    }
}
