package org.chapkit.autoconfigure.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * In cluster mode ({@code chapkit.cluster.enabled=true}), makes the {@code readiness} health group
 * ({@code /actuator/health/readiness}) reflect more than the application's availability state: {@code cluster} (this
 * member's heartbeats reach the database) and {@code jobs} (its job system runs and it is not fenced) join
 * {@code readinessState} (which a graceful drain turns to refusing traffic). A default of lowest precedence: an
 * application that sets {@code management.endpoint.health.group.readiness.include} itself keeps its own. Liveness is
 * left to the availability state alone, so that a database outage takes members out of the load balancer without
 * restarting them all.
 */
public final class ClusterReadinessDefaults implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source holding the default. */
    public static final String PROPERTY_SOURCE = "chapkitClusterReadiness";

    /** The property this sets by default. */
    static final String READINESS_INCLUDE = "management.endpoint.health.group.readiness.include";

    /** The class cluster mode needs (Spring Integration's leader initiator); without it there is no cluster. */
    static final String LEADER_INITIATOR = "org.springframework.integration.support.leader.LockRegistryLeaderInitiator";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("chapkit.cluster.enabled", Boolean.class, false)
                || environment.containsProperty(READINESS_INCLUDE)
                || !ClassUtils.isPresent(LEADER_INITIATOR, application.getClassLoader())) {
            return;
        }
        List<String> members = new ArrayList<>(List.of("readinessState"));
        // a contributor switched off must not be named: Boot refuses a group naming a contributor that does not exist
        for (String contributor : List.of("cluster", "jobs")) {
            if (enabled(environment, contributor)) {
                members.add(contributor);
            }
        }
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(PROPERTY_SOURCE, Map.of(READINESS_INCLUDE, String.join(",", members))));
    }

    private static boolean enabled(ConfigurableEnvironment environment, String contributor) {
        boolean defaults = environment.getProperty("management.health.defaults.enabled", Boolean.class, true);
        return environment.getProperty("management.health." + contributor + ".enabled", Boolean.class, defaults);
    }

    @Override
    public int getOrder() {
        // after the config data (application.yml) is loaded, so an include configured there is seen
        return Ordered.LOWEST_PRECEDENCE;
    }
}
