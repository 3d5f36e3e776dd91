package org.chapkit.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Where one destination's delivery stands: what {@code GET /api/v1/events/destinations} shows, so that a stuck
 * destination is visible.
 *
 * @param name the destination
 * @param registered whether a destination of that name exists on this instance
 * @param position the last event delivered (or skipped)
 * @param lag events in the log after {@code position}
 * @param attempts failed attempts at the next event
 * @param failingSince when the next event first failed, or null
 * @param nextAttemptAt when it is tried again, or null
 * @param lastError the last failure, or null
 * @param owner the instance delivering, or null
 * @param delivered events delivered since the destination was created
 * @param deadLettered events given up on since the destination was created
 */
public record DestinationState(
        @JsonProperty("name") String name,
        @JsonProperty("registered") boolean registered,
        @JsonProperty("position") long position,
        @JsonProperty("lag") long lag,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("failing_since") Instant failingSince,
        @JsonProperty("next_attempt_at") Instant nextAttemptAt,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("owner") String owner,
        @JsonProperty("delivered") long delivered,
        @JsonProperty("dead_lettered") long deadLettered) {}
