package org.chapkit.security.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.chapkit.security.access.Role;

/**
 * One audited request.
 *
 * @param id the event's ULID
 * @param at when the response was complete
 * @param subject who: a key's name or id, a token's subject, or the client address when anonymous
 * @param keyPrefix the first characters of the presented API key, or {@code null}
 * @param role the caller's role, or {@code null} when anonymous
 * @param method the HTTP method
 * @param path the request path (without the query)
 * @param resourceId the id of the resource acted on (from the path or the {@code Location} of a create), or
 *     {@code null}
 * @param status the response status
 * @param outcome how the request ended
 * @param requestId the request's {@code X-Request-ID}
 */
public record AuditEvent(
        @JsonProperty("id") String id,
        @JsonProperty("at") Instant at,
        @JsonProperty("subject") String subject,
        @JsonProperty("key_prefix") String keyPrefix,
        @JsonProperty("role") Role role,
        @JsonProperty("method") String method,
        @JsonProperty("path") String path,
        @JsonProperty("resource_id") String resourceId,
        @JsonProperty("status") int status,
        @JsonProperty("outcome") AuditOutcome outcome,
        @JsonProperty("request_id") String requestId) {}
