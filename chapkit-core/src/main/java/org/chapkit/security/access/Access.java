package org.chapkit.security.access;

import java.util.Locale;
import java.util.Optional;

/** What an endpoint requires: nothing ({@link #PUBLIC}) or at least one of the three roles. */
public enum Access {
    /** Anyone, without credentials. */
    PUBLIC(null),
    /** At least {@link Role#VIEWER}. */
    VIEWER(Role.VIEWER),
    /** At least {@link Role#OPERATOR}. */
    OPERATOR(Role.OPERATOR),
    /** {@link Role#ADMIN}. */
    ADMIN(Role.ADMIN);

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    /** The least role required, empty for {@link #PUBLIC}. */
    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    /** The name used in docs/security.md: {@code public}, {@code viewer}, {@code operator}, {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The access of a role. */
    public static Access of(Role role) {
        return valueOf(role.name());
    }
}
