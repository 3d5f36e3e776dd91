package org.chapkit.ml.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * A named model of the registry.
 *
 * @param name the model's name
 * @param latestVersion the highest version number, or {@code null} before the first training
 * @param versions how many versions it has (archived ones included)
 * @param aliases each alias with the version it points at
 * @param createdAt when the model was registered
 */
public record RegisteredModel(
        @JsonProperty("name") String name,
        @JsonProperty("latest_version") Integer latestVersion,
        @JsonProperty("versions") int versions,
        @JsonProperty("aliases") Map<String, Integer> aliases,
        @JsonProperty("created_at") Instant createdAt) {

    /** Copies the aliases. */
    public RegisteredModel {
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
    }
}
