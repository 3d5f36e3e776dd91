package org.chapkit.health;

/** Runs the service's health checks and aggregates them. The starter adapts Spring Boot Actuator's contributors. */
@FunctionalInterface
public interface HealthReporter {

    /** Runs every check now. Never throws: a failing check is reported as unhealthy. */
    HealthStatus report();
}
