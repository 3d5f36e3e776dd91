package org.chapkit.security;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests against a secured service: {@link SecuredService}'s keys plus JWT bearer tokens from
 * {@link TestJwks}. Subclasses that add the same database annotation share one context.
 */
@SecuredService
abstract class SecuredServiceTestBase {

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestJwks.get()::jwkSetUri);
    }
}
