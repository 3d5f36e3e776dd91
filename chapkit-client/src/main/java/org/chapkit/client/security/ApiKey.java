package org.chapkit.client.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A managed API key as the service lists it: never its secret, only the first characters ({@code prefix}).
 *
 * @param id the key's id
 * @param name the name given at creation
 * @param role {@code viewer}, {@code operator} or {@code admin}
 * @param prefix the first characters of the secret, to recognise it
 * @param createdAt when it was created
 * @param expiresAt when it stops working, or null
 * @param revokedAt when it was revoked, or null
 */
public record ApiKey(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("role") String role,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("revoked_at") Instant revokedAt) {}
