package org.chapkit.ml.format;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chapkit.artifact.TabularSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads the rows of a {@link TabularSource} one at a time into a reused cell array: the label (when the source has a
 * label column) first, then one cell per column; short rows are padded with {@code null}, extra cells dropped.
 * Cells are {@link String}, {@link Long} (or {@link BigInteger} beyond its range), {@link Double}, {@link Boolean},
 * a {@link tools.jackson.databind.JsonNode} for nested values, or {@code null}.
 */
final class FrameRows {

    /** Receives each row; the array is reused between calls. */
    @FunctionalInterface
    interface RowHandler {
        void row(Object[] cells) throws java.io.IOException;
    }

    private FrameRows() {}

    /** The header: the label column (if any), then the frame's columns. */
    static List<String> header(TabularSource source) {
        List<String> header = new ArrayList<>();
        if (source.labelColumn() != null) {
            header.add(source.labelColumn());
        }
        header.addAll(source.columns());
        return header;
    }

    /** Calls {@code handler} for every row of every part, in order. */
    static void forEach(TabularSource source, RowHandler handler) throws java.io.IOException {
        boolean labelled = source.labelColumn() != null;
        int offset = labelled ? 1 : 0;
        int width = source.columns().size();
        Object[] cells = new Object[width + offset];
        for (int part = 0; part < source.parts(); part++) {
            if (labelled) {
                cells[0] = source.label(part);
            }
            try (JsonParser p = source.openRows(part)) {
                JsonToken token;
                while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                    Arrays.fill(cells, offset, cells.length, null);
                    if (token != JsonToken.START_ARRAY) {
                        throw new IllegalStateException("A DataFrame row is not an array: " + token);
                    }
                    int i = 0;
                    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                        Object cell = cell(p, token);
                        if (i < width) {
                            cells[offset + i] = cell;
                        }
                        i++;
                    }
                    handler.row(cells);
                }
            }
        }
    }

    /** The current value as a cell. */
    static Object cell(JsonParser p, JsonToken token) {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> p.getString();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> {
                Number number = p.getNumberValue();
                yield number instanceof BigInteger big ? big : (Object) number.longValue();
            }
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            default -> p.readValueAsTree();
        };
    }
}
