package org.chapkit.ml.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.chapkit.artifact.transfer.TabularFormat;
import org.chapkit.artifact.transfer.TabularSource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
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
        SerializableString[] names = new SerializableString[header.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = new SerializedString(header.get(i));
        }
        int offset = source.labelColumn() != null ? 1 : 0;
        try (JsonGenerator gen = mapper.writer().withRootValueSeparator("").createGenerator(new NonClosing(out))) {
            if (!lines) {
                gen.writeStartArray();
            }
            FrameRows.visit(source, new FrameRows.CellVisitor() {
                @Override
                public void startRow(String label) {
                    gen.writeStartObject();
                    if (label != null) {
                        gen.writeName(names[0]);
                        gen.writeString(label);
                    }
                }

                @Override
                public void cell(int column, JsonToken token, JsonParser p) {
                    gen.writeName(names[offset + column]);
                    switch (token) {
                        case VALUE_NULL -> gen.writeNull();
                        case VALUE_STRING ->
                            gen.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        case VALUE_TRUE -> gen.writeBoolean(true);
                        case VALUE_FALSE -> gen.writeBoolean(false);
                        // the stored number text is copied: same value, no parse and format
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                            gen.writeNumber(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        default -> gen.copyCurrentStructure(p);
                    }
                }

                @Override
                public void endRow() {
                    gen.writeEndObject();
                    if (lines) {
                        gen.writeRaw('\n');
                    }
                }
            });
            if (!lines) {
                gen.writeEndArray();
            }
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
