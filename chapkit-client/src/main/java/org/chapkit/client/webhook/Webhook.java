package org.chapkit.client.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint: the service POSTs every event it wants to {@code url}, signed with the endpoint's secret.
 *
 * @param id the endpoint's id
 * @param url where events are POSTed
 * @param types event types it gets (a trailing {@code *} matches a prefix); empty for all
 * @param enabled whether it gets events
 * @param maxAttempts failed attempts of one event before it becomes a dead letter
 * @param timeoutMillis how long one POST may take
 * @param description free text, or null
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Webhook(
        @JsonProperty("id") String id,
        @JsonProperty("url") String url,
        @JsonProperty("types") List<String> types,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("max_attempts") int maxAttempts,
        @JsonProperty("timeout_ms") long timeoutMillis,
        @JsonProperty("description") String description,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {}
