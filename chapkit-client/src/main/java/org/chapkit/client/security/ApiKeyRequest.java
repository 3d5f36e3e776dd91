package org.chapkit.client.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The body of {@code POST /api/v1/keys}.
 *
 * @param name a name for the key (who or what uses it)
 * @param role {@code viewer}, {@code operator} or {@code admin}
 * @param expiresAt when it stops working, or null for never
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyRequest(
        @JsonProperty("name") String name,
        @JsonProperty("role") String role,
        @JsonProperty("expires_at") Instant expiresAt) {}
