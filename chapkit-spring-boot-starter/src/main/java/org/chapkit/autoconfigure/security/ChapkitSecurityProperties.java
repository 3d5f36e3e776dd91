package org.chapkit.autoconfigure.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chapkit.security.access.Access;
import org.chapkit.security.access.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security of a chapkit service (docs/security.md). Off by default, as in chapkit; Spring Security's headers are
 * sent either way.
 *
 * @param enabled whether requests need an API key or a bearer token (by the role table)
 * @param apiKeyHeader name of the API-key header, servicekit's {@code X-API-Key}
 * @param apiKeys keys accepted, servicekit's direct list; each has the role {@code api-key-role}
 * @param apiKeyFile a file with one key per line ({@code #} comments and blank lines ignored); must exist if set
 * @param apiKeyEnv environment variable with comma-separated keys, servicekit's {@code SERVICEKIT_API_KEYS}
 * @param apiKeyRole role of the keys from {@code api-keys}, {@code api-key-file} and {@code api-key-env}; servicekit
 *     keys may do everything, hence {@code admin}
 * @param keys keys with a name and their own role
 * @param unauthenticatedPaths GET paths (Spring path patterns) anyone may call: servicekit's {@code /},
 *     {@code /health}, {@code /docs}, {@code /redoc}, {@code /openapi.json}, plus what Swagger UI at {@code /docs}
 *     loads and the web console's static files ({@code /console/**}; its API calls carry the key)
 * @param rules the application's own endpoint rules, checked before chapkit's table
 * @param managedKeys whether {@code /api/v1/keys} (keys stored hashed in the database) is served and its keys accepted
 * @param keyCacheTtl how long a verified managed key is trusted without reading the database again: the longest
 *     time a revocation takes to reach every instance
 * @param jwt how bearer tokens map to roles (tokens are on when {@code spring.security.oauth2.resourceserver.jwt.*}
 *     is set)
 * @param rateLimit request limits per caller
 * @param cors cross-origin requests (off unless origins are listed)
 * @param audit the audit trail
 * @param frameOptions {@code X-Frame-Options}: {@code deny} (Spring Security's default), {@code sameorigin} (lets
 *     a hosted app frame the service's pages) or {@code none}
 * @param warnWhenOpen whether to log a warning at start-up when security is off and the server listens on a
 *     non-loopback address
 */
@ConfigurationProperties("chapkit.security")
public record ChapkitSecurityProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("X-API-Key") String apiKeyHeader,
        @DefaultValue List<String> apiKeys,
        Path apiKeyFile,
        @DefaultValue("SERVICEKIT_API_KEYS") String apiKeyEnv,
        @DefaultValue("admin") Role apiKeyRole,
        @DefaultValue List<NamedKey> keys,

        @DefaultValue({
            "/",
            "/health",
            "/docs",
            "/redoc",
            "/openapi.json",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/v3/api-docs.yaml",
            "/console",
            "/console/**"
        })
        List<String> unauthenticatedPaths,

        @DefaultValue List<Rule> rules,
        @DefaultValue("true") boolean managedKeys,
        @DefaultValue("2s") Duration keyCacheTtl,
        @DefaultValue Jwt jwt,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Cors cors,
        @DefaultValue Audit audit,
        @DefaultValue("deny") String frameOptions,
        @DefaultValue("true") boolean warnWhenOpen) {

    /**
     * A configured key with its own role.
     *
     * @param name how the key appears in the audit trail
     * @param key the secret
     * @param role its role
     */
    public record NamedKey(
            String name, String key, @DefaultValue("viewer") Role role) {}

    /**
     * An endpoint rule of the application.
     *
     * @param method HTTP method, or empty for every method
     * @param path Spring path pattern, for example {@code /demo/**}
     * @param access {@code public}, {@code viewer}, {@code operator} or {@code admin}
     */
    public record Rule(String method, String path, Access access) {}

    /**
     * Bearer tokens.
     *
     * @param rolesClaims claims that carry the role, in order; the first present is used (a list, or a
     *     space-separated string as in {@code scope})
     * @param rolePrefix prefix of role names in the claim, for example {@code chapkit.} for {@code chapkit.admin}
     */
    public record Jwt(
            @DefaultValue({"roles", "scope", "scp"}) List<String> rolesClaims,
            @DefaultValue("") String rolePrefix) {}

    /**
     * Rate limits: token buckets per API key or token subject, and per client address for anonymous requests. Each
     * limit is written {@code <requests>/<period>}, for example {@code 60/1m}; empty for no limit.
     *
     * @param enabled whether requests are limited
     * @param store where buckets live: {@code auto} (the database when it is PostgreSQL, so the limit holds across
     *     instances; memory otherwise), {@code database} or {@code memory}
     * @param anonymous limit per client address without credentials
     * @param viewer limit per viewer key or token
     * @param operator limit per operator key or token
     * @param admin limit per admin key or token
     */
    public record RateLimit(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("auto") String store,
            @DefaultValue("60/1m") String anonymous,
            @DefaultValue("1200/1m") String viewer,
            @DefaultValue("1200/1m") String operator,
            @DefaultValue("1200/1m") String admin) {}

    /**
     * CORS.
     *
     * @param allowedOrigins origins allowed to call the API from a browser ({@code https://app.example.org}); empty
     *     turns CORS off
     * @param allowedMethods methods allowed
     * @param allowedHeaders request headers allowed
     * @param exposedHeaders response headers a browser script may read
     * @param maxAge how long a browser may cache a preflight answer
     */
    public record Cors(
            @DefaultValue List<String> allowedOrigins,
            @DefaultValue({"GET", "POST", "PUT", "DELETE"}) List<String> allowedMethods,

            @DefaultValue({"Content-Type", "Authorization", "X-API-Key", "If-Match", "X-Request-ID"})
            List<String> allowedHeaders,

            @DefaultValue({"Location", "ETag", "Retry-After", "X-Request-ID"})
            List<String> exposedHeaders,

            @DefaultValue("30m") Duration maxAge) {}

    /**
     * The audit trail (only when security is on).
     *
     * @param enabled whether state-changing and denied requests are recorded
     * @param retention how long events are kept
     * @param purgeInterval how often events older than the retention are deleted
     */
    public record Audit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("90d") Duration retention,
            @DefaultValue("1h") Duration purgeInterval) {}
}
