package org.chapkit.client.security;

import java.time.Instant;

/**
 * Which audit entries {@link SecurityClient#audit} asks for; null filters are not sent.
 *
 * @param page the page, from 1
 * @param size entries per page
 * @param subject only this caller
 * @param outcome only this outcome (e.g. {@code denied})
 * @param method only this HTTP method
 * @param pathPrefix only paths starting with this
 * @param since only entries at or after this time
 * @param until only entries before this time
 */
public record AuditFilter(
        int page,
        int size,
        String subject,
        String outcome,
        String method,
        String pathPrefix,
        Instant since,
        Instant until) {

    /** The first {@code size} entries, unfiltered. */
    public static AuditFilter firstPage(int size) {
        return new AuditFilter(1, size, null, null, null, null, null, null);
    }

    /** This filter, for entries with {@code newOutcome} only. */
    public AuditFilter withOutcome(String newOutcome) {
        return new AuditFilter(page, size, subject, newOutcome, method, pathPrefix, since, until);
    }
}
