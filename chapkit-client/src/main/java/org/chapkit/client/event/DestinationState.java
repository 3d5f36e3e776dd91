package org.chapkit.client.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Where the delivery of events to one destination (a broker adapter or a webhook endpoint) stands.
 *
 * @param name the destination, e.g. {@code rabbitmq} or {@code webhook:<id>}
 * @param registered whether a destination of that name exists on the answering instance
 * @param position the last log position delivered (or skipped)
 * @param lag events in the log after {@code position}
 * @param attempts failed attempts at the next event
 * @param failingSince when the current run of failures began, or null
 * @param nextAttemptAt when the next attempt is due after a failure, or null
 * @param lastError the last failure's message, or null
 * @param owner the instance delivering now, or null
 * @param delivered events delivered so far
 * @param deadLettered events given up on so far
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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
