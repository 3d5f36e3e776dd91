package org.chapkit.health;

import com.fasterxml.jackson.annotation.JsonValue;

/** State of one check or of the whole service, ordered from best to worst. */
public enum HealthState {
    HEALTHY,
    DEGRADED,
    UNHEALTHY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The worse of this state and {@code other}. */
    public HealthState worst(HealthState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
