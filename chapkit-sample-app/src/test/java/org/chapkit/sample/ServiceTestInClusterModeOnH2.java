package org.chapkit.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.chapkit.test.ServiceTestOnH2;
import org.springframework.test.context.TestPropertySource;

/**
 * The sample service on a random port with a fresh H2 database, in cluster mode with short heartbeats and lock
 * renewals, so that it is the leader within a second. Tests with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceTestOnH2
@TestPropertySource(
        properties = {
            "chapkit.cluster.enabled=true",
            "chapkit.cluster.heartbeat-interval=200ms",
            "chapkit.cluster.leader-heartbeat=300ms",
            "chapkit.cluster.leader-busy-wait=100ms"
        })
public @interface ServiceTestInClusterModeOnH2 {}
