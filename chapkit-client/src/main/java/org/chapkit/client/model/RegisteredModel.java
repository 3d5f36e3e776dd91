package org.chapkit.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * A registered model.
 *
 * @param name its name
 * @param latestVersion its highest version, or {@code null} before the first training
 * @param versions how many versions it has
 * @param aliases each alias with its version
 * @param createdAt when it was registered
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisteredModel(
        @JsonProperty("name") String name,
        @JsonProperty("latest_version") Integer latestVersion,
        @JsonProperty("versions") int versions,
        @JsonProperty("aliases") Map<String, Integer> aliases,
        @JsonProperty("created_at") Instant createdAt) {}
