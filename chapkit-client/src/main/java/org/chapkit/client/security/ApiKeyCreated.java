package org.chapkit.client.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A newly created key with its secret, which the service shows this once.
 *
 * @param id the key's id
 * @param name the name given at creation
 * @param role {@code viewer}, {@code operator} or {@code admin}
 * @param prefix the first characters of the secret
 * @param createdAt when it was created
 * @param expiresAt when it stops working, or null
 * @param secret the key itself, to send as {@code X-API-Key}
 */
public record ApiKeyCreated(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("role") String role,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("secret") String secret) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ApiKeyCreated[id=" + id + ", name=" + name + ", role=" + role + ", prefix=" + prefix + "]";
    }
}
