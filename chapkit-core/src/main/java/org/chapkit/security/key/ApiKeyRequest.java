package org.chapkit.security.key;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Body of {@code POST /api/v1/keys}.
 *
 * @param name a label for the key (required, at most 200 characters)
 * @param role {@code viewer}, {@code operator} or {@code admin} (required)
 * @param expiresAt when the key stops working (optional, in the future)
 */
public record ApiKeyRequest(
        @JsonProperty("name") String name,
        @JsonProperty("role") String role,
        @JsonProperty("expires_at") Instant expiresAt) {}
