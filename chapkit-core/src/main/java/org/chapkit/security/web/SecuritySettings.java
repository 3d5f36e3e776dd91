package org.chapkit.security.web;

import java.util.List;
import org.chapkit.security.access.EndpointRule;

/**
 * What {@link ChapkitHttpSecurity} builds.
 *
 * @param enabled whether requests need credentials; when false every request is allowed (security headers and
 *     CORS still apply)
 * @param apiKeys whether API keys are accepted
 * @param apiKeyHeader the API-key header name
 * @param unauthenticatedPaths path patterns anyone may call (servicekit's exempt paths)
 * @param rules the endpoint → role table (the application's own rules first, then chapkit's)
 * @param frameOptions the {@code X-Frame-Options} value: {@code DENY}, {@code SAMEORIGIN} or {@code NONE}
 */
public record SecuritySettings(
        boolean enabled,
        boolean apiKeys,
        String apiKeyHeader,
        List<String> unauthenticatedPaths,
        List<EndpointRule> rules,
        String frameOptions) {

    public SecuritySettings {
        unauthenticatedPaths = List.copyOf(unauthenticatedPaths);
        rules = List.copyOf(rules);
    }
}
