package org.chapkit.autoconfigure.registration;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chapkit.registration.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registration of the service with chap-core's service registry. Nothing happens unless {@code orchestrator-url} is
 * set. The registration key is never a property: it comes from {@code key-file} or an environment variable named in
 * {@code key-env}.
 *
 * @param orchestratorUrl chap-core's base URL ({@code http://chap:8000}) or its register endpoint ({@code
 *     http://chap:8000/v2/services/$register}, the value of servicekit's {@code SERVICEKIT_ORCHESTRATOR_URL});
 *     setting it switches registration on
 * @param enabled set to false to keep the URL configured but not register (the health shows {@code disabled})
 * @param advertisedUrl the URL chap-core reaches this service at; in a cluster the load balancer's URL. Unset: derived
 *     from {@code server.address} (or the host name) and the port the server listens on
 * @param keepaliveInterval time between keepalives ({@code PUT ping_url}); chap-core forgets a service after 30 s
 *     without one. It also bounds a cluster's takeover time when the holding instance dies
 * @param requestTimeout connect and answer time-out of each request to chap-core
 * @param keyEnv environment variables to read the {@code X-Service-Key} from, first set wins
 * @param keyFile file holding the {@code X-Service-Key} (a mounted secret); read for every request, so rotating the
 *     file needs no restart. Takes precedence over {@code key-env}
 * @param clusterLock whether instances on one database hold the registration one at a time through a database lease
 *     (the registry sees one registration from a load-balanced cluster). Without a database each instance registers
 * @param backoff delays between attempts after failures
 */
@ConfigurationProperties("chapkit.registration")
public record ChapkitRegistrationProperties(
        URI orchestratorUrl,
        @DefaultValue("true") boolean enabled,
        URI advertisedUrl,
        @DefaultValue("10s") Duration keepaliveInterval,
        @DefaultValue("10s") Duration requestTimeout,

        @DefaultValue({"CHAPKIT_REGISTRATION_KEY", "SERVICEKIT_REGISTRATION_KEY"})
        List<String> keyEnv,

        Path keyFile,
        @DefaultValue("true") boolean clusterLock,
        @DefaultValue BackoffProperties backoff) {

    /**
     * Exponential backoff with jitter after failed requests (401, 5xx, unreachable): the n-th consecutive failure
     * waits between half and all of {@code min(max, initial * 2^(n-1))}.
     *
     * @param initial base delay after the first failure
     * @param max upper bound of the base delay
     */
    public record BackoffProperties(
            @DefaultValue("1s") Duration initial,
            @DefaultValue("60s") Duration max) {

        Backoff toBackoff() {
            return new Backoff(initial, max);
        }
    }
}
