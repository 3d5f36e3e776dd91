package org.chapkit.security.key;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.chapkit.security.access.Role;

/**
 * A managed API key as listed by {@code GET /api/v1/keys}: everything but the secret, which is never stored.
 *
 * @param id the key's ULID
 * @param name a label chosen at creation
 * @param role the key's role
 * @param prefix the first characters of the secret, to recognise it
 * @param createdAt when it was made
 * @param expiresAt when it stops working, or {@code null} for never
 * @param revokedAt when it was revoked, or {@code null}
 */
public record ApiKey(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("role") Role role,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("revoked_at") Instant revokedAt) {

    /** Whether the key works at {@code now}: not revoked and not expired. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
