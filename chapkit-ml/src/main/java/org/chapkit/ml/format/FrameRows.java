package org.chapkit.ml.format;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chapkit.artifact.transfer.TabularSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads the rows of a {@link TabularSource} one at a time. {@link #visit} hands each cell to the writer as the
 * parser's current token, so text and numbers can be copied from the parser's buffer without building a value;
 * {@link #forEach} builds a reused cell array for writers that need values (Parquet). Rows are padded with
 * {@code null} to the header's width and extra cells are dropped.
 */
final class FrameRows {

    /** Receives each row; the array is reused between calls. */
    @FunctionalInterface
    interface RowHandler {
        void row(Object[] cells) throws IOException;
    }

    /** Receives each row cell by cell, straight from the parser. */
    interface CellVisitor {

        /** A row starts; {@code label} is the part's label, or null without a label column. */
        void startRow(String label) throws IOException;

        /**
         * One cell of the frame (label excluded), in column order. {@code token} is the parser's current token: a
         * scalar, {@code VALUE_NULL} (also for padding, then the parser must not be touched), or {@code
         * START_ARRAY}/{@code START_OBJECT} for a nested value, which the visitor must read or skip to its end.
         */
        void cell(int column, JsonToken token, JsonParser p) throws IOException;

        /** The row ends. */
        void endRow() throws IOException;
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

    /** Calls {@code visitor} for every cell of every row of every part, in order. */
    static void visit(TabularSource source, CellVisitor visitor) throws IOException {
        boolean labelled = source.labelColumn() != null;
        int width = source.columns().size();
        for (int part = 0; part < source.parts(); part++) {
            String label = labelled ? source.label(part) : null;
            try (JsonParser p = source.openRows(part)) {
                JsonToken token;
                while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (token != JsonToken.START_ARRAY) {
                        throw new IllegalStateException("A DataFrame row is not an array: " + token);
                    }
                    visitor.startRow(label);
                    int i = 0;
                    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (i < width) {
                            visitor.cell(i, token, p);
                        } else {
                            p.skipChildren();
                        }
                        i++;
                    }
                    for (; i < width; i++) {
                        visitor.cell(i, JsonToken.VALUE_NULL, p);
                    }
                    visitor.endRow();
                }
            }
        }
    }

    /** Calls {@code handler} for every row of every part, in order, with the cells as values. */
    static void forEach(TabularSource source, RowHandler handler) throws IOException {
        int offset = source.labelColumn() != null ? 1 : 0;
        Object[] cells = new Object[source.columns().size() + offset];
        visit(source, new CellVisitor() {
            @Override
            public void startRow(String label) {
                if (offset == 1) {
                    cells[0] = label;
                }
                Arrays.fill(cells, offset, cells.length, null);
            }

            @Override
            public void cell(int column, JsonToken token, JsonParser p) {
                if (token != JsonToken.VALUE_NULL) {
                    cells[offset + column] = FrameRows.cell(p, token);
                }
            }

            @Override
            public void endRow() throws IOException {
                handler.row(cells);
            }
        });
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
