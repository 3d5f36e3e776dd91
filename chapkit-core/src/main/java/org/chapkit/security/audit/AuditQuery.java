package org.chapkit.security.audit;

import java.time.Instant;

/**
 * Filters of {@code GET /api/v1/audit}; {@code null} members do not filter.
 *
 * @param subject exact subject
 * @param outcome exact outcome
 * @param method exact HTTP method
 * @param pathPrefix paths starting with this
 * @param since events at or after
 * @param until events before
 */
public record AuditQuery(
        String subject, AuditOutcome outcome, String method, String pathPrefix, Instant since, Instant until) {}
