package org.chapkit.ml.service;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.format.DataFrameReaders;
import org.chapkit.ml.geo.FeatureCollection;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ProblemType;
import org.chapkit.web.DecompressionLimits;
import org.springframework.http.MediaType;
import org.springframework.util.InvalidMimeTypeException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the parts of a multipart {@code $train}/{@code $predict} (and a bare CSV/Parquet body) into the request
 * records, with the same readers and type rules as artifact {@code $import}. Every problem names the part it is
 * about; nothing here writes anything, so a rejected upload leaves no job and no artifact behind.
 */
final class FrameUploads {

    /** Name of the part holding the JSON object without its DataFrames. */
    static final String REQUEST_PART = "request";

    private final JsonMapper mapper;
    private final DecompressionLimits decompression;

    FrameUploads(JsonMapper mapper, DecompressionLimits decompression) {
        this.mapper = mapper;
        this.decompression = decompression;
    }

    /**
     * The {@code request} part as a JSON object (any part Content-Type: curl's {@code -F request=…} sends none).
     * Its DataFrame keys must come as parts instead, so a frame is never given twice.
     */
    ObjectNode fields(Part request, List<String> frameParts) {
        if (request == null) {
            return mapper.createObjectNode();
        }
        JsonNode node;
        try (InputStream in = request.getInputStream()) {
            node = mapper.readTree(in);
        } catch (IOException | JacksonException ex) {
            throw invalid(REQUEST_PART, "is not valid JSON: " + message(ex), ex);
        }
        if (!(node instanceof ObjectNode object)) {
            throw invalid(REQUEST_PART, "must be a JSON object");
        }
        for (String frame : frameParts) {
            if (object.has(frame)) {
                throw invalid(REQUEST_PART, "must not contain '" + frame + "'; send it as its own part");
            }
        }
        return object;
    }

    /**
     * A string field of the request part, or the form field / query parameter of the same name; both given must
     * agree.
     *
     * @param fields the request part, or null when the request has none
     */
    static String field(ObjectNode fields, String name, String parameter) {
        String value = optionalField(fields, name, parameter);
        if (value == null) {
            throw invalidField(name, "is missing: give it in the '" + REQUEST_PART + "' part or as a form field");
        }
        return value;
    }

    /** Like {@link #field}, but null when neither the request part nor the form has it. */
    static String optionalField(ObjectNode fields, String name, String parameter) {
        JsonNode value = fields == null ? null : fields.get(name);
        if (value != null && !value.isNull() && !value.isString()) {
            throw invalid(REQUEST_PART, "'" + name + "' must be a string");
        }
        String fromPart = value == null || value.isNull() ? null : value.asString();
        if (fromPart != null && parameter != null && !fromPart.equals(parameter)) {
            throw invalidField(name, "given twice with different values ('" + fromPart + "' and '" + parameter + "')");
        }
        return fromPart != null ? fromPart : parameter;
    }

    /** The GeoJSON from the {@code geo} part or the request part's {@code geo} key; null when neither. */
    FeatureCollection geo(Part part, ObjectNode fields) {
        JsonNode inline = fields.get("geo");
        boolean hasInline = inline != null && !inline.isNull();
        if (part != null && hasInline) {
            throw invalid("geo", "given both as a part and in the '" + REQUEST_PART + "' part");
        }
        if (hasInline) {
            return geoOf(inline, REQUEST_PART + ".geo");
        }
        if (part == null) {
            return null;
        }
        JsonNode node;
        try (InputStream in = DataFrameReaders.gunzipped(part.getInputStream(), decompression, "Part 'geo'")) {
            node = mapper.readTree(in);
        } catch (IOException | JacksonException ex) {
            throw invalid("geo", "is not valid JSON: " + message(ex), ex);
        }
        return geoOf(node, "geo");
    }

    /** A DataFrame part; its Content-Type (or, for a generic one, its file name) picks the reader. */
    DataFrame frame(Part part, String name) {
        if (part == null) {
            throw invalid(name, "is missing (a CSV, Parquet or JSON DataFrame file)");
        }
        String format = formatOf(part.getContentType(), part.getSubmittedFileName(), name);
        try (InputStream in = part.getInputStream()) {
            return read(format, in, name, "Part '" + name + "'");
        } catch (IOException ex) {
            throw invalid(name, "cannot be read: " + ex.getMessage(), ex);
        }
    }

    /** A bare request body holding one DataFrame. */
    DataFrame frame(InputStream body, String contentType, String name) {
        String format = formatOf(contentType, null, name);
        return read(format, body, name, "The request body (" + name + ")");
    }

    private DataFrame read(String format, InputStream in, String name, String label) {
        try (InputStream plain = DataFrameReaders.gunzipped(in, decompression, label)) {
            return DataFrameReaders.read(format, plain, mapper);
        } catch (IOException ex) {
            throw invalid(name, label + " is not a readable " + format + " file: " + message(ex), ex);
        } catch (ChapkitException ex) {
            if (ex.getStatusCode().value() != ProblemType.BAD_REQUEST.status().value()) {
                throw ex; // 406 without Parquet: the instructions stay as they are.
            }
            throw invalid(name, label + " is malformed: " + ex.getMessage(), ex);
        }
    }

    private static String formatOf(String contentType, String fileName, String name) {
        String base = null;
        if (contentType != null && !contentType.isBlank()) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                base = type.getType() + "/" + type.getSubtype();
            } catch (InvalidMimeTypeException ex) {
                throw invalid(name, "has an invalid Content-Type '" + contentType + "'", ex);
            }
        }
        String described = base == null ? "no Content-Type" : "Content-Type " + base;
        return DataFrameReaders.formatOf(base, fileName)
                .orElseThrow(() -> new ChapkitException(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "Part '" + name + "' has " + described
                                + (fileName == null ? "" : " and file name '" + fileName + "'")
                                + "; send text/csv, application/vnd.apache.parquet, application/json or"
                                + " application/jsonl (optionally gzipped)"));
    }

    private FeatureCollection geoOf(JsonNode node, String where) {
        try {
            return mapper.treeToValue(node, FeatureCollection.class);
        } catch (JacksonException | IllegalArgumentException ex) {
            throw invalid(where, "is not a GeoJSON FeatureCollection: " + message(ex), ex);
        }
    }

    private static String message(Exception ex) {
        if (ex instanceof JacksonException jackson) {
            String location = jackson.getLocation() == null
                    ? ""
                    : " (line " + jackson.getLocation().getLineNr() + ", column "
                            + jackson.getLocation().getColumnNr() + ")";
            return jackson.getOriginalMessage() + location;
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** A 400 about one part (or field): the detail names it, and {@code errors} carries it as the field. */
    private static ChapkitException invalid(String part, String message) {
        return invalid(part, message, null);
    }

    private static ChapkitException invalid(String part, String message, Throwable cause) {
        String detail = message.startsWith("Part '") || message.startsWith("The request body")
                ? message
                : "Part '" + part + "' " + message;
        return new ChapkitException(ProblemType.VALIDATION_FAILED, detail, cause)
                .withFieldErrors(List.of(new FieldError(part, detail)));
    }

    private static ChapkitException invalidField(String field, String message) {
        return new ChapkitException(ProblemType.VALIDATION_FAILED, "Field '" + field + "' " + message)
                .withFieldErrors(List.of(new FieldError(field, message)));
    }
}
