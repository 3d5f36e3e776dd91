package org.chapkit.taskrun.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The result-cache key of a call: SHA-256 of its params as canonical JSON (keys sorted at every level). */
final class CanonicalParams {

    private CanonicalParams() {}

    static String hash(ObjectMapper mapper, ObjectNode params) {
        String canonical =
                mapper.writeValueAsString(sorted(mapper, params == null ? mapper.createObjectNode() : params));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    private static JsonNode sorted(ObjectMapper mapper, JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(mapper, e.getValue())));
            ObjectNode out = mapper.createObjectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = mapper.createArrayNode();
            node.forEach(item -> out.add(sorted(mapper, item)));
            return out;
        }
        return node;
    }
}
