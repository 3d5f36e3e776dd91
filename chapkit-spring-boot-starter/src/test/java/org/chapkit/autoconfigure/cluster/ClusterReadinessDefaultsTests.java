package org.chapkit.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * The readiness group's default in cluster mode: the availability state, the cluster heartbeat and the job system;
 * nothing outside cluster mode; an application's own include kept; a contributor switched off not named.
 */
class ClusterReadinessDefaultsTests {

    private static String readinessAfter(MockEnvironment environment) {
        new ClusterReadinessDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(ClusterReadinessDefaults.READINESS_INCLUDE);
    }

    @Test
    void inClusterModeReadinessIncludesTheClusterAndTheJobSystem() {
        assertThat(readinessAfter(new MockEnvironment().withProperty("chapkit.cluster.enabled", "true")))
                .isEqualTo("readinessState,cluster,jobs");
    }

    @Test
    void outsideClusterModeNothingIsSet() {
        assertThat(readinessAfter(new MockEnvironment())).isNull();
        assertThat(readinessAfter(new MockEnvironment().withProperty("chapkit.cluster.enabled", "false")))
                .isNull();
    }

    @Test
    void anApplicationsOwnIncludeWinsAndASwitchedOffContributorIsNotNamed() {
        assertThat(readinessAfter(new MockEnvironment()
                        .withProperty("chapkit.cluster.enabled", "true")
                        .withProperty(ClusterReadinessDefaults.READINESS_INCLUDE, "readinessState,db")))
                .isEqualTo("readinessState,db");
        assertThat(readinessAfter(new MockEnvironment()
                        .withProperty("chapkit.cluster.enabled", "true")
                        .withProperty("management.health.jobs.enabled", "false")))
                .isEqualTo("readinessState,cluster");
        assertThat(readinessAfter(new MockEnvironment()
                        .withProperty("chapkit.cluster.enabled", "true")
                        .withProperty("management.health.defaults.enabled", "false")))
                .isEqualTo("readinessState");
    }
}
