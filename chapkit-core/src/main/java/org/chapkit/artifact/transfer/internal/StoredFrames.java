package org.chapkit.artifact.transfer.internal;

import java.util.ArrayList;
import java.util.List;
import org.chapkit.artifact.ArtifactJson;
import org.chapkit.artifact.transfer.TabularSource;
import org.chapkit.problem.BadRequestException;
import org.chapkit.problem.NotFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A {@link TabularSource} over stored artifacts whose data holds a DataFrame in {@code content}. Each part is read
 * from the stored JSON text with a streaming parser over {@link StoredData#open}: a large text is streamed from the
 * database, not held, and no JSON tree or row list is built.
 */
final class StoredFrames implements TabularSource {

    private final StoredData data;
    private final List<String> ids;
    private final List<String> columns;
    private final String labelColumn;

    private StoredFrames(StoredData data, List<String> ids, List<String> columns, String labelColumn) {
        this.data = data;
        this.ids = List.copyOf(ids);
        this.columns = List.copyOf(columns);
        this.labelColumn = labelColumn;
    }

    /**
     * The frames of {@code ids}, checked up front (before a response is committed) to be DataFrames with the same
     * columns.
     */
    static StoredFrames of(StoredData data, List<String> ids, String labelColumn) {
        List<String> columns = null;
        for (String id : ids) {
            FrameInfo info = scanHead(data, id);
            if (!info.isFrame()) {
                throw new BadRequestException("Artifact " + id + " does not hold a DataFrame (content_type "
                        + ArtifactJson.DATAFRAME_JSON + " with columns and data)");
            }
            if (columns == null) {
                columns = info.columns();
            } else if (!columns.equals(info.columns())) {
                throw new BadRequestException(
                        "Artifact " + id + " has columns " + info.columns() + " but the export has " + columns
                                + "; only frames with the same columns can be exported together");
            }
        }
        if (columns == null) {
            throw new NotFoundException("No DataFrame artifacts to export");
        }
        return new StoredFrames(data, ids, columns, labelColumn);
    }

    /**
     * Scans the first {@value ArtifactFrames#HEAD_CHARS} characters of the stored text, which hold {@code content_type} and the
     * columns for any frame written the usual way; only when they do not (a truncated text throws) is the whole value
     * streamed. The head is one short query: PostgreSQL's {@code substring} detoasts only the slice it needs, so a
     * large frame is not materialised on the server twice (once for this check, once for the export).
     */
    private static FrameInfo scanHead(StoredData data, String id) {
        String head = data.head(id, ArtifactFrames.HEAD_CHARS)
                .orElseThrow(() -> new NotFoundException("Artifact " + id + " not found"));
        try {
            return scan(data.parser(head));
        } catch (JacksonException truncated) {
            return scan(data.open(id).orElseThrow(() -> new NotFoundException("Artifact " + id + " not found")));
        }
    }

    /** What a scan of one artifact's data found. */
    record FrameInfo(String contentType, List<String> columns, boolean hasData) {

        boolean isFrame() {
            return columns != null
                    && hasData
                    && (ArtifactJson.DATAFRAME_JSON.equals(contentType)
                            || "text/csv".equals(contentType)
                            || "application/json".equals(contentType));
        }
    }

    /**
     * Reads {@code content_type} and the frame's columns, skipping over the rows without building them; stops as
     * soon as all three are known (usual key order: {@code content_type} before {@code content}, {@code columns}
     * before {@code data}), so a large frame is not read to its end. Closes the parser.
     */
    static FrameInfo scan(JsonParser parser) {
        String contentType = null;
        List<String> columns = null;
        boolean hasData = false;
        try (JsonParser p = parser) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new FrameInfo(null, null, false);
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(ArtifactJson.CONTENT_TYPE) && value == JsonToken.VALUE_STRING) {
                    contentType = p.getString();
                } else if (name.equals(ArtifactJson.CONTENT) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = p.currentName();
                        JsonToken fieldValue = p.nextToken();
                        if (field.equals("columns") && fieldValue == JsonToken.START_ARRAY) {
                            columns = new ArrayList<>();
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                columns.add(p.getValueAsString());
                            }
                        } else {
                            hasData |= field.equals("data") && fieldValue == JsonToken.START_ARRAY;
                            if (hasData && columns != null && contentType != null) {
                                return new FrameInfo(contentType, columns, true);
                            }
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return new FrameInfo(contentType, columns, hasData);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String labelColumn() {
        return labelColumn;
    }

    @Override
    public int parts() {
        return ids.size();
    }

    @Override
    public String label(int part) {
        return ids.get(part);
    }

    @Override
    public JsonParser openRows(int part) {
        String id = ids.get(part);
        JsonParser p = data.open(id)
                .orElseThrow(() -> new IllegalStateException("Artifact " + id + " was deleted during the export"));
        try {
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(ArtifactJson.CONTENT) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = p.currentName();
                        if (p.nextToken() == JsonToken.START_ARRAY && field.equals("data")) {
                            return p;
                        }
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (RuntimeException ex) {
            p.close();
            throw ex;
        }
        p.close();
        throw new IllegalStateException("Artifact " + id + " changed during the export");
    }
}
