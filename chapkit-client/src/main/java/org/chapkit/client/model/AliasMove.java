package org.chapkit.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One recorded move of an alias.
 *
 * @param id the move's ULID
 * @param model the model
 * @param alias the alias
 * @param fromVersion where it pointed before, or {@code null} when it was created
 * @param toVersion where it points since, or {@code null} when it was deleted
 * @param movedAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AliasMove(
        @JsonProperty("id") String id,
        @JsonProperty("model") String model,
        @JsonProperty("alias") String alias,
        @JsonProperty("from_version") Integer fromVersion,
        @JsonProperty("to_version") Integer toVersion,
        @JsonProperty("moved_at") Instant movedAt) {}
