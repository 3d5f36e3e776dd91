package org.chapkit.health;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Outcome of one named health check.
 *
 * @param state the check's state
 * @param message why it is not healthy; omitted when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(HealthState state, String message) {

    /** A healthy check with no message. */
    public static CheckResult healthy() {
        return new CheckResult(HealthState.HEALTHY, null);
    }
}
