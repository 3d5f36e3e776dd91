package org.chapkit.ml.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One version of a registered model: a successful training artifact, numbered per model from 1.
 *
 * @param model the model's name
 * @param version the version number
 * @param artifactId the training artifact's ULID ({@code artifact_id} of {@code $predict})
 * @param status {@code active}, or {@code archived} (no longer served, kept for lineage)
 * @param lineage where it came from
 * @param aliases the aliases pointing at it
 * @param createdAt when the training that produced it completed
 * @param archivedAt when it was archived, or {@code null}
 */
public record ModelVersion(
        @JsonProperty("model") String model,
        @JsonProperty("version") int version,
        @JsonProperty("artifact_id") String artifactId,
        @JsonProperty("status") Status status,
        @JsonProperty("lineage") ModelLineage lineage,
        @JsonProperty("aliases") List<String> aliases,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("archived_at") Instant archivedAt) {

    /** Copies the aliases. */
    public ModelVersion {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** Whether a version is served. */
    public enum Status {
        /** Served by {@code $predict} and the inference endpoints. */
        @JsonProperty("active")
        ACTIVE,
        /** Kept for lineage, no longer served; no alias may point at it. */
        @JsonProperty("archived")
        ARCHIVED;

        /**
         * The stored and wire name.
         *
         * @return {@code active} or {@code archived}
         */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
