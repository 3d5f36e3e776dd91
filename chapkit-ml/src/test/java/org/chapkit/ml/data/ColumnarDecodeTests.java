package org.chapkit.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the column-major decode path (JSON → {@link ColumnarRows} → Tablesaw) against the boxed row-list path it
 * replaced: same cell values and classes, same Tablesaw column types and missing values, same errors.
 */
class ColumnarDecodeTests {

    final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void decodedRowsAreColumnarAndHoldTheSameBoxedValuesAsBefore() {
        String json = "{\"columns\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"],"
                + "\"data\":[[1,2.5,\"x\",true,null,12345678901234567890],[null,-0.0,null,false,null,{\"k\":1}]]}";

        DataFrame frame = mapper.readValue(json, DataFrame.class);

        assertThat(frame.rows()).isInstanceOf(ColumnarRows.class);
        assertSameCells(frame, json);
        assertThat(frame.rows().get(0))
                .containsExactly(1L, 2.5, "x", true, null, new BigInteger("12345678901234567890"));
        assertThat(frame.rows().get(1).get(1)).isEqualTo(-0.0);
        assertThat(frame.rows().get(1).get(5)).isInstanceOf(JsonNode.class);
        assertThat(frame).isEqualTo(boxed(frame)).hasSameHashCodeAs(boxed(frame));
        assertThat(mapper.writeValueAsString(frame)).isEqualTo(json);
    }

    @Test
    void decodedRowsAreImmutableListsWithTheirOriginalLengths() {
        DataFrame frame = mapper.readValue("{\"columns\":[\"a\",\"b\"],\"data\":[[1],[1,2],[]]}", DataFrame.class);

        assertThat(frame.rows()).extracting(List::size).containsExactly(1, 2, 0);
        assertThat(frame.column("b")).containsExactly(null, 2L, null);
        assertThatThrownBy(() -> frame.rows().get(0).add(3L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frame.rows().get(0).get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> frame.rows().get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> frame.rows().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(frame.withSchema(null).rows()).isSameAs(frame.rows());
    }

    @Test
    void integersBecomeIntColumnsUnlessAValueLeavesTheIntRange() {
        Table table = decode("{\"columns\":[\"small\",\"max\",\"big\",\"intMin\"],"
                + "\"data\":[[1,2147483647,2147483648,-2147483648],[null,null,null,1]]}");

        assertThat(table.column("small")).isInstanceOf(IntColumn.class);
        assertThat(table.intColumn("small").get(0)).isEqualTo(1);
        assertThat(table.column("small").isMissing(1)).isTrue();
        assertThat(table.column("max")).isInstanceOf(IntColumn.class);
        assertThat(table.column("big")).isInstanceOf(LongColumn.class);
        assertThat(table.longColumn("big").get(0)).isEqualTo(2147483648L);
        assertThat(table.column("big").isMissing(1)).isTrue();
        // Integer.MIN_VALUE is IntColumn's missing marker, so the column must widen to keep the value.
        assertThat(table.column("intMin")).isInstanceOf(LongColumn.class);
        assertThat(table.longColumn("intMin").get(0)).isEqualTo(-2147483648L);
    }

    @Test
    void aColumnMixingIntegersAndFloatsIsADoubleColumnWhileTheRowsKeepTheIntegers() {
        DataFrame frame = mapper.readValue("{\"columns\":[\"x\"],\"data\":[[1],[2.5],[null]]}", DataFrame.class);
        Table table = TablesawFrames.toTable(frame);

        assertThat(frame.column("x")).containsExactly(1L, 2.5, null);
        assertThat(table.column("x")).isInstanceOf(DoubleColumn.class);
        assertThat(table.doubleColumn("x").get(0)).isEqualTo(1.0);
        assertThat(table.doubleColumn("x").get(1)).isEqualTo(2.5);
        assertThat(table.column("x").isMissing(2)).isTrue();
    }

    @Test
    void allNullColumnsAreMissingStringsUnlessTheSchemaSaysOtherwise() {
        String json = "{\"columns\":[\"none\",\"typed\",\"beyond\"],\"data\":[[null,null],[null,null]],"
                + "\"schema\":{\"fields\":[{\"name\":\"typed\",\"type\":\"integer\"},"
                + "{\"name\":\"beyond\",\"type\":\"number\"}]}}";
        Table table = decode(json);

        assertThat(table.column("none")).isInstanceOf(StringColumn.class);
        assertThat(table.column("none").countMissing()).isEqualTo(2);
        assertThat(table.column("typed")).isInstanceOf(IntColumn.class);
        assertThat(table.column("typed").countMissing()).isEqualTo(2);
        assertThat(table.column("beyond")).isInstanceOf(DoubleColumn.class);
        assertThat(table.column("beyond").countMissing()).isEqualTo(2);
        assertSameTable(json);
    }

    @Test
    void stringsBooleansAndDatesKeepTheirTypesAndNulls() {
        String json = "{\"columns\":[\"s\",\"b\",\"date\"],"
                + "\"data\":[[\"a\",true,\"2024-01-31\"],[null,null,null],[\"\",false,\"2024-02-01\"]]}";
        Table table = decode(json);

        assertThat(table.column("s")).isInstanceOf(StringColumn.class);
        assertThat(table.stringColumn("s").get(0)).isEqualTo("a");
        // Tablesaw's StringColumn stores missing as "", so an empty string reads back as missing (designs/ml.md).
        assertThat(table.column("s").isMissing(1)).isTrue();
        assertThat(table.column("s").isMissing(2)).isTrue();
        assertThat(table.column("b")).isInstanceOf(BooleanColumn.class);
        assertThat(table.booleanColumn("b").get(0)).isTrue();
        assertThat(table.column("b").isMissing(1)).isTrue();
        assertThat(table.booleanColumn("b").get(2)).isFalse();
        // Dates are not parsed: they stay text, as chapkit infers them ("string").
        assertThat(table.column("date").type()).isEqualTo(ColumnType.STRING);
        assertThat(table.column("date").isMissing(1)).isTrue();
        assertSameTable(json);
    }

    @Test
    void repeatedDistinctEscapedAndLongStringsDecodeToTheirExactText() {
        List<List<Object>> rows = new ArrayList<>();
        String longText = "x".repeat(100);
        for (int i = 0; i < 1500; i++) {
            rows.add(
                    DataFrame.row("v" + i % 700, i % 3 == 0 ? "é\n\u0000\"" + i % 4 : longText + i % 2, "loc" + i % 5));
        }
        String json = mapper.writeValueAsString(DataFrame.of(List.of("many", "odd", "few"), rows));

        DataFrame frame = mapper.readValue(json, DataFrame.class);

        assertThat(frame.column("many").get(1400)).isEqualTo("v0");
        assertThat(frame.column("odd").get(3)).isEqualTo("é\n\u0000\"3");
        assertThat(frame.column("few").get(6)).isEqualTo("loc1");
        assertSameTable(json);
    }

    @Test
    void errorsAreTheSameAsOnTheBoxedPath() {
        String tooLong = "{\"columns\":[\"a\"],\"data\":[[1],[1,2]]}";
        String minLong = "{\"columns\":[\"a\"],\"data\":[[-9223372036854775808]]}";
        String declared = "{\"columns\":[\"a\"],\"data\":[[1],[\"x\"]],"
                + "\"schema\":{\"fields\":[{\"name\":\"a\",\"type\":\"number\"}]}}";

        assertThatThrownBy(() -> decode(tooLong)).hasMessage("Row 1 has 2 values but the frame has 1 columns");
        assertThatThrownBy(() -> decode(minLong)).hasMessageContaining("reserves for missing values");
        assertThatThrownBy(() -> decode(declared)).hasMessage("Column 'a' is declared number but holds x");
        for (String json : List.of(tooLong, minLong, declared)) {
            DataFrame frame = mapper.readValue(json, DataFrame.class);
            assertThatThrownBy(() -> TablesawFrames.toTable(boxed(frame)))
                    .hasMessage(catchMessage(() -> TablesawFrames.toTable(frame)));
        }
    }

    @Test
    void randomFramesConvertExactlyAsTheBoxedPathDoes() {
        Random random = new Random(20261123);
        for (int i = 0; i < 300; i++) {
            assertSameTable(randomFrameJson(random));
        }
    }

    // --- helpers ---

    private Table decode(String json) {
        return TablesawFrames.toTable(mapper.readValue(json, DataFrame.class));
    }

    /** The same frame with its rows as plain lists, which takes the boxed conversion. */
    private static DataFrame boxed(DataFrame frame) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : frame.rows()) {
            rows.add(DataFrame.row(row.toArray()));
        }
        DataFrame plain = new DataFrame(frame.columns(), rows, frame.schema());
        assertThat(plain.rows()).isNotInstanceOf(ColumnarRows.class);
        return plain;
    }

    private void assertSameTable(String json) {
        DataFrame frame = mapper.readValue(json, DataFrame.class);
        assertSameCells(frame, json);
        String expectedError = catchMessage(() -> TablesawFrames.toTable(boxed(frame)));
        if (expectedError != null) {
            assertThatThrownBy(() -> TablesawFrames.toTable(frame)).as(json).hasMessage(expectedError);
            return;
        }
        Table actual = TablesawFrames.toTable(frame);
        Table expected = TablesawFrames.toTable(boxed(frame));
        assertThat(actual.columnNames()).as(json).isEqualTo(expected.columnNames());
        for (int c = 0; c < expected.columnCount(); c++) {
            Column<?> want = expected.column(c);
            Column<?> got = actual.column(c);
            assertThat(got.getClass()).as(json + " column " + c).isEqualTo(want.getClass());
            assertThat(got.size()).as(json).isEqualTo(want.size());
            for (int r = 0; r < want.size(); r++) {
                assertThat(got.isMissing(r)).as(json + " cell " + r + "," + c).isEqualTo(want.isMissing(r));
                if (!want.isMissing(r)) {
                    assertThat(got.get(r)).as(json + " cell " + r + "," + c).isEqualTo(want.get(r));
                }
            }
        }
    }

    /** The decoded cells equal (value and class) what Jackson's tree holds for the same JSON. */
    private void assertSameCells(DataFrame frame, String json) {
        JsonNode data = mapper.readTree(json).get("data");
        assertThat(frame.rows()).hasSize(data.size());
        for (int r = 0; r < data.size(); r++) {
            JsonNode row = data.get(r);
            List<Object> cells = frame.rows().get(r);
            assertThat(cells).as(json + " row " + r).hasSize(row.size());
            for (int c = 0; c < row.size(); c++) {
                Object expected = expectedCell(row.get(c));
                Object actual = cells.get(c);
                assertThat(actual).as(json + " cell " + r + "," + c).isEqualTo(expected);
                if (expected != null) {
                    assertThat(actual).isExactlyInstanceOf(expected.getClass());
                }
            }
        }
    }

    private static Object expectedCell(JsonNode node) {
        if (node.isNull()) {
            return null;
        } else if (node.isBigInteger()) {
            return node.bigIntegerValue();
        } else if (node.isIntegralNumber()) {
            return node.longValue();
        } else if (node.isNumber()) {
            return node.doubleValue();
        } else if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isString()) {
            return node.stringValue();
        }
        return node;
    }

    private static String catchMessage(Runnable action) {
        try {
            action.run();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String randomFrameJson(Random random) {
        int width = 1 + random.nextInt(6);
        int height = random.nextInt(40);
        List<String> kinds = List.of("int", "long", "double", "mixed", "bool", "string", "null", "any", "big");
        List<String> columns = new ArrayList<>();
        List<String> columnKinds = new ArrayList<>();
        Map<String, String> schema = new LinkedHashMap<>();
        List<String> types = List.of("string", "integer", "number", "boolean", "any");
        for (int c = 0; c < width; c++) {
            String name = "c" + c;
            columns.add(name);
            columnKinds.add(kinds.get(random.nextInt(kinds.size())));
            if (random.nextInt(4) == 0) {
                schema.put(name, types.get(random.nextInt(types.size())));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            // Mostly full rows; sometimes short or (rarely) long ones.
            int length = random.nextInt(10) == 0 ? random.nextInt(width + 2) : width;
            Object[] row = new Object[length];
            for (int c = 0; c < length; c++) {
                row[c] = random.nextInt(5) == 0 ? null : randomCell(c < width ? columnKinds.get(c) : "any", random);
            }
            rows.add(Arrays.asList(row));
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("columns", columns);
        frame.put("data", rows);
        if (!schema.isEmpty()) {
            List<Map<String, String>> fields = new ArrayList<>();
            schema.forEach((name, type) -> fields.add(Map.of("name", name, "type", type)));
            frame.put("schema", Map.of("fields", fields));
        }
        return mapper.writeValueAsString(frame);
    }

    private static Object randomCell(String kind, Random random) {
        return switch (kind) {
            case "int" -> (long) random.nextInt(2001) - 1000;
            case "long" -> random.nextBoolean() ? random.nextLong() : (long) random.nextInt();
            case "double" -> random.nextInt(8) == 0 ? (double) random.nextInt(100) : random.nextGaussian() * 1e3;
            case "mixed" -> random.nextBoolean() ? (Object) (long) random.nextInt(100) : random.nextDouble();
            case "bool" -> random.nextBoolean();
            case "string" -> random.nextInt(10) == 0 ? "" : "s" + random.nextInt(300);
            case "big" -> random.nextBoolean() ? BigInteger.TWO.pow(64).add(BigInteger.valueOf(random.nextInt())) : 7L;
            case "null" -> null;
            default -> randomCell(List.of("int", "double", "bool", "string").get(random.nextInt(4)), random);
        };
    }

    @Test
    void jsonColumnsHoldWhatTheDeserializerReadsFromTheSameJson() {
        String json = "{\"columns\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"],"
                + "\"data\":[[1,2.5,\"x\",true,null,12345678901234567890],[2.0,-0.0,null,false,7,{\"k\":[1]}],"
                + "[-3,1e300,\"\",true,null,[1,\"y\"]]]}";
        DataFrame decoded = mapper.readValue(json, DataFrame.class);
        JsonNode tree = mapper.readTree(json);
        Map<String, List<JsonNode>> columns = new LinkedHashMap<>();
        for (int column = 0; column < tree.get("columns").size(); column++) {
            List<JsonNode> cells = new ArrayList<>();
            for (JsonNode row : tree.get("data")) {
                cells.add(row.get(column));
            }
            columns.put(tree.get("columns").get(column).asString(), cells);
        }

        DataFrame built = DataFrame.ofJsonColumns(columns);

        assertThat(built.rows()).isInstanceOf(ColumnarRows.class);
        assertThat(built.columns()).isEqualTo(decoded.columns());
        assertThat(built.rows()).isEqualTo(decoded.rows());
        for (int row = 0; row < decoded.size(); row++) {
            for (int column = 0; column < decoded.columns().size(); column++) {
                Object want = decoded.rows().get(row).get(column);
                Object got = built.rows().get(row).get(column);
                assertThat(got == null ? null : got.getClass())
                        .as("row %d column %d", row, column)
                        .isEqualTo(want == null ? null : want.getClass());
            }
        }
        assertThat(built.rows().get(0).get(5)).isEqualTo(new BigInteger("12345678901234567890"));
        assertThat(DataFrame.ofJsonColumns(Map.of()).isEmpty()).isTrue();
        assertThatThrownBy(() -> DataFrame.ofJsonColumns(
                        Map.of("a", List.of(tree.get("data").get(0).get(0)), "b", List.<JsonNode>of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values, the others");
    }
}
