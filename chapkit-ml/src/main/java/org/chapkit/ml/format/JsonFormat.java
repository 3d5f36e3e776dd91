package org.chapkit.ml.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import org.chapkit.artifact.TabularFormat;
import org.chapkit.artifact.TabularSource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code format=json} (an array of records, as chapkit's default DataFrame download) and {@code format=jsonl} (one
 * record per line), written row by row with a streaming generator.
 */
final class JsonFormat implements TabularFormat {

    private final JsonMapper mapper;
    private final boolean lines;

    JsonFormat(JsonMapper mapper, boolean lines) {
        this.mapper = mapper;
        this.lines = lines;
    }

    @Override
    public String name() {
        return lines ? "jsonl" : "json";
    }

    @Override
    public String mediaType() {
        return lines ? "application/jsonl" : "application/json";
    }

    @Override
    public String extension() {
        return name();
    }

    @Override
    public void write(TabularSource source, OutputStream out) throws IOException {
        List<String> header = FrameRows.header(source);
        try (JsonGenerator gen = mapper.writer().withRootValueSeparator("").createGenerator(new NonClosing(out))) {
            if (!lines) {
                gen.writeStartArray();
            }
            FrameRows.forEach(source, cells -> {
                gen.writeStartObject();
                for (int i = 0; i < cells.length; i++) {
                    gen.writeName(header.get(i));
                    writeCell(gen, cells[i]);
                }
                gen.writeEndObject();
                if (lines) {
                    gen.writeRaw('\n');
                }
            });
            if (!lines) {
                gen.writeEndArray();
            }
        }
    }

    private static void writeCell(JsonGenerator gen, Object cell) {
        switch (cell) {
            case null -> gen.writeNull();
            case String text -> gen.writeString(text);
            case Long number -> gen.writeNumber(number);
            case Double number -> gen.writeNumber(number);
            case Boolean flag -> gen.writeBoolean(flag);
            case BigInteger big -> gen.writeNumber(big);
            case JsonNode node -> gen.writeTree(node);
            default -> gen.writeString(cell.toString());
        }
    }

    @Override
    public JsonNode read(InputStream in) {
        return mapper.valueToTree(
                lines ? DataFrameReaders.readJsonLines(in, mapper) : DataFrameReaders.readJson(in, mapper));
    }

    /** Keeps the generator from closing the response stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
