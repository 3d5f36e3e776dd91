package org.chapkit.autoconfigure.security;

import java.util.ArrayList;
import java.util.List;
import org.chapkit.security.access.ChapkitEndpointRules;
import org.chapkit.security.access.EndpointRule;
import org.chapkit.security.key.ConfiguredApiKey;
import org.chapkit.security.key.ConfiguredApiKeys;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Turns {@link ChapkitSecurityProperties} into the configured keys and the settings of the filter chain. */
final class SecuritySettingsFactory {

    private SecuritySettingsFactory() {}

    /** Keys from {@code keys}, {@code api-keys}, {@code api-key-file} and the {@code api-key-env} variable. */
    static ConfiguredApiKeys configuredKeys(ChapkitSecurityProperties properties, Environment environment) {
        List<ConfiguredApiKey> keys = new ArrayList<>();
        for (ChapkitSecurityProperties.NamedKey named : properties.keys()) {
            if (named.name() == null || named.name().isBlank()) {
                throw new IllegalStateException("chapkit.security.keys[].name is required for every named key");
            }
            keys.add(new ConfiguredApiKey(named.name(), named.key(), named.role()));
        }
        keys.addAll(ConfiguredApiKeys.fromList(properties.apiKeys(), "key", properties.apiKeyRole()));
        if (properties.apiKeyFile() != null) {
            keys.addAll(ConfiguredApiKeys.fromFile(properties.apiKeyFile(), properties.apiKeyRole()));
        }
        String env = properties.apiKeyEnv();
        if (env != null && !env.isBlank()) {
            keys.addAll(
                    ConfiguredApiKeys.fromCommaSeparated(environment.getProperty(env), "env", properties.apiKeyRole()));
        }
        return new ConfiguredApiKeys(keys);
    }

    /** Like servicekit, security on with no way in at all is a configuration error. */
    static void checkCredentialsExist(
            ChapkitSecurityProperties properties, ConfiguredApiKeys configured, JwtDecoder decoder) {
        if (properties.enabled() && configured.size() == 0 && decoder == null) {
            throw new IllegalStateException("chapkit.security.enabled=true but no API key is configured and no JWT"
                    + " issuer is set: set chapkit.security.api-keys, chapkit.security.api-key-file, the "
                    + properties.apiKeyEnv() + " environment variable, chapkit.security.keys, or"
                    + " spring.security.oauth2.resourceserver.jwt.issuer-uri / jwk-set-uri (see docs/security.md)");
        }
    }

    /** The chain's settings: the application's rules first, then chapkit's table. */
    static org.chapkit.security.web.SecuritySettings settings(ChapkitSecurityProperties properties, boolean apiKeys) {
        List<EndpointRule> rules = new ArrayList<>();
        for (ChapkitSecurityProperties.Rule rule : properties.rules()) {
            if (rule.path() == null || rule.access() == null) {
                throw new IllegalStateException("chapkit.security.rules[] needs a path and an access");
            }
            HttpMethod method = rule.method() == null
                            || rule.method().isBlank()
                            || rule.method().equals("*")
                    ? null
                    : HttpMethod.valueOf(rule.method().trim().toUpperCase(java.util.Locale.ROOT));
            rules.add(new EndpointRule("Application", method, rule.path(), rule.access()));
        }
        rules.addAll(ChapkitEndpointRules.all());
        return new org.chapkit.security.web.SecuritySettings(
                properties.enabled(),
                apiKeys,
                properties.apiKeyHeader(),
                properties.unauthenticatedPaths(),
                rules,
                properties.frameOptions());
    }
}
