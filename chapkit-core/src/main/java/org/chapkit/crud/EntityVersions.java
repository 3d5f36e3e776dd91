package org.chapkit.crud;

import java.util.OptionalLong;
import org.chapkit.problem.BadRequestException;
import org.chapkit.problem.ConflictException;

/**
 * Optimistic locking over HTTP: every entity has a version, sent as a strong {@code ETag} ({@code "3"}); a client
 * that sends it back in {@code If-Match} has its write refused when someone else changed the entity first
 * ({@link VersionMismatchException}: 409 in contract generation 1, 412 in generation 2).
 */
public final class EntityVersions {

    private EntityVersions() {}

    /** The {@code ETag} header value of {@code version}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header asks for; empty when the header is absent or {@code *}.
     *
     * @throws BadRequestException when the header is not an ETag this service issued
     */
    public static OptionalLong parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException ex) {
            throw new BadRequestException(
                    "If-Match must be an ETag returned by this service (for example \"3\"), got " + ifMatch, ex);
        }
    }

    /**
     * Checks that an entity is still at the version the client expects.
     *
     * @throws VersionMismatchException when it is not
     */
    public static void check(String entity, String id, long current, OptionalLong expected) {
        if (expected.isPresent() && expected.getAsLong() != current) {
            throw new VersionMismatchException(
                    "%s %s is at version %d, not the version %d that If-Match names; reload and retry"
                            .formatted(entity, id, current, expected.getAsLong()));
        }
    }

    /** The conflict raised when a write finds a newer version than the one it started from. */
    public static ConflictException stale(String entity, String id, long expected, long current) {
        return new ConflictException(
                "%s %s was modified concurrently: expected version %d, current version is %d; reload and retry"
                        .formatted(entity, id, expected, current));
    }
}
