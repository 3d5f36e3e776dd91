package org.chapkit.problem;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the name of the violated constraint in a database integrity error, so that a 409 can name it without
 * passing the database's message (which holds SQL and values) to the client.
 */
public final class IntegrityViolations {

    /** PostgreSQL: {@code violates unique constraint "configs_pkey"}. */
    private static final Pattern POSTGRES = Pattern.compile("constraint \"([^\"]+)\"");

    /** H2: {@code Referential integrity constraint violation: "FK_X: ...} or {@code violation: "PUBLIC.PK ON ...}. */
    private static final Pattern H2 = Pattern.compile("violation: \"(?:PUBLIC\\.)?([A-Za-z0-9_]+)");

    private IntegrityViolations() {}

    /** The constraint named by {@code error} or one of its causes, lower-cased; empty when none is recognisable. */
    public static Optional<String> constraintOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message == null) {
                continue;
            }
            for (Pattern pattern : new Pattern[] {POSTGRES, H2}) {
                Matcher matcher = pattern.matcher(message);
                if (matcher.find()) {
                    return Optional.of(matcher.group(1).toLowerCase(Locale.ROOT));
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
