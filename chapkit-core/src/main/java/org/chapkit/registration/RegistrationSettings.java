package org.chapkit.registration;

import java.time.Duration;

/**
 * How the registration behaves.
 *
 * @param serviceId the id to register (the info document's {@code id})
 * @param keepaliveInterval time between keepalives; also bounds how long a cluster goes without a holder
 * @param backoff delays between failed attempts
 */
public record RegistrationSettings(String serviceId, Duration keepaliveInterval, Backoff backoff) {

    /** Checks the interval. */
    public RegistrationSettings {
        if (keepaliveInterval == null || keepaliveInterval.isNegative() || keepaliveInterval.isZero()) {
            throw new IllegalArgumentException("keepalive interval must be positive, got " + keepaliveInterval);
        }
    }

    /**
     * How long a taken lease lasts: two thirds of the keepalive interval. With {@link #leaseCheckPeriod()} at one
     * third, a dead holder's lease lapses and a standby instance takes over within one keepalive interval, while a
     * live holder can miss one renewal without losing it.
     */
    public Duration leaseDuration() {
        return keepaliveInterval.multipliedBy(2).dividedBy(3);
    }

    /** How often every instance takes or renews the lease: a third of the keepalive interval. */
    public Duration leaseCheckPeriod() {
        return keepaliveInterval.dividedBy(3);
    }
}
