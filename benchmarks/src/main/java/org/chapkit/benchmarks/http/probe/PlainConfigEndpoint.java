package org.chapkit.benchmarks.http.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline of metric 3, added to the running sample app (the harness puts this package and an {@code
 * AutoConfiguration.imports} naming this class on its class path): {@code GET /bench/plain/configs/{id}}, a
 * hand-written Spring MVC endpoint that reads the same row with {@code JdbcClient} and returns the same JSON as
 * chapkit's {@code GET /api/v1/configs/{id}}.
 */
@AutoConfiguration
public class PlainConfigEndpoint {

    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {};

    /**
     * The same fields as chapkit's {@code ConfigOut}.
     *
     * @param id ULID
     * @param createdAt creation time
     * @param updatedAt last change
     * @param tags tags
     * @param name name
     * @param data values
     */
    @JsonPropertyOrder({"id", "created_at", "updated_at", "tags", "name", "data"})
    public record PlainConfig(
            String id,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt,
            List<String> tags,
            String name,
            JsonNode data) {}

    /** The endpoint (registered as a member class of the auto-configuration). */
    @RestController
    public static class Controller {

        private final JdbcClient jdbc;
        private final JsonMapper mapper;

        Controller(JdbcClient jdbc, JsonMapper mapper) {
            this.jdbc = jdbc;
            this.mapper = mapper;
        }

        @GetMapping("/bench/plain/configs/{id}")
        public ResponseEntity<PlainConfig> get(@PathVariable String id) {
            return jdbc.sql("SELECT id, name, data, tags, created_at, updated_at FROM configs WHERE id = ?")
                    .param(id)
                    .query((rs, row) -> new PlainConfig(
                            rs.getString("id"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                            mapper.readValue(rs.getString("tags"), TAGS),
                            rs.getString("name"),
                            mapper.readTree(rs.getString("data"))))
                    .optional()
                    .map(ResponseEntity::ok)
                    .orElseGet(() -> ResponseEntity.notFound().build());
        }
    }
}
