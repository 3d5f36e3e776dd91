package org.chapkit.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chapkit.client.ChapkitProblemException;
import org.chapkit.client.ProblemFieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes an error response into a {@link ChapkitProblemException}. Understands the contract's error shapes
 * (§2.5): problem+json with an {@code errors} list, {@code {"detail": "..."}}, FastAPI's 422
 * {@code {"detail": [{"loc": [...], "msg": "..."}]}}, servicekit's {@code {"detail": "...", "errors": "..."}} and
 * plain text.
 */
final class ProblemDecoder {

    private static final int MAX_ERROR_BODY = 1 << 20;
    private static final int MAX_TEXT_DETAIL = 2000;
    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance", "errors");
    private static final Set<String> LOCATION_PREFIXES = Set.of("body", "query", "path", "header");

    private ProblemDecoder() {}

    static ChapkitProblemException decode(
            JsonMapper mapper, String method, URI uri, HttpResponse<InputStream> response) {
        int status = response.statusCode();
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            ChapkitProblemException problem = new ChapkitProblemException(
                    method, uri, status, null, reason(status), null, null, List.of(), Map.of());
            problem.addSuppressed(e);
            return problem;
        }
        JsonNode root = parse(mapper, body);
        if (root == null || !root.isObject()) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            if (text.length() > MAX_TEXT_DETAIL) {
                text = text.substring(0, MAX_TEXT_DETAIL) + "...";
            }
            return new ChapkitProblemException(
                    method, uri, status, null, reason(status), text.isEmpty() ? null : text, null, List.of(), Map.of());
        }
        URI type = typeOf(root.get("type"));
        String title = text(root.get("title"));
        String detail = null;
        List<ProblemFieldError> errors = new ArrayList<>();
        JsonNode detailNode = root.get("detail");
        if (detailNode != null && detailNode.isArray()) {
            detail = "Request validation failed";
            for (JsonNode item : detailNode) {
                errors.add(fastApi(mapper, item, text(item.get("msg"))));
            }
        } else if (detailNode != null && !detailNode.isNull()) {
            detail = detailNode.isString() ? detailNode.stringValue() : detailNode.toString();
        }
        JsonNode errorsNode = root.get("errors");
        if (errorsNode != null && errorsNode.isArray()) {
            for (JsonNode item : errorsNode) {
                if (item.isObject() && item.has("field")) {
                    errors.add(new ProblemFieldError(text(item.get("field")), text(item.get("message"))));
                } else if (item.isObject()) {
                    String message = text(item.get("msg"));
                    errors.add(fastApi(mapper, item, message == null ? text(item.get("message")) : message));
                } else {
                    errors.add(new ProblemFieldError(null, item.isString() ? item.stringValue() : item.toString()));
                }
            }
        } else if (errorsNode != null && errorsNode.isString()) {
            errors.add(new ProblemFieldError(null, errorsNode.stringValue()));
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            if (!STANDARD.contains(member.getKey())) {
                extensions.put(member.getKey(), mapper.convertValue(member.getValue(), Object.class));
            }
        }
        return new ChapkitProblemException(
                method,
                uri,
                status,
                type,
                title == null ? reason(status) : title,
                detail,
                text(root.get("instance")),
                errors,
                extensions);
    }

    private static JsonNode parse(JsonMapper mapper, byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static URI typeOf(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }

    /** A FastAPI-style entry {@code {loc, type, msg}} (generation 2's {@code errors}, FastAPI's 422 detail). */
    private static ProblemFieldError fastApi(JsonMapper mapper, JsonNode item, String message) {
        List<Object> loc = new ArrayList<>();
        JsonNode locNode = item.get("loc");
        if (locNode != null && locNode.isArray()) {
            locNode.forEach(part -> loc.add(mapper.convertValue(part, Object.class)));
        }
        return new ProblemFieldError(location(locNode), message, loc, text(item.get("type")));
    }

    /**
     * FastAPI's {@code loc} (for example {@code ["body","tags",1]}) as the field path generation 1 writes
     * ({@code tags[1]}), the leading source left out.
     */
    private static String location(JsonNode loc) {
        if (loc == null || !loc.isArray() || loc.isEmpty()) {
            return text(loc);
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < loc.size(); i++) {
            String part = loc.get(i).isString()
                    ? loc.get(i).stringValue()
                    : loc.get(i).toString();
            if (i == 0 && LOCATION_PREFIXES.contains(part)) {
                continue;
            }
            if (loc.get(i).isIntegralNumber()) {
                path.append('[').append(part).append(']');
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    /** The standard reason phrase, used as the title of bodies that carry none. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
