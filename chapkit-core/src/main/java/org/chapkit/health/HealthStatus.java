package org.chapkit.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code GET /health}: the worst state of all checks and each check by name. With no checks the body
 * is {@code {"status":"healthy"}}.
 *
 * @param status overall state
 * @param checks checks by name; omitted when empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HealthStatus(HealthState status, Map<String, CheckResult> checks) {

    /** Aggregates named check results into a status whose state is the worst of them. */
    public static HealthStatus of(Map<String, CheckResult> checks) {
        HealthState overall = HealthState.HEALTHY;
        for (CheckResult check : checks.values()) {
            overall = overall.worst(check.state());
        }
        return new HealthStatus(overall, java.util.Collections.unmodifiableMap(new TreeMap<>(checks)));
    }
}
