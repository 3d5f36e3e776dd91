package org.chapkit.ml.format;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.chapkit.artifact.transfer.TabularSource;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.data.PythonValues;
import org.chapkit.problem.BadRequestException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Parquet writing and reading with parquet-java; only loaded when {@link ParquetSupport#available()}.
 *
 * <p>Writing makes two passes over the source: the first infers one type per column (integers → INT64, numbers or
 * a mix of integers and numbers → DOUBLE, booleans → BOOLEAN, anything else or a mix → UTF-8 string; all-null
 * columns → string), the second writes rows, Snappy-compressed, in row groups of {@value #ROW_GROUP_BYTES} bytes —
 * the only buffer, so memory stays bounded whatever the size of the export.
 */
final class ParquetFrames {

    /** Row group size: Parquet buffers one row group in memory before writing it. */
    static final int ROW_GROUP_BYTES = 8 * 1024 * 1024;

    private enum Kind {
        NONE,
        BOOLEAN,
        INT64,
        DOUBLE,
        STRING
    }

    private ParquetFrames() {}

    static void write(TabularSource source, OutputStream out) throws IOException {
        List<String> header = FrameRows.header(source);
        Kind[] kinds = new Kind[header.size()];
        java.util.Arrays.fill(kinds, Kind.NONE);
        boolean labelled = source.labelColumn() != null;
        if (labelled) {
            kinds[0] = Kind.STRING;
        }
        // Inference looks at token types only: no value is parsed or built in this pass.
        int offset = labelled ? 1 : 0;
        FrameRows.visit(source, new FrameRows.CellVisitor() {
            @Override
            public void startRow(String label) {}

            @Override
            public void cell(int column, JsonToken token, JsonParser p) {
                kinds[offset + column] = merge(kinds[offset + column], kindOf(token, p));
            }

            @Override
            public void endRow() {}
        });
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (int i = 0; i < header.size(); i++) {
            Type.Repetition repetition = labelled && i == 0 ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
            switch (kinds[i]) {
                case BOOLEAN ->
                    builder.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(header.get(i));
                case INT64 ->
                    builder.primitive(PrimitiveTypeName.INT64, repetition).named(header.get(i));
                case DOUBLE ->
                    builder.primitive(PrimitiveTypeName.DOUBLE, repetition).named(header.get(i));
                default ->
                    builder.primitive(PrimitiveTypeName.BINARY, repetition)
                            .as(LogicalTypeAnnotation.stringType())
                            .named(header.get(i));
            }
        }
        MessageType schema = builder.named("dataframe");
        try (ParquetWriter<Object[]> writer = new Builder(new StreamOutputFile(out), schema, kinds)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withPageSize(1024 * 1024)
                .withDictionaryEncoding(true)
                .build()) {
            FrameRows.forEach(source, writer::write);
        }
    }

    /** The kind of the parser's current value: a long, a double, a boolean, or else a string. */
    private static Kind kindOf(JsonToken token, JsonParser p) {
        return switch (token) {
            case VALUE_NULL -> Kind.NONE;
            case VALUE_TRUE, VALUE_FALSE -> Kind.BOOLEAN;
            // up to 18 digits always fit a long; longer texts are checked (beyond a long they are strings)
            case VALUE_NUMBER_INT ->
                p.getTextLength() <= 18 || p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                        ? Kind.INT64
                        : Kind.STRING;
            case VALUE_NUMBER_FLOAT -> Kind.DOUBLE;
            case START_ARRAY, START_OBJECT -> {
                p.skipChildren();
                yield Kind.STRING;
            }
            default -> Kind.STRING;
        };
    }

    private static Kind merge(Kind current, Kind value) {
        if (value == Kind.NONE || value == current) {
            return current;
        }
        if (current == Kind.NONE) {
            return value;
        }
        if ((current == Kind.INT64 && value == Kind.DOUBLE) || (current == Kind.DOUBLE && value == Kind.INT64)) {
            return Kind.DOUBLE;
        }
        return Kind.STRING;
    }

    static DataFrame read(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> columns = new ArrayList<>();
            for (Type field : schema.getFields()) {
                if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
                    throw new BadRequestException("Parquet column '" + field.getName()
                            + "' is nested or repeated; only flat columns can be" + " read as a DataFrame");
                }
                columns.add(field.getName());
            }
            List<List<Object>> rows = new ArrayList<>();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    Group group = records.read();
                    Object[] cells = new Object[columns.size()];
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = group.getFieldRepetitionCount(c) == 0
                                ? null
                                : value(group, c, schema.getType(c), rows.size() + 1);
                    }
                    rows.add(DataFrame.row(cells));
                }
            }
            return DataFrame.of(columns, rows);
        } catch (RuntimeException ex) {
            if (ex instanceof BadRequestException bad) {
                throw bad;
            }
            throw new BadRequestException("Malformed Parquet: " + ex.getMessage(), ex);
        }
    }

    private static Object value(Group group, int field, Type type, int row) {
        PrimitiveType primitive = type.asPrimitiveType();
        return switch (primitive.getPrimitiveTypeName()) {
            case INT32 -> (long) group.getInteger(field, 0);
            case INT64 -> group.getLong(field, 0);
            case FLOAT -> (double) group.getFloat(field, 0);
            case DOUBLE -> group.getDouble(field, 0);
            case BOOLEAN -> group.getBoolean(field, 0);
            case BINARY, FIXED_LEN_BYTE_ARRAY -> text(group.getBinary(field, 0), type.getName(), row);
            default -> group.getValueToString(field, 0);
        };
    }

    /**
     * The cell's bytes as UTF-8, strictly: bytes that are not UTF-8 are a 400 naming the column and row, never
     * U+FFFD (as for CSV).
     */
    private static String text(Binary binary, String column, int row) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(binary.toByteBuffer())
                    .toString();
        } catch (CharacterCodingException ex) {
            throw new BadRequestException("Parquet column '" + column + "', row " + row
                    + " (counting from 1): the bytes are not valid UTF-8");
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {

        private final MessageType schema;
        private final Kind[] kinds;

        Builder(StreamOutputFile file, MessageType schema, Kind[] kinds) {
            super(file);
            this.schema = schema;
            this.kinds = kinds.clone();
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema, kinds);
        }
    }

    /** Writes a row array as one Parquet record, skipping null cells (optional fields). */
    private static final class RowWriteSupport extends WriteSupport<Object[]> {

        private final MessageType schema;
        private final Kind[] kinds;
        private RecordConsumer consumer;

        RowWriteSupport(MessageType schema, Kind[] kinds) {
            this.schema = schema;
            this.kinds = kinds;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Object[] cells) {
            consumer.startMessage();
            for (int i = 0; i < cells.length; i++) {
                Object cell = cells[i];
                if (cell == null) {
                    continue;
                }
                String name = schema.getFieldName(i);
                consumer.startField(name, i);
                switch (kinds[i]) {
                    case BOOLEAN -> consumer.addBoolean((Boolean) cell);
                    case INT64 -> consumer.addLong((Long) cell);
                    case DOUBLE -> consumer.addDouble(((Number) cell).doubleValue());
                    default -> consumer.addBinary(Binary.fromString(text(cell)));
                }
                consumer.endField(name, i);
            }
            consumer.endMessage();
        }

        private static String text(Object cell) {
            return switch (cell) {
                case String s -> s;
                case JsonNode node -> node.toString();
                case BigInteger big -> big.toString();
                default -> PythonValues.str(cell);
            };
        }
    }
}
