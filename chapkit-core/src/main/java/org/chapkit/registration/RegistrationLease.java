package org.chapkit.registration;

import java.util.Optional;

/**
 * Decides which instance of a cluster holds the registration. Every instance behind one load-balanced URL calls
 * {@link #acquire()} periodically; at most one gets {@code true} at a time, and it must call again before its lease
 * runs out to keep it.
 */
public interface RegistrationLease {

    /** Takes the lease when it is free or expired, or renews it when this instance holds it. */
    boolean acquire();

    /** Gives the lease up (on shutdown), so another instance can take it at once. */
    void release();

    /** Who holds the lease now, when known. */
    Optional<String> holder();

    /** The name this instance holds the lease under. */
    String self();

    /** A lease for a single instance: always held. */
    static RegistrationLease solo(String self) {
        return new RegistrationLease() {
            @Override
            public boolean acquire() {
                return true;
            }

            @Override
            public void release() {}

            @Override
            public Optional<String> holder() {
                return Optional.of(self);
            }

            @Override
            public String self() {
                return self;
            }
        };
    }
}
