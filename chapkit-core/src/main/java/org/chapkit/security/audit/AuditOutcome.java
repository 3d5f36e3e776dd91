package org.chapkit.security.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an audited request ended. */
public enum AuditOutcome {
    /** Answered with a 1xx–3xx status. */
    SUCCEEDED,
    /** Refused by security: 401 (no or bad credentials), 403 (role too low) or 429 (rate limit). */
    DENIED,
    /** Allowed, but answered with another 4xx or a 5xx status. */
    FAILED;

    /** {@code succeeded}, {@code denied} or {@code failed}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a response status. */
    public static AuditOutcome ofStatus(int status) {
        if (status == 401 || status == 403 || status == 429) {
            return DENIED;
        }
        return status < 400 ? SUCCEEDED : FAILED;
    }
}
