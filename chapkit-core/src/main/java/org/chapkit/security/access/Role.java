package org.chapkit.security.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles a key or token carries. Each includes the ones before it: an operator may do everything a viewer may,
 * an admin everything an operator may.
 */
public enum Role {
    /** Reads: every GET, including SSE streams. */
    VIEWER,
    /** Runs work: {@code $train}, {@code $predict}, {@code $validate}, task {@code $execute}, schedule
     * {@code $trigger}, job cancel. */
    OPERATOR,
    /** Changes the service: creates, updates and deletes configs, artifacts and schedules, enables and disables
     * tasks, manages keys and reads the audit trail. */
    ADMIN;

    /** The role's name on the wire and in properties: {@code viewer}, {@code operator}, {@code admin}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority of this role, {@code ROLE_VIEWER} and so on. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether a caller with this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** The role named {@code value} (case-insensitive); for JSON bodies. */
    @JsonCreator
    public static Role of(String value) {
        return fromName(value)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown role '" + value + "'; expected viewer, operator or admin"));
    }

    /** The role named {@code value} (case-insensitive), if it is one. */
    public static Optional<Role> fromName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        return Arrays.stream(values())
                .filter(role -> role.name().equalsIgnoreCase(trimmed))
                .findFirst();
    }

    /** The role of a Spring Security authority string, if it is one of ours. */
    public static Optional<Role> fromAuthority(String authority) {
        return authority != null && authority.startsWith("ROLE_")
                ? fromName(authority.substring("ROLE_".length()))
                : Optional.empty();
    }
}
