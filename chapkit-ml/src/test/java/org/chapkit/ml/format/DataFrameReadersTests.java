package org.chapkit.ml.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.chapkit.artifact.transfer.TabularFormat;
import org.chapkit.artifact.transfer.TabularSource;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.problem.BadRequestException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

class DataFrameReadersTests {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void csvIsTypedWithChapkitsRules() {
        DataFrame frame = DataFrameReaders.readCsv(utf8("\uFEFFi,f,b,s,n\r\n1,2,yes,x,\r\n2,2.5,False,\"a,b\",\r\n"));
        assertThat(frame.columns()).containsExactly("i", "f", "b", "s", "n");
        assertThat(frame.rows())
                .containsExactly(Arrays.asList(1L, 2.0, true, "x", null), Arrays.asList(2L, 2.5, false, "a,b", null));
    }

    @Test
    void jsonAcceptsFramesRecordsAndLines() {
        DataFrame frame = DataFrameReaders.readJson(utf8("{\"columns\":[\"a\"],\"data\":[[1],[null]]}"), MAPPER);
        assertThat(frame.rows()).containsExactly(Arrays.asList(1L), Arrays.asList((Object) null));
        DataFrame records = DataFrameReaders.readJson(utf8("[{\"a\":1,\"b\":\"x\"},{\"b\":2.5}]"), MAPPER);
        assertThat(records.columns()).containsExactly("a", "b");
        assertThat(records.rows()).containsExactly(Arrays.asList(1L, "x"), Arrays.asList(null, 2.5));
        DataFrame lines = DataFrameReaders.readJsonLines(utf8("{\"a\":true}\n{\"a\":false}\n"), MAPPER);
        assertThat(lines.rows()).containsExactly(List.of(true), List.of(false));
    }

    @Test
    void malformedInputIsABadRequest() {
        assertThatThrownBy(() -> DataFrameReaders.readCsv(utf8("a\r\n\"open"))).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> DataFrameReaders.readCsv(utf8(""))).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> DataFrameReaders.readJson(utf8("{\"x\":1}"), MAPPER))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> DataFrameReaders.readJsonLines(utf8("[1]"), MAPPER))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> DataFrameReaders.readParquet(utf8("not parquet at all")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> DataFrameReaders.read("xlsx", utf8("x"), MAPPER))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void parquetKeepsTypesAndNullsAndWidensMixedNumbers() throws Exception {
        String data = "[[1, 1, true, \"x\", null], [2, 2.5, null, null, null], [null, null, false, \"z\", null]]";
        TabularSource source = source(List.of("i", "mixed", "b", "s", "none"), data);
        TabularFormat parquet = DataFrameFormats.parquet(MAPPER);
        assertThat(DataFrameFormats.parquetAvailable()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parquet.write(source, out);
        DataFrame frame = DataFrameReaders.readParquet(new ByteArrayInputStream(out.toByteArray()));
        assertThat(frame.columns()).containsExactly("i", "mixed", "b", "s", "none");
        assertThat(frame.rows())
                .containsExactly(
                        Arrays.asList(1L, 1.0, true, "x", null),
                        Arrays.asList(2L, 2.5, null, null, null),
                        Arrays.asList(null, null, false, "z", null));
    }

    @Test
    void csvAndJsonLinesStreamShortRowsAsNulls() throws Exception {
        TabularSource source = source(List.of("a", "b"), "[[1], [\"x\", 2.0, \"extra\"]]");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        DataFrameFormats.csv(MAPPER).write(source, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).isEqualTo("a,b\r\n1,\r\nx,2.0\r\n");
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        DataFrameFormats.jsonLines(MAPPER).write(source, lines);
        assertThat(lines.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1,\"b\":null}\n{\"a\":\"x\",\"b\":2.0}\n");
    }

    static TabularSource source(List<String> columns, String data) {
        return new TabularSource() {
            @Override
            public List<String> columns() {
                return columns;
            }

            @Override
            public String labelColumn() {
                return null;
            }

            @Override
            public int parts() {
                return 1;
            }

            @Override
            public String label(int part) {
                return "p" + part;
            }

            @Override
            public JsonParser openRows(int part) {
                JsonParser p = MAPPER.createParser(data);
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
                return p;
            }
        };
    }

    @Test
    void theFormatComesFromTheMediaTypeElseFromTheFileName() {
        assertThat(DataFrameReaders.formatOf("text/csv", "x.parquet")).contains("csv");
        assertThat(DataFrameReaders.formatOf("application/vnd.apache.parquet", null))
                .contains("parquet");
        assertThat(DataFrameReaders.formatOf("application/x-ndjson", null)).contains("jsonl");
        assertThat(DataFrameReaders.formatOf("application/octet-stream", "Future.CSV.gz"))
                .contains("csv");
        assertThat(DataFrameReaders.formatOf(null, "h.parquet")).contains("parquet");
        assertThat(DataFrameReaders.formatOf("application/gzip", "f.jsonl.gz")).contains("jsonl");
        assertThat(DataFrameReaders.formatOf("application/pdf", "x.csv")).isEmpty();
        assertThat(DataFrameReaders.formatOf(null, "x.xlsx")).isEmpty();
        assertThat(DataFrameReaders.formatOf(null, null)).isEmpty();
    }

    @Test
    void gzippedInputIsRecognisedByItsMagicBytes() throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(packed)) {
            gzip.write("a\r\n1\r\n".getBytes(StandardCharsets.UTF_8));
        }
        DataFrame frame =
                DataFrameReaders.readCsv(DataFrameReaders.gunzipped(new ByteArrayInputStream(packed.toByteArray())));
        assertThat(frame.rows()).containsExactly(List.of(1L));
        assertThat(DataFrameReaders.readCsv(DataFrameReaders.gunzipped(utf8("a\r\n2\r\n")))
                        .rows())
                .containsExactly(List.of(2L));
    }

    @Test
    void malformedCsvNamesTheLine() {
        assertThatThrownBy(() -> DataFrameReaders.readCsv(utf8("a,b\r\n1,x\r\n2,\"open\r\n")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Malformed CSV")
                .hasMessageContaining("line 3");
    }

    static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
