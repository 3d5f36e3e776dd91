package org.chapkit.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as it leaves the service: a CloudEvents 1.0 structured-mode JSON document
 * ({@code application/cloudevents+json}) with two extensions, {@code sequence} (the event's number within its
 * subject, from 1, without gaps while the log keeps it) and {@code position} (its place in the service's log, the SSE
 * {@code id:}). Its JSON is the same on every destination; {@code docs/events.md} documents it.
 *
 * @param specversion always {@code 1.0}
 * @param id the event's id (a ULID): consumers de-duplicate by it
 * @param type e.g. {@code org.chapkit.job.completed}
 * @param source {@code /chapkit/<service id>/<instance>}
 * @param subject e.g. {@code jobs/01JD…}
 * @param time when the state change happened (UTC, microseconds)
 * @param sequence the event's number within {@code subject}
 * @param position the event's place in the log
 * @param datacontenttype always {@code application/json}
 * @param data the event record, as JSON
 */
@JsonPropertyOrder({
    "specversion",
    "id",
    "type",
    "source",
    "subject",
    "time",
    "sequence",
    "position",
    "datacontenttype",
    "data"
})
public record EventEnvelope(
        @JsonProperty("specversion") String specversion,
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("source") String source,
        @JsonProperty("subject") String subject,
        @JsonProperty("time") Instant time,
        @JsonProperty("sequence") long sequence,
        @JsonProperty("position") long position,
        @JsonProperty("datacontenttype") String datacontenttype,
        @JsonProperty("data") JsonNode data) {

    /** The CloudEvents version of the envelope. */
    public static final String SPEC_VERSION = "1.0";

    /** The media type of the envelope's JSON (CloudEvents structured mode). */
    public static final String MEDIA_TYPE = "application/cloudevents+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The envelope as JSON, exactly as every destination sends it.
     *
     * @return compact JSON
     */
    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /**
     * Reads an envelope written by {@link #toJson()}.
     *
     * @param json the JSON
     * @return the envelope
     */
    public static EventEnvelope fromJson(String json) {
        return JSON.readValue(json, EventEnvelope.class);
    }

    /**
     * The data read as the event record it was written from.
     *
     * @param type the record class, e.g. {@code JobCompleted.class}
     * @param <E> the record type
     * @return the record
     */
    public <E> E dataAs(Class<E> type) {
        return JSON.treeToValue(data, type);
    }
}
