package org.chapkit.autoconfigure.registration;

import org.chapkit.registration.ChapCoreRegistration;
import org.chapkit.registration.RegistrationState;
import org.chapkit.registration.RegistrationStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code registration} health contributor. It is always UP: a chap-core that is down or rejects the key is
 * chap-core's problem, and must not take this service out of a load balancer. The state ({@code registered},
 * {@code retrying}, {@code standby}, {@code starting}, {@code disabled}, {@code stopped}) and the last error are in
 * the details.
 */
final class RegistrationHealthIndicator implements HealthIndicator {

    private final ObjectProvider<ChapCoreRegistration> registration;

    RegistrationHealthIndicator(ObjectProvider<ChapCoreRegistration> registration) {
        this.registration = registration;
    }

    @Override
    public Health health() {
        ChapCoreRegistration current = registration.getIfAvailable();
        if (current == null) {
            return Health.up()
                    .withDetail("state", RegistrationState.DISABLED.label())
                    .build();
        }
        RegistrationStatus status = current.status();
        Health.Builder health = Health.up()
                .withDetail("state", status.state().label())
                .withDetail("service_id", status.serviceId())
                .withDetail("register_url", status.registerUrl().toString())
                .withDetail("instance", status.instance())
                .withDetail("attempts", status.attempts())
                .withDetail("failures", status.failures());
        if (status.advertisedUrl() != null) {
            health.withDetail("advertised_url", status.advertisedUrl().toString());
        }
        if (status.lastSuccess() != null) {
            health.withDetail("last_success", status.lastSuccess().toString());
        }
        if (status.lastError() != null) {
            health.withDetail("last_error", status.lastError());
        }
        return health.build();
    }
}
