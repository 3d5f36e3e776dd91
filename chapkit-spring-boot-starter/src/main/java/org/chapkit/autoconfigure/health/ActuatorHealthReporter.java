package org.chapkit.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chapkit.health.CheckResult;
import org.chapkit.health.HealthReporter;
import org.chapkit.health.HealthState;
import org.chapkit.health.HealthStatus;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports every Actuator {@link HealthContributor} as a chapkit check, so any {@code HealthIndicator} bean a user
 * adds shows up in {@code /health}. Actuator's {@code db} contributor is reported under chapkit's name
 * {@code database}; composite contributors become {@code parent.child} checks.
 */
public final class ActuatorHealthReporter implements HealthReporter {

    private final HealthContributors contributors;

    public ActuatorHealthReporter(HealthContributors contributors) {
        this.contributors = contributors;
    }

    @Override
    public HealthStatus report() {
        Map<String, CheckResult> checks = new LinkedHashMap<>();
        collect("", contributors, checks);
        return HealthStatus.of(checks);
    }

    private static void collect(String prefix, HealthContributors group, Map<String, CheckResult> checks) {
        for (HealthContributors.Entry entry : group) {
            String name = prefix.isEmpty() ? chapkitName(entry.name()) : prefix + "." + entry.name();
            HealthContributor contributor = entry.contributor();
            if (contributor instanceof HealthIndicator indicator) {
                checks.put(name, check(indicator));
            } else if (contributor instanceof CompositeHealthContributor composite) {
                collect(name, composite, checks);
            }
        }
    }

    private static CheckResult check(HealthIndicator indicator) {
        try {
            Health health = indicator.health(false);
            return toCheck(health);
        } catch (RuntimeException ex) {
            return new CheckResult(HealthState.UNHEALTHY, "Check failed: " + ex.getMessage());
        }
    }

    static CheckResult toCheck(Health health) {
        Status status = health.getStatus();
        HealthState state;
        if (Status.UP.equals(status)) {
            state = HealthState.HEALTHY;
        } else if (Status.DOWN.equals(status) || Status.OUT_OF_SERVICE.equals(status)) {
            state = HealthState.UNHEALTHY;
        } else {
            state = HealthState.DEGRADED;
        }
        if (state == HealthState.HEALTHY) {
            return CheckResult.healthy();
        }
        Object error = health.getDetails().get("error");
        String message = error != null ? error.toString() : status.getDescription();
        return new CheckResult(state, message == null || message.isBlank() ? status.getCode() : message);
    }

    private static String chapkitName(String actuatorName) {
        return actuatorName.equals("db") ? "database" : actuatorName;
    }
}
