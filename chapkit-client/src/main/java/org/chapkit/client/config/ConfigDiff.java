package org.chapkit.client.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What changed between two versions of a config ({@code GET …/configs/{id}/$diff}).
 *
 * @param configId the config's id
 * @param fromVersion the older version
 * @param toVersion the newer version
 * @param changes the changes, in field order
 */
public record ConfigDiff(
        @JsonProperty("config_id") String configId,
        @JsonProperty("from_version") long fromVersion,
        @JsonProperty("to_version") long toVersion,
        @JsonProperty("changes") List<Change> changes) {

    /** Normalises missing changes to an empty list. */
    public ConfigDiff {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /**
     * One change.
     *
     * @param path {@code name}, {@code tags}, or a JSON pointer into the data ({@code /data/n_lags})
     * @param from the value before ({@code null} when the field was added)
     * @param to the value after ({@code null} when the field was removed)
     */
    public record Change(
            @JsonProperty("path") String path,
            @JsonProperty("from") JsonNode from,
            @JsonProperty("to") JsonNode to) {}
}
