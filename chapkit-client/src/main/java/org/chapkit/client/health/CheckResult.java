package org.chapkit.client.health;

/**
 * The outcome of one named health check.
 *
 * @param state the check's state
 * @param message why it is not healthy, or {@code null}
 */
public record CheckResult(HealthState state, String message) {}
