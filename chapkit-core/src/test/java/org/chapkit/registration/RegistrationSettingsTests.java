package org.chapkit.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistrationSettingsTests {

    @Test
    void aDeadHoldersLeaseLapsesAndIsTakenWithinOneKeepaliveInterval() {
        RegistrationSettings settings = new RegistrationSettings(
                "my-model", Duration.ofSeconds(10), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        // worst case: the holder renewed just before dying; a standby checked just before the lease lapsed
        Duration worstTakeover = settings.leaseDuration().plus(settings.leaseCheckPeriod());
        assertThat(worstTakeover).isLessThanOrEqualTo(settings.keepaliveInterval());
        // a live holder renews at least twice per lease, so one slow renewal does not lose it
        assertThat(settings.leaseCheckPeriod().multipliedBy(2)).isLessThanOrEqualTo(settings.leaseDuration());
    }
}
