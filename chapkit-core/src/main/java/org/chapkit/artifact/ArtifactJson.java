package org.chapkit.artifact;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How artifact data meets JSON, following servicekit's {@code JsonSafe}: values that are not JSON become stub objects
 * ({@code _type}, {@code _module}, {@code _repr}, {@code _serialization_error}); binary content shows as a Python-like
 * {@code bytes} stub; list, tree and expand responses leave {@code content} out.
 */
public final class ArtifactJson {

    /** Key of the content inside an artifact's data object. */
    public static final String CONTENT = "content";

    /** Key of the content's MIME type inside an artifact's data object. */
    public static final String CONTENT_TYPE = "content_type";

    /** Key of the content's size inside an artifact's data object. */
    public static final String CONTENT_SIZE = "content_size";

    /** The {@code content_type} of DataFrame content stored as JSON ({@code {columns, data}}). */
    public static final String DATAFRAME_JSON = "application/vnd.chapkit.dataframe+json";

    private static final int MAX_REPR = 200;

    private final JsonMapper mapper;

    public ArtifactJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The mapper artifact data is read and written with. */
    public JsonMapper mapper() {
        return mapper;
    }

    /**
     * Converts Java data to JSON. For a {@link Map}, each top-level value that cannot be written as JSON becomes a
     * stub; any other value that cannot becomes one stub as a whole.
     */
    public JsonNode toJson(Object data) {
        if (data instanceof JsonNode node) {
            return node;
        }
        if (data instanceof Map<?, ?> map) {
            Map<String, Object> safe = new LinkedHashMap<>();
            map.forEach((key, value) -> safe.put(String.valueOf(key), jsonOrStub(value, false)));
            return mapper.valueToTree(safe);
        }
        return jsonOrStub(data, true);
    }

    /**
     * One value as JSON, or a stub when it cannot be written ({@code "Value is not JSON-serializable."}), as a value
     * inside a map given to {@link #toJson} becomes: for a field of a typed artifact that holds a caller's value.
     *
     * @param value any value, may be null
     * @return its JSON, a stub, or a JSON null
     */
    public JsonNode valueOrStub(Object value) {
        return value == null ? NullNode.getInstance() : jsonOrStub(value, false);
    }

    /** The data as served for one artifact: binary content, if any, as a {@code bytes} stub in {@code content}. */
    public JsonNode render(StoredArtifact artifact) {
        if (artifact.hasContent() && artifact.data().isObject()) {
            ObjectNode data = ((ObjectNode) artifact.data()).deepCopy();
            data.set(CONTENT, bytesStub(artifact.content()));
            return data;
        }
        return artifact.data();
    }

    /** The data as served in lists, trees and expand: without {@code content}. */
    public JsonNode strip(JsonNode data) {
        if (data.isObject() && data.has(CONTENT)) {
            ObjectNode copy = ((ObjectNode) data).deepCopy();
            copy.remove(CONTENT);
            return copy;
        }
        return data;
    }

    /** The stub the console recognises as binary content. */
    public ObjectNode bytesStub(ContentInfo content) {
        String repr = pythonBytesRepr(content.head(), content.size() > content.head().length);
        return stub("bytes", "builtins", repr, false);
    }

    private JsonNode jsonOrStub(Object value, boolean whole) {
        if (value instanceof byte[] bytes) {
            // Raw bytes are not JSON: shown as Python shows bytes, not as Jackson's base64 text.
            byte[] head = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, ArtifactContentStore.HEAD_SIZE));
            return stub("bytes", "builtins", pythonBytesRepr(head, bytes.length > head.length), whole);
        }
        try {
            return mapper.valueToTree(value);
        } catch (JacksonException ex) {
            Class<?> type = value.getClass();
            String module = type.getPackageName();
            return stub(type.getSimpleName(), module, truncate(String.valueOf(value)), whole);
        }
    }

    private ObjectNode stub(String type, String module, String repr, boolean whole) {
        ObjectNode stub = mapper.createObjectNode();
        stub.put("_type", type);
        stub.put("_module", module);
        stub.put("_repr", repr);
        stub.put(
                "_serialization_error",
                whole
                        ? "Value is not JSON-serializable. Access the original object from storage if needed."
                        : "Value is not JSON-serializable.");
        return stub;
    }

    private static String truncate(String repr) {
        return repr.length() > MAX_REPR ? repr.substring(0, MAX_REPR) + "..." : repr;
    }

    /**
     * Python's {@code repr(bytes)} of the content, truncated as servicekit does (200 characters plus {@code ...}).
     * Because 200 bytes always render to more than 200 characters, the first 200 bytes decide the result exactly.
     */
    static String pythonBytesRepr(byte[] head, boolean more) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : head) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder repr = new StringBuilder("b").append(quote);
        for (byte b : head) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                repr.append('\\').append((char) c);
            } else if (c == '\t') {
                repr.append("\\t");
            } else if (c == '\n') {
                repr.append("\\n");
            } else if (c == '\r') {
                repr.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                repr.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                repr.append((char) c);
            }
        }
        if (more) {
            // The real repr continues past the head; it is longer than MAX_REPR, so it is cut below anyway.
            return repr.substring(0, Math.min(repr.length(), MAX_REPR)) + "...";
        }
        repr.append(quote);
        return truncate(repr.toString());
    }
}
