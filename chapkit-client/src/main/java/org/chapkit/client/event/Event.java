package org.chapkit.client.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One domain event as the service stores and delivers it: a CloudEvents 1.0 envelope with chapkit's ordering
 * extensions. De-duplicate by {@code id}; order by {@code sequence} within a {@code subject}.
 *
 * @param id unique id, the same in every delivery of this event
 * @param type e.g. {@code org.chapkit.job.completed}
 * @param source service id and instance
 * @param subject what the event is about, e.g. a job id
 * @param time when the state change committed
 * @param sequence position of the event among its subject's events, from 1
 * @param position position in the service's event log (the SSE {@code id:})
 * @param data the event's fields
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Event(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("source") String source,
        @JsonProperty("subject") String subject,
        @JsonProperty("time") Instant time,
        @JsonProperty("sequence") long sequence,
        @JsonProperty("position") long position,
        @JsonProperty("data") JsonNode data) {}
