package org.chapkit.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint as the API shows it (never with its secret).
 *
 * @param id the endpoint's id
 * @param url where events are POSTed
 * @param types the event types it gets ({@code org.chapkit.job.completed}, or a prefix ending in {@code *} such as
 *     {@code org.chapkit.job.*}); empty for every type
 * @param enabled whether events are delivered to it (a disabled endpoint keeps its place and resumes there)
 * @param maxAttempts failed attempts of one event before it goes to the dead-letter table
 * @param timeoutMillis how long one POST may take, connect and answer
 * @param description free text
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record WebhookEndpoint(
        @JsonProperty("id") String id,
        @JsonProperty("url") String url,
        @JsonProperty("types") List<String> types,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("max_attempts") int maxAttempts,
        @JsonProperty("timeout_ms") long timeoutMillis,
        @JsonProperty("description") String description,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    /** The name of its event destination: {@code webhook:<id>}. */
    public String destinationName() {
        return WebhookManager.DESTINATION_PREFIX + id;
    }

    /**
     * Whether it wants events of {@code type}.
     *
     * @param type an event type
     * @return {@code true} when {@link #types()} is empty or matches
     */
    public boolean wants(String type) {
        if (types.isEmpty()) {
            return true;
        }
        for (String pattern : types) {
            if (pattern.endsWith("*")
                    ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                    : type.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
