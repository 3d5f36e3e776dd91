package org.chapkit.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Security on, with one configured key per role and the application's test endpoints ({@code /test/**}) open to
 * viewers. Put it with {@code @ServiceTestOnH2} or {@code @ServiceTestOnPostgres}; every test class that uses the
 * same pair shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(
        properties = {
            "chapkit.security.enabled=true",
            "chapkit.security.keys[0].name=viewer-key",
            "chapkit.security.keys[0].key=" + SecuredService.VIEWER_KEY,
            "chapkit.security.keys[0].role=viewer",
            "chapkit.security.keys[1].name=operator-key",
            "chapkit.security.keys[1].key=" + SecuredService.OPERATOR_KEY,
            "chapkit.security.keys[1].role=operator",
            "chapkit.security.keys[2].name=admin-key",
            "chapkit.security.keys[2].key=" + SecuredService.ADMIN_KEY,
            "chapkit.security.keys[2].role=admin",
            "chapkit.security.rules[0].path=/test/**",
            "chapkit.security.rules[0].access=viewer",
            "chapkit.security.key-cache-ttl=1s"
        })
public @interface SecuredService {

    /** A viewer's key. */
    String VIEWER_KEY = "viewer-key-3f9a1c27d86b4e05";

    /** An operator's key. */
    String OPERATOR_KEY = "operator-key-8b2d4f61a9c3e570";

    /** An admin's key. */
    String ADMIN_KEY = "admin-key-c71e09b5d2a84f36";
}
