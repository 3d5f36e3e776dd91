package org.chapkit.client.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@link WebhookClient#create} and {@link WebhookClient#update}; null fields are not sent (on update:
 * left as they are; on create: the service's defaults, and a generated secret).
 *
 * @param url where events are POSTed
 * @param secret the signing secret, or null
 * @param types event types the endpoint gets, or null
 * @param enabled whether it gets events, or null
 * @param maxAttempts failed attempts before a dead letter, or null
 * @param timeoutMillis how long one POST may take, or null
 * @param description free text, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookRequest(
        @JsonProperty("url") String url,
        @JsonProperty("secret") String secret,
        @JsonProperty("types") List<String> types,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("max_attempts") Integer maxAttempts,
        @JsonProperty("timeout_ms") Long timeoutMillis,
        @JsonProperty("description") String description) {

    /** An endpoint at {@code url} getting {@code types} (every type when empty), with the service's defaults. */
    public static WebhookRequest to(String url, List<String> types) {
        return new WebhookRequest(url, null, types, null, null, null, null);
    }
}
