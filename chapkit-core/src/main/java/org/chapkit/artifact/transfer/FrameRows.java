package org.chapkit.artifact.transfer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answer of {@code GET /api/v1/artifacts/{id}/$rows}: one window of a stored DataFrame, as the web console's table
 * preview pages through it.
 *
 * @param columns the frame's columns
 * @param data the rows of the window, each a list of cells in column order
 * @param offset index of the first row of the window
 * @param limit most rows asked for
 * @param totalRows rows in the whole frame
 */
public record FrameRows(
        @JsonProperty("columns") List<String> columns,
        @JsonProperty("data") List<JsonNode> data,
        @JsonProperty("offset") int offset,
        @JsonProperty("limit") int limit,
        @JsonProperty("total_rows") long totalRows) {

    /** Default of the most rows one window holds ({@code chapkit.artifacts.max-rows-limit}). */
    public static final int MAX_LIMIT = 500;

    /** Copies the lists. */
    public FrameRows {
        columns = List.copyOf(columns);
        data = List.copyOf(data);
    }

    /**
     * Reads a window by streaming the stored rows: rows before and after it are skipped, only counted.
     *
     * @param source a single stored frame
     * @param offset first row, from 0
     * @param limit most rows
     * @param mapper reads each kept row
     * @return the window
     */
    public static FrameRows read(TabularSource source, int offset, int limit, JsonMapper mapper) {
        // The rows are read one by one from a longer document, so the reader must not insist on its end.
        ObjectReader reader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        List<JsonNode> rows = new ArrayList<>();
        long total = 0;
        try (JsonParser parser = source.openRows(0)) {
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                if (total >= offset && rows.size() < limit) {
                    rows.add(reader.readTree(parser));
                } else {
                    parser.skipChildren();
                }
                total++;
            }
        }
        return new FrameRows(source.columns(), rows, offset, limit, total);
    }
}
