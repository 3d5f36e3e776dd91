package org.chapkit.artifact.transfer.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chapkit.artifact.ArtifactJson;
import org.chapkit.problem.BadRequestException;
import org.chapkit.problem.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an artifact's JSON {@code content} for {@code $download}, as chapkit does: a DataFrame
 * ({@code {columns, data}}) as records JSON, or as CSV when {@code content_type} is {@code text/csv}; any other
 * object as JSON.
 */
final class ArtifactDownloads {

    static final String DATAFRAME_JSON = ArtifactJson.DATAFRAME_JSON;
    static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/zip",
            "zip",
            "text/csv",
            "csv",
            "application/json",
            "json",
            DATAFRAME_JSON,
            "json",
            "image/png",
            "png");

    private ArtifactDownloads() {}

    /** The content type an artifact's data declares, {@code application/octet-stream} by default. */
    static String contentType(JsonNode data) {
        JsonNode type = data.isObject() ? data.get(ArtifactJson.CONTENT_TYPE) : null;
        return type != null && type.isString() && !type.asString().isBlank() ? type.asString() : OCTET_STREAM;
    }

    /** The {@code Content-Disposition} file name. */
    static String fileName(String id, String contentType) {
        String base = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return "artifact_" + id + "." + EXTENSIONS.getOrDefault(base, "bin");
    }

    /** The body for JSON content. */
    static byte[] body(JsonMapper mapper, JsonNode data, String contentType) {
        if (!data.isObject()) {
            throw new BadRequestException("Artifact has no downloadable content");
        }
        JsonNode content = data.get(ArtifactJson.CONTENT);
        if (content == null || content.isNull()) {
            throw new NotFoundException("Artifact has no content");
        }
        if (!content.isObject()) {
            throw new BadRequestException("Cannot serialize content of type " + pythonType(content));
        }
        boolean frame = content.has("columns") && content.has("data");
        if (frame && contentType.equals("text/csv")) {
            return csv(content).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (frame && (contentType.equals(DATAFRAME_JSON) || contentType.equals("application/json"))) {
            return mapper.writeValueAsBytes(records(mapper, content));
        }
        return mapper.writeValueAsBytes(content);
    }

    private static ArrayNode records(JsonMapper mapper, JsonNode frame) {
        List<String> columns =
                frame.get("columns").valueStream().map(JsonNode::asString).toList();
        ArrayNode records = mapper.createArrayNode();
        for (JsonNode row : frame.get("data")) {
            ObjectNode record = records.addObject();
            for (int i = 0; i < columns.size(); i++) {
                JsonNode value = row.get(i);
                record.set(
                        columns.get(i), value == null ? mapper.getNodeFactory().nullNode() : value);
            }
        }
        return records;
    }

    /** Python {@code csv.writer} defaults: comma, minimal quoting, CRLF line ends, None as an empty field. */
    private static String csv(JsonNode frame) {
        StringBuilder out = new StringBuilder();
        List<String> columns =
                frame.get("columns").valueStream().map(JsonNode::asString).toList();
        out.append(String.join(
                        ",", columns.stream().map(ArtifactDownloads::quote).toList()))
                .append("\r\n");
        for (JsonNode row : frame.get("data")) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                JsonNode value = row.get(i);
                if (value.isNull()) {
                    continue;
                }
                String text = value.isBoolean() ? (value.asBoolean() ? "True" : "False") : value.asString();
                line.append(quote(text));
            }
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    private static String pythonType(JsonNode node) {
        if (node.isString()) {
            return "str";
        }
        if (node.isArray()) {
            return "list";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isIntegralNumber()) {
            return "int";
        }
        if (node.isNumber()) {
            return "float";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
