package org.chapkit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** A health check tests can turn down, to see how {@code /health} answers an unhealthy service. */
@Component("testSwitch")
public class TestHealthSwitch implements HealthIndicator {

    private final AtomicBoolean down = new AtomicBoolean();

    /** Makes the check report down (true) or up (false). */
    public void setDown(boolean value) {
        down.set(value);
    }

    @Override
    public Health health() {
        return down.get()
                ? Health.down().withDetail("reason", "switched off by a test").build()
                : Health.up().build();
    }
}
