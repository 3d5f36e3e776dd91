package org.chapkit.security.web;

import java.util.Optional;
import org.chapkit.security.key.ApiKeyManager;
import org.chapkit.security.key.ConfiguredApiKeys;
import org.chapkit.security.key.VerifiedKey;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/** Verifies a presented API key against the configured keys, then the managed keys of the database. */
public final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ConfiguredApiKeys configured;
    private final ApiKeyManager managed;

    /**
     * @param configured keys from the configuration
     * @param managed managed keys, or {@code null} when the key API is off
     */
    public ApiKeyAuthenticationProvider(ConfiguredApiKeys configured, ApiKeyManager managed) {
        this.configured = configured;
        this.managed = managed;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = String.valueOf(authentication.getCredentials());
        Optional<VerifiedKey> key = configured.verify(presented);
        if (key.isEmpty() && managed != null) {
            key = managed.verify(presented);
        }
        return ApiKeyAuthentication.verified(key.orElseThrow(InvalidApiKeyException::new));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
