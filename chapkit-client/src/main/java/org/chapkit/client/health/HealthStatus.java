package org.chapkit.client.health;

import java.util.Map;

/**
 * The service's health, from {@code GET /health} (always HTTP 200; read {@link #status()}).
 *
 * @param status the overall state, the worst of the checks
 * @param checks the individual checks by name, empty when the service has none
 */
public record HealthStatus(HealthState status, Map<String, CheckResult> checks) {

    /** Normalises missing checks to an empty map. */
    public HealthStatus {
        checks = checks == null ? Map.of() : Map.copyOf(checks);
    }

    /**
     * Whether the overall state is {@link HealthState#HEALTHY}.
     *
     * @return {@code true} when healthy
     */
    public boolean isHealthy() {
        return status == HealthState.HEALTHY;
    }
}
