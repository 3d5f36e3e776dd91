package org.chapkit.artifact;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON Schema of {@code ArtifactOut}, served by {@code GET /api/v1/artifacts/$schema}. */
final class ArtifactSchemas {

    private ArtifactSchemas() {}

    static ObjectNode artifactOut(JsonMapper mapper) {
        ObjectNode schema = mapper.createObjectNode();
        schema.put("title", "ArtifactOut");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        string(properties, "id", "Id").put("description", "ULID");
        string(properties, "created_at", "Created At").put("format", "date-time");
        string(properties, "updated_at", "Updated At").put("format", "date-time");
        ObjectNode tags = properties.putObject("tags");
        tags.put("title", "Tags");
        tags.put("type", "array");
        tags.putObject("items").put("type", "string");
        properties.putObject("data").put("title", "Data");
        ObjectNode parent = properties.putObject("parent_id");
        parent.put("title", "Parent Id");
        parent.putArray("anyOf")
                .add(mapper.createObjectNode().put("type", "string"))
                .add(mapper.createObjectNode().put("type", "null"));
        ObjectNode level = properties.putObject("level");
        level.put("title", "Level");
        level.put("type", "integer");
        schema.putArray("required")
                .add("id")
                .add("created_at")
                .add("updated_at")
                .add("tags")
                .add("data")
                .add("level");
        return schema;
    }

    private static ObjectNode string(ObjectNode properties, String name, String title) {
        ObjectNode node = properties.putObject(name);
        node.put("title", title);
        node.put("type", "string");
        return node;
    }
}
