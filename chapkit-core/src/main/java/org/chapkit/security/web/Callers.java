package org.chapkit.security.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.Optional;
import org.chapkit.security.access.Caller;
import org.chapkit.security.access.Role;
import org.chapkit.security.key.VerifiedKey;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The {@link Caller} of the current request, from its Spring Security authentication. */
public final class Callers {

    private final String apiKeyHeader;

    public Callers(String apiKeyHeader) {
        this.apiKeyHeader = apiKeyHeader;
    }

    /** Who is calling; an anonymous caller carries the prefix of a rejected key, if one was sent. */
    public Caller current(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ApiKeyAuthentication keyAuth && keyAuth.key() != null) {
            VerifiedKey key = keyAuth.key();
            return new Caller(Caller.Kind.API_KEY, key.subject(), key.prefix(), key.role());
        }
        if (authentication != null && isJwt(authentication)) {
            return new Caller(
                    Caller.Kind.JWT,
                    authentication.getName(),
                    null,
                    highestRole(authentication).orElse(null));
        }
        String presented = request.getHeader(apiKeyHeader);
        return new Caller(Caller.Kind.ANONYMOUS, request.getRemoteAddr(), Caller.prefixOf(presented), null);
    }

    /** The highest of our roles among the authentication's authorities. */
    public static Optional<Role> highestRole(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(Role::fromAuthority)
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    private static boolean isJwt(Authentication authentication) {
        try {
            return authentication instanceof JwtAuthenticationToken;
        } catch (NoClassDefFoundError ex) {
            // spring-security-oauth2-resource-server is optional: without it there are no JWT callers.
            return false;
        }
    }
}
