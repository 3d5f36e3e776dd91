package org.chapkit.ml.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ser.std.StdSerializer;

/** Streaming Jackson (de)serialisation of {@link DataFrame}: rows go straight between tokens and cells. */
final class DataFrameJson {

    private DataFrameJson() {}

    /** Writes {@code columns}, {@code data} and, only when present, {@code schema}. */
    static final class Serializer extends StdSerializer<DataFrame> {

        Serializer() {
            super(DataFrame.class);
        }

        @Override
        public void serialize(DataFrame frame, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartObject();
            gen.writeName("columns");
            gen.writeStartArray();
            for (String column : frame.columns()) {
                gen.writeString(column);
            }
            gen.writeEndArray();
            gen.writeName("data");
            gen.writeStartArray();
            for (List<Object> row : frame.rows()) {
                gen.writeStartArray();
                for (Object cell : row) {
                    writeCell(cell, gen, ctxt);
                }
                gen.writeEndArray();
            }
            gen.writeEndArray();
            if (frame.schema() != null) {
                gen.writeName("schema");
                ctxt.writeValue(gen, frame.schema());
            }
            gen.writeEndObject();
        }

        private static void writeCell(Object cell, JsonGenerator gen, SerializationContext ctxt) {
            switch (cell) {
                case null -> gen.writeNull();
                case String s -> gen.writeString(s);
                case Boolean b -> gen.writeBoolean(b);
                case Long l -> gen.writeNumber(l);
                case Integer i -> gen.writeNumber(i);
                case Short s -> gen.writeNumber(s);
                case Byte b -> gen.writeNumber(b);
                case BigInteger big -> gen.writeNumber(big);
                case BigDecimal big -> gen.writeNumber(big);
                // JSON has no NaN or infinity; chap-core sends null for NaN, so do we.
                case Double d when d.isNaN() || d.isInfinite() -> gen.writeNull();
                case Float f when f.isNaN() || f.isInfinite() -> gen.writeNull();
                case Double d -> gen.writeNumber(d);
                case Float f -> gen.writeNumber(f);
                default -> ctxt.writeValue(gen, cell);
            }
        }
    }

    /** Reads a frame token by token; accepts {@code schema} or {@code table_schema} and ignores unknown keys. */
    static final class Deserializer extends StdDeserializer<DataFrame> {

        Deserializer() {
            super(DataFrame.class);
        }

        @Override
        public DataFrame deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return (DataFrame) ctxt.handleUnexpectedToken(DataFrame.class, p);
            }
            List<String> columns = null;
            List<List<Object>> rows = null;
            DataFrameSchema schema = null;
            for (JsonToken token = p.nextToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "columns" -> columns = readColumns(p, ctxt);
                    case "data" -> rows = readRows(p, ctxt);
                    case "schema", "table_schema" ->
                        schema = value == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, DataFrameSchema.class);
                    default -> p.skipChildren();
                }
            }
            if (columns == null) {
                return ctxt.reportInputMismatch(DataFrame.class, "DataFrame requires 'columns'");
            }
            if (rows == null) {
                return ctxt.reportInputMismatch(DataFrame.class, "DataFrame requires 'data'");
            }
            return new DataFrame(columns, rows, schema);
        }

        private static List<String> readColumns(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return ctxt.reportInputMismatch(DataFrame.class, "'columns' must be an array of strings");
            }
            List<String> columns = new ArrayList<>();
            for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
                if (token != JsonToken.VALUE_STRING) {
                    return ctxt.reportInputMismatch(DataFrame.class, "'columns' must be an array of strings");
                }
                columns.add(p.getString());
            }
            return columns;
        }

        /**
         * Reads {@code data} straight into {@link ColumnarRows}: each cell goes into its position's primitive
         * buffer, so no cell is boxed and no row list is built.
         */
        private static List<List<Object>> readRows(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return ctxt.reportInputMismatch(DataFrame.class, "'data' must be an array of rows");
            }
            ColumnarRows.Builder rows = new ColumnarRows.Builder();
            for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
                if (token != JsonToken.START_ARRAY) {
                    return ctxt.reportInputMismatch(
                            DataFrame.class, "'data' row %d must be an array of values", rows.rowCount());
                }
                rows.startRow();
                int size = 0;
                for (JsonToken cell = p.nextToken(); cell != JsonToken.END_ARRAY; cell = p.nextToken()) {
                    switch (cell) {
                        case VALUE_NULL -> rows.putNull(size);
                        case VALUE_STRING -> rows.putString(size, p.getString());
                        case VALUE_TRUE -> rows.putBoolean(size, true);
                        case VALUE_FALSE -> rows.putBoolean(size, false);
                        case VALUE_NUMBER_INT -> {
                            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                                rows.putObject(size, p.getBigIntegerValue());
                            } else {
                                rows.putLong(size, p.getLongValue());
                            }
                        }
                        case VALUE_NUMBER_FLOAT -> rows.putDouble(size, p.getDoubleValue());
                        default -> rows.putObject(size, readCell(cell, p, ctxt));
                    }
                    size++;
                }
                rows.endRow(size);
            }
            return rows.build();
        }

        private static Object readCell(JsonToken token, JsonParser p, DeserializationContext ctxt) {
            return switch (token) {
                case VALUE_NULL -> null;
                case VALUE_STRING -> p.getString();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NUMBER_INT ->
                    p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                default -> ctxt.readTree(p);
            };
        }
    }

    /**
     * Builds rows from JSON cells given column by column, converting each cell exactly as {@link Deserializer} does
     * for the same JSON (integers to {@code Long} or {@code BigInteger}, other numbers to {@code Double}, strings,
     * booleans, {@code null}; arrays and objects stay {@code JsonNode}s), without building a JSON document first.
     */
    static List<List<Object>> rowsOfColumns(List<? extends List<? extends JsonNode>> columns, int rowCount) {
        ColumnarRows.Builder rows = new ColumnarRows.Builder();
        for (int row = 0; row < rowCount; row++) {
            rows.startRow();
            for (int index = 0; index < columns.size(); index++) {
                JsonNode cell = columns.get(index).get(row);
                if (cell == null || cell.isNull() || cell.isMissingNode()) {
                    rows.putNull(index);
                } else if (cell.isString()) {
                    rows.putString(index, cell.stringValue());
                } else if (cell.isBoolean()) {
                    rows.putBoolean(index, cell.booleanValue());
                } else if (cell.isBigInteger()) {
                    rows.putObject(index, cell.bigIntegerValue());
                } else if (cell.isIntegralNumber()) {
                    rows.putLong(index, cell.longValue());
                } else if (cell.isNumber()) {
                    rows.putDouble(index, cell.doubleValue());
                } else {
                    rows.putObject(index, cell.deepCopy());
                }
            }
            rows.endRow(columns.size());
        }
        return rows.build();
    }
}
