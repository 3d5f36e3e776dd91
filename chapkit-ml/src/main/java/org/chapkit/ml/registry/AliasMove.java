package org.chapkit.ml.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One move of an alias, as recorded in its history.
 *
 * @param id the move's ULID
 * @param model the model's name
 * @param alias the alias
 * @param fromVersion the version it pointed at before, or {@code null} when it was created
 * @param toVersion the version it points at since, or {@code null} when it was deleted
 * @param movedAt when it moved
 */
public record AliasMove(
        @JsonProperty("id") String id,
        @JsonProperty("model") String model,
        @JsonProperty("alias") String alias,
        @JsonProperty("from_version") Integer fromVersion,
        @JsonProperty("to_version") Integer toVersion,
        @JsonProperty("moved_at") Instant movedAt) {}
