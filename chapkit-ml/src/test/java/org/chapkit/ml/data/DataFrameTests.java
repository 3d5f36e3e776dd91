package org.chapkit.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DataFrameTests {

    final JsonMapper mapper = JsonMapper.builder().build();

    static final String CHAPKIT_EXAMPLE = "{\"columns\":[\"time_period\",\"location\",\"disease_cases\","
            + "\"population\",\"rainfall\",\"mean_temperature\"],"
            + "\"data\":[[\"2020-01\",\"location_0\",42.0,512345,180.2,24.1],"
            + "[\"2020-01\",\"location_1\",null,87000,95.0,23.0]]}";

    @Test
    void readsAndWritesChapkitsWireFormatWithoutASchemaKey() {
        DataFrame frame = mapper.readValue(CHAPKIT_EXAMPLE, DataFrame.class);

        assertThat(frame.size()).isEqualTo(2);
        assertThat(frame.schema()).isNull();
        assertThat(frame.rows().get(0)).containsExactly("2020-01", "location_0", 42.0, 512345L, 180.2, 24.1);
        assertThat(frame.rows().get(1).get(2)).isNull();
        assertThat(mapper.writeValueAsString(frame)).isEqualTo(CHAPKIT_EXAMPLE);
    }

    @Test
    void acceptsSchemaUnderEitherNameAndIgnoresUnknownKeys() {
        String withAlias = "{\"columns\":[\"a\"],\"data\":[[1]],\"run_info\":{\"x\":[1,2]},"
                + "\"table_schema\":{\"fields\":[{\"name\":\"a\",\"type\":\"integer\"}]}}";
        DataFrame frame = mapper.readValue(withAlias, DataFrame.class);

        assertThat(frame.schema().fields()).containsExactly(DataFrameField.of("a", FieldType.INTEGER));
        assertThat(mapper.writeValueAsString(frame))
                .isEqualTo("{\"columns\":[\"a\"],\"data\":[[1]],\"schema\":{\"fields\":"
                        + "[{\"name\":\"a\",\"type\":\"integer\",\"title\":null,\"description\":null}]}}");
    }

    @Test
    void passesNestedCellValuesThrough() {
        String json =
                "{\"columns\":[\"a\",\"b\"],\"data\":[[{\"x\":[1,2]},[true,null]],[12345678901234567890,-1.5E300]]}";

        DataFrame frame = mapper.readValue(json, DataFrame.class);

        assertThat(frame.rows().get(0).get(0)).isInstanceOf(JsonNode.class);
        assertThat(frame.rows().get(1).get(0)).isEqualTo(new java.math.BigInteger("12345678901234567890"));
        assertThat(mapper.writeValueAsString(frame)).isEqualTo(json);
    }

    @Test
    void rejectsFramesWithoutColumnsOrData() {
        assertThatThrownBy(() -> mapper.readValue("{\"data\":[]}", DataFrame.class))
                .hasMessageContaining("requires 'columns'");
        assertThatThrownBy(() -> mapper.readValue("{\"columns\":[],\"data\":[1]}", DataFrame.class))
                .hasMessageContaining("row 0 must be an array");
    }

    @Test
    void convertsToTablesawWithFaithfulTypesAndMissingValues() {
        DataFrame frame = DataFrame.of(
                List.of("s", "i", "l", "d", "b", "mixed", "empty"),
                List.of(
                        DataFrame.row("x", 1L, 5_000_000_000L, 1.5, true, "a", null),
                        DataFrame.row(null, null, null, null, null, 2L, null),
                        DataFrame.row("z", 3L, 7L, 2L, false, true, null)));

        Table table = TablesawFrames.toTable(frame, "t");

        assertThat(table.column("s")).isInstanceOf(StringColumn.class);
        assertThat(table.column("i")).isInstanceOf(IntColumn.class);
        assertThat(table.column("l")).isInstanceOf(LongColumn.class);
        assertThat(table.column("d")).isInstanceOf(DoubleColumn.class);
        assertThat(table.column("b")).isInstanceOf(BooleanColumn.class);
        assertThat(table.column("mixed").type()).isEqualTo(ColumnType.STRING);
        assertThat(table.column("empty").countMissing()).isEqualTo(3);
        assertThat(table.column("i").isMissing(1)).isTrue();
        assertThat(table.column("b").isMissing(1)).isTrue();

        DataFrame back = TablesawFrames.fromTable(table);
        assertThat(back.rows().get(1)).containsExactly(null, null, null, null, null, "2", null);
        assertThat(back.rows().get(2)).containsExactly("z", 3L, 7L, 2.0, false, "True", null);
    }

    @Test
    void aDeclaredNumberColumnKeepsIntegersAsDoubles() {
        DataFrame frame = DataFrame.of(List.of("disease_cases"), List.of(DataFrame.row(4L)))
                .withInferredSchema();

        assertThat(TablesawFrames.toTable(frame).column("disease_cases")).isInstanceOf(DoubleColumn.class);
        assertThatThrownBy(
                        () -> TablesawFrames.toTable(DataFrame.of(List.of("population"), List.of(DataFrame.row("many")))
                                .withInferredSchema()))
                .hasMessageContaining("Column 'population' is declared integer but holds many");
    }

    @Test
    void shortRowsArePaddedWithMissingValuesButLongRowsAreRejected() {
        DataFrame shortRow = DataFrame.of(List.of("a", "b"), List.of(DataFrame.row(1L)));
        assertThat(TablesawFrames.toTable(shortRow).column("b").isMissing(0)).isTrue();

        DataFrame longRow = DataFrame.of(List.of("a"), List.of(DataFrame.row(1L, 2L)));
        assertThatThrownBy(() -> TablesawFrames.toTable(longRow))
                .hasMessageContaining("Row 0 has 2 values but the frame has 1 columns");
    }

    @Test
    void infersTheSchemaInChapkitsOrder() {
        JsonNode configSchema = mapper.readTree("{\"properties\":{\"flag\":{\"type\":\"boolean\"},"
                + "\"population\":{\"type\":\"string\"},\"tags\":{\"type\":\"array\"}}}");
        DataFrame frame = DataFrame.of(
                List.of("population", "rain_index", "flag", "ints", "mix", "text", "nothing", "tags"),
                List.of(
                        DataFrame.row(5L, 1L, "yes", 1L, 1L, "a", null, "x"),
                        DataFrame.row(6L, 2L, "no", 2L, 2.5, "b", null, "y")));

        DataFrameSchema schema =
                frame.withInferredSchema(List.of("rain_index"), configSchema).schema();

        assertThat(schema.fields())
                .extracting(DataFrameField::type)
                .containsExactly(
                        FieldType.INTEGER, // canonical beats the config schema
                        FieldType.NUMBER, // required covariate
                        FieldType.BOOLEAN, // config schema property
                        FieldType.INTEGER,
                        FieldType.NUMBER,
                        FieldType.STRING,
                        FieldType.ANY,
                        FieldType.STRING);
    }

    @Test
    void writesCsvLikePythonsCsvWriter() {
        DataFrame frame = DataFrame.of(
                List.of("text", "number", "int", "bool", "missing"),
                List.of(
                        DataFrame.row("plain", 10.0, 3L, true, null),
                        DataFrame.row("a,b", 1e16, -7L, false, null),
                        DataFrame.row("say \"hi\"", 1.5e-7, 0L, null, null),
                        DataFrame.row("two\nlines", 0.0001, 12L, true, null)));

        assertThat(DataFrameCsv.toCsv(frame))
                .isEqualTo("text,number,int,bool,missing\r\n"
                        + "plain,10.0,3,True,\r\n"
                        + "\"a,b\",1e+16,-7,False,\r\n"
                        + "\"say \"\"hi\"\"\",1.5e-07,0,,\r\n"
                        + "\"two\nlines\",0.0001,12,True,\r\n");
    }

    @Test
    void writesTheSameBytesAsPythonsCsvModule(@TempDir Path dir) throws Exception {
        DataFrame frame = DataFrame.of(
                List.of("a", "b", "c", "d", "e", "f"),
                List.of(
                        DataFrame.row("a b", " lead", "trail ", "#hash", "-1", ""),
                        DataFrame.row(null, "x", "", null, "!bang", "q\"q"),
                        DataFrame.row(1.0, 1e22, -0.0, true, 123456789012L, 0.1 + 0.2),
                        DataFrame.row("", "line\nbreak", "cr\rhere", "semi;colon", "tab\there", 1e-7)));
        Path json = dir.resolve("frame.json");
        Files.writeString(json, mapper.writeValueAsString(frame));

        Process python = new ProcessBuilder(
                        "python3",
                        "-c",
                        "import csv, json, sys; f = json.load(open(sys.argv[1])); w = csv.writer(sys.stdout);"
                                + " w.writerow(f['columns']); w.writerows(f['data'])",
                        json.toString())
                .redirectErrorStream(true)
                .start();
        String expected = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor()).isZero();

        assertThat(DataFrameCsv.toCsv(frame)).isEqualTo(expected);
        assertThat(DataFrameCsv.toCsv(DataFrame.of(List.of("only"), List.of(DataFrame.row((Object) null)))))
                .isEqualTo("only\r\n\"\"\r\n");
    }

    @Test
    void formatsFloatsAsPythonRepr() {
        assertThat(List.of(0.1, 100.0, 123456789.0, 1e15, 1.5e16, 1e-4, 1e-5, -2.5, 0.0, Double.NaN))
                .extracting(PythonValues::repr)
                .containsExactly(
                        "0.1",
                        "100.0",
                        "123456789.0",
                        "1000000000000000.0",
                        "1.5e+16",
                        "0.0001",
                        "1e-05",
                        "-2.5",
                        "0.0",
                        "nan");
    }

    @Test
    void parsesCsvWithChapkitsTypeInference() {
        DataFrame frame = DataFrameCsv.parse("b,i,f,mixed_num,s,mixed,none,quoted\r\n"
                + "True,1,1.5,1,x,1,,\"a,b\"\r\n"
                + "no,-2,2e3,2.5,y,yes,,\"c\"\"d\"\r\n"
                + ",,,,,,,\r\n");

        assertThat(frame.columns()).containsExactly("b", "i", "f", "mixed_num", "s", "mixed", "none", "quoted");
        assertThat(frame.rows().get(0)).containsExactly(true, 1L, 1.5, 1.0, "x", "1", null, "a,b");
        assertThat(frame.rows().get(1)).containsExactly(false, -2L, 2000.0, 2.5, "y", "yes", null, "c\"d");
        assertThat(frame.rows().get(2)).containsOnlyNulls();
    }

    @Test
    void randomFramesSurviveJsonTableAndCsvRoundTrips() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            DataFrame frame = randomFrame(random);
            String json = mapper.writeValueAsString(frame);

            DataFrame fromJson = mapper.readValue(json, DataFrame.class);
            assertThat(fromJson).isEqualTo(frame);

            DataFrame viaTable = TablesawFrames.fromTable(TablesawFrames.toTable(fromJson));
            assertThat(mapper.writeValueAsString(viaTable))
                    .as("round %d via Tablesaw", round)
                    .isEqualTo(json);

            DataFrame viaCsv = DataFrameCsv.parse(DataFrameCsv.toCsv(frame));
            assertThat(viaCsv).as("round %d via CSV", round).isEqualTo(frame);
        }
    }

    /** Columns of one type each; strings never look like numbers or booleans, so CSV can restore every type. */
    private static DataFrame randomFrame(Random random) {
        int width = 1 + random.nextInt(6);
        int height = 1 + random.nextInt(20);
        List<String> columns = new ArrayList<>();
        int[] kinds = new int[width];
        for (int c = 0; c < width; c++) {
            columns.add("col_" + c);
            kinds[c] = random.nextInt(4);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            Object[] row = new Object[width];
            for (int c = 0; c < width; c++) {
                if (random.nextInt(5) == 0) {
                    continue;
                }
                row[c] = switch (kinds[c]) {
                    case 0 -> "s" + random.nextInt(1000) + (random.nextBoolean() ? ", \"quoted\"\n" : "");
                    case 1 -> (long) random.nextInt() + (random.nextBoolean() ? 0 : (long) Integer.MAX_VALUE * 4);
                    case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
                    default -> random.nextBoolean();
                };
            }
            // A column whose values are all missing has no type to restore; keep one value per column.
            if (r == 0) {
                for (int c = 0; c < width; c++) {
                    if (row[c] == null) {
                        row[c] = kinds[c] == 0 ? "first" : kinds[c] == 1 ? 1L : kinds[c] == 2 ? 0.5 : true;
                    }
                }
            }
            rows.add(DataFrame.row(row));
        }
        return DataFrame.of(columns, rows);
    }

    @Test
    void streamsLargeFrames() {
        int rows = 100_000;
        StringBuilder json = new StringBuilder("{\"columns\":[\"time_period\",\"location\",\"v\"],\"data\":[");
        for (int r = 0; r < rows; r++) {
            json.append(r == 0 ? "" : ",")
                    .append("[\"2020-01\",\"location_")
                    .append(r % 7)
                    .append("\",")
                    .append(r)
                    .append(".5]");
        }
        json.append("]}");

        DataFrame frame = mapper.readValue(json.toString(), DataFrame.class);

        assertThat(frame.size()).isEqualTo(rows);
        assertThat(frame.rows().get(rows - 1)).containsExactly("2020-01", "location_" + ((rows - 1) % 7), 99_999.5);
        assertThat(mapper.writeValueAsString(frame)).isEqualTo(json.toString());
    }
}
