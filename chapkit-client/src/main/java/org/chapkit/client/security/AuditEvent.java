package org.chapkit.client.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One entry of the audit trail: a state-changing or a denied request.
 *
 * @param id the entry's id
 * @param at when the request was answered
 * @param subject who made it (key name, token subject), or null when anonymous
 * @param keyPrefix the first characters of the key used, or null
 * @param role the caller's role, or null
 * @param method the HTTP method
 * @param path the request path
 * @param resourceId the id of the resource the request named, or null
 * @param status the HTTP status answered
 * @param outcome {@code succeeded}, {@code denied} or {@code failed}
 * @param requestId the request id ({@code X-Request-ID}, the problem's {@code trace_id})
 */
public record AuditEvent(
        @JsonProperty("id") String id,
        @JsonProperty("at") Instant at,
        @JsonProperty("subject") String subject,
        @JsonProperty("key_prefix") String keyPrefix,
        @JsonProperty("role") String role,
        @JsonProperty("method") String method,
        @JsonProperty("path") String path,
        @JsonProperty("resource_id") String resourceId,
        @JsonProperty("status") int status,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("request_id") String requestId) {}
