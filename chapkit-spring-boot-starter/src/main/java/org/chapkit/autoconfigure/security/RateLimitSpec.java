package org.chapkit.autoconfigure.security;

import org.chapkit.security.ratelimit.RateLimit;
import org.springframework.boot.convert.DurationStyle;

/** Parses the {@code <requests>/<period>} form of {@code chapkit.security.rate-limit.*}, for example {@code 60/1m}. */
final class RateLimitSpec {

    private RateLimitSpec() {}

    /** The limit written as {@code value}, or {@code null} when it is empty (no limit). */
    static RateLimit parse(String property, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int slash = value.indexOf('/');
        try {
            if (slash < 1) {
                throw new IllegalArgumentException("missing '/'");
            }
            long requests = Long.parseLong(value.substring(0, slash).trim());
            return new RateLimit(
                    requests,
                    DurationStyle.detectAndParse(value.substring(slash + 1).trim()));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(
                    "chapkit.security.rate-limit." + property + " must look like 60/1m (requests/period), got '" + value
                            + "'",
                    ex);
        }
    }
}
