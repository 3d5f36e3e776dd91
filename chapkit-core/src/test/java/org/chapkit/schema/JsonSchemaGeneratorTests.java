package org.chapkit.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.chapkit.apps.AppInfo;
import org.chapkit.artifact.ArtifactOut;
import org.chapkit.job.JobRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class JsonSchemaGeneratorTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final JsonSchemaGenerator generator = new JsonSchemaGenerator(MAPPER);

    @Test
    void theJobListSchemaIsExactlyWhatPythonChapkitServes() throws IOException {
        // pydantic's TypeAdapter(list[JobRecord]).json_schema(), as servicekit's /api/v1/jobs/$schema returns it.
        JsonNode pydantic;
        try (InputStream in = getClass().getResourceAsStream("pydantic-job-record-list.json")) {
            pydantic = MAPPER.readTree(in);
        }

        assertThat(generator.listSchema(JobRecord.class)).isEqualTo(pydantic);
    }

    @Test
    void theAppListSchemaPutsTheModelUnderDefsWithNullableFieldsAsAnyOfNull() {
        ObjectNode schema = generator.listSchema(AppInfo.class);

        assertThat(schema.get("type").asString()).isEqualTo("array");
        assertThat(schema.get("items").get("$ref").asString()).isEqualTo("#/$defs/AppInfo");
        JsonNode app = schema.get("$defs").get("AppInfo");
        assertThat(app.get("title").asString()).isEqualTo("AppInfo");
        assertThat(names(app.get("required"))).containsExactly("name", "version", "prefix", "entry", "is_package");
        assertThat(app.get("properties").get("is_package").toString())
                .isEqualTo("{\"type\":\"boolean\",\"title\":\"Is Package\"}");
        assertThat(app.get("properties").get("author").toString())
                .isEqualTo(
                        "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}],\"default\":null,\"title\":\"Author\"}");
    }

    @Test
    void theArtifactSchemaIsOneModelWithAnyDataAndANullableParent() {
        ObjectNode schema = generator.modelSchema(ArtifactOut.class);

        assertThat(schema.has("$defs")).isFalse();
        assertThat(schema.get("title").asString()).isEqualTo("ArtifactOut");
        assertThat(schema.get("type").asString()).isEqualTo("object");
        assertThat(names(schema.get("required")))
                .containsExactly("id", "created_at", "updated_at", "tags", "data", "level");
        JsonNode properties = schema.get("properties");
        assertThat(properties.get("created_at").get("format").asString()).isEqualTo("date-time");
        assertThat(properties.get("tags").get("items").get("type").asString()).isEqualTo("string");
        assertThat(properties.get("data").has("type")).isFalse();
        assertThat(properties.get("parent_id").get("anyOf").get(1).get("type").asString())
                .isEqualTo("null");
        assertThat(properties.get("level").get("type").asString()).isEqualTo("integer");
    }

    enum Colour {
        RED,
        GREEN
    }

    record Leaf(String name) {}

    @Schema(description = "A tree")
    record Tree(Leaf leaf, Optional<Colour> colour, List<Tree> children) {}

    @Test
    void nestedRecordsAndEnumsAreDefinedOnceAndReferencedAndARecursiveRecordRefersToItself() {
        ObjectNode schema = generator.modelSchema(Tree.class);

        assertThat(schema.get("description").asString()).isEqualTo("A tree");
        assertThat(names(schema.get("$defs"))).containsExactly("Leaf", "Colour", "Tree");
        JsonNode properties = schema.get("properties");
        assertThat(properties.get("leaf").toString()).isEqualTo("{\"$ref\":\"#/$defs/Leaf\"}");
        assertThat(properties.get("colour").get("anyOf").get(0).get("$ref").asString())
                .isEqualTo("#/$defs/Colour");
        assertThat(properties.get("children").get("items").get("$ref").asString())
                .isEqualTo("#/$defs/Tree");
        assertThat(schema.get("$defs").get("Colour").get("enum").toString()).isEqualTo("[\"RED\",\"GREEN\"]");
        assertThat(names(schema.get("required"))).containsExactly("leaf", "children");
    }

    private static List<String> names(JsonNode node) {
        if (node.isArray()) {
            return node.valueStream().map(JsonNode::asString).toList();
        }
        return List.copyOf(node.propertyNames());
    }
}
