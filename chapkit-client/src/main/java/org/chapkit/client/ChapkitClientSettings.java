package org.chapkit.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings of a {@link ChapkitClient}.
 *
 * @param baseUrl root URL of the service, for example {@code http://localhost:8000}; may carry a path prefix
 *     ({@code https://gateway/x/y}) under which {@code /api/v1/...} is resolved
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long to wait for a response's headers on ordinary calls; streams and downloads are
 *     not limited by it once their headers have arrived
 * @param apiKey value of the API-key header, or {@code null} to send none
 * @param apiKeyHeader name of the API-key header ({@code X-API-Key} by default, as servicekit uses)
 * @param userAgent value of the {@code User-Agent} header
 * @param bearerToken an OAuth2 access token (JWT) sent as {@code Authorization: Bearer …}, or {@code null} to send
 *     none
 */
public record ChapkitClientSettings(
        URI baseUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        String apiKey,
        String apiKeyHeader,
        String userAgent,
        String bearerToken) {

    /** The default API-key header name. */
    public static final String DEFAULT_API_KEY_HEADER = "X-API-Key";

    /** The default {@code User-Agent}. */
    public static final String DEFAULT_USER_AGENT = "chapkit-java-client";

    /** Default connect timeout: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Default request timeout: 60 seconds. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** Validates the settings and fills in defaults for {@code null} members. */
    public ChapkitClientSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be absolute (http://host:port), got " + baseUrl);
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        apiKeyHeader = apiKeyHeader == null || apiKeyHeader.isBlank() ? DEFAULT_API_KEY_HEADER : apiKeyHeader;
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
    }

    /** Settings without a bearer token (the form before tokens were supported). */
    public ChapkitClientSettings(
            URI baseUrl,
            Duration connectTimeout,
            Duration requestTimeout,
            String apiKey,
            String apiKeyHeader,
            String userAgent) {
        this(baseUrl, connectTimeout, requestTimeout, apiKey, apiKeyHeader, userAgent, null);
    }

    /**
     * Settings with defaults for everything but the base URL.
     *
     * @param baseUrl root URL of the service
     * @return the settings
     */
    public static ChapkitClientSettings of(String baseUrl) {
        return new ChapkitClientSettings(URI.create(baseUrl), null, null, null, null, null, null);
    }

    /** Hides the API key and the token. */
    @Override
    public String toString() {
        return "ChapkitClientSettings[baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", apiKey=" + (apiKey == null ? "none" : "***") + ", apiKeyHeader=" + apiKeyHeader
                + ", userAgent=" + userAgent + ", bearerToken=" + (bearerToken == null ? "none" : "***") + "]";
    }
}
