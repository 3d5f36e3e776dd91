package org.chapkit.registration;

import java.net.URI;
import java.time.Instant;

/**
 * A snapshot of the registration for health details and diagnostics.
 *
 * @param state where the registration stands
 * @param serviceId the id registered under
 * @param registerUrl chap-core's register endpoint
 * @param advertisedUrl the URL chap-core is told to reach the service at, null before start
 * @param pingUrl the keepalive URL chap-core gave, null when not registered
 * @param instance this instance's lease name
 * @param lastSuccess when chap-core last accepted a registration or keepalive, null if never
 * @param lastError the last failure, null after a success
 * @param attempts requests sent to chap-core
 * @param failures requests that failed
 */
public record RegistrationStatus(
        RegistrationState state,
        String serviceId,
        URI registerUrl,
        URI advertisedUrl,
        URI pingUrl,
        String instance,
        Instant lastSuccess,
        String lastError,
        long attempts,
        long failures) {}
