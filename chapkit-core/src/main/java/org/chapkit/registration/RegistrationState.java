package org.chapkit.registration;

import java.util.Locale;

/** Where this instance's registration with chap-core stands. */
public enum RegistrationState {
    /** Registration is configured but switched off ({@code chapkit.registration.enabled=false}). */
    DISABLED,
    /** Waiting for the application to be ready (web server listening, database migrated). */
    STARTING,
    /** Another instance of the cluster holds the registration; this one takes over if that one stops. */
    STANDBY,
    /** chap-core accepted the registration and the last keepalive. */
    REGISTERED,
    /** The last request to chap-core failed; the next one waits out a backoff. */
    RETRYING,
    /** The application shut down; the registration was removed. */
    STOPPED;

    /** The lower-case name used in health details and logs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
