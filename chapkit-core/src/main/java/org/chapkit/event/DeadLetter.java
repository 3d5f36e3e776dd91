package org.chapkit.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An event a destination gave up on after its policy's attempts; {@code POST
 * /api/v1/events/dead-letters/{id}/$replay} delivers it again.
 *
 * @param id the dead letter's id
 * @param destination the destination that failed
 * @param position the event's place in the log
 * @param eventId the event's id (null once the log no longer keeps it)
 * @param type the event's type (null once the log no longer keeps it)
 * @param attempts failed attempts
 * @param error the last failure
 * @param deadAt when it was given up on
 * @param replayedAt when a replay delivered it, or null
 */
public record DeadLetter(
        @JsonProperty("id") String id,
        @JsonProperty("destination") String destination,
        @JsonProperty("position") long position,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("type") String type,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("error") String error,
        @JsonProperty("dead_at") Instant deadAt,
        @JsonProperty("replayed_at") Instant replayedAt) {}
