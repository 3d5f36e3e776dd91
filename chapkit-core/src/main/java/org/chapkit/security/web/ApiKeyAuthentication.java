package org.chapkit.security.web;

import java.util.List;
import org.chapkit.security.key.VerifiedKey;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API-key authentication: before verification it holds only the presented key; afterwards the
 * {@link VerifiedKey} and its role as authority, and no longer the key.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient String presented;
    private final VerifiedKey key;

    private ApiKeyAuthentication(String presented, VerifiedKey key) {
        super(
                key == null
                        ? List.of()
                        : List.of(new SimpleGrantedAuthority(key.role().authority())));
        this.presented = presented;
        this.key = key;
        setAuthenticated(key != null);
    }

    /** A presented, not yet verified key. */
    public static ApiKeyAuthentication unverified(String presented) {
        return new ApiKeyAuthentication(presented, null);
    }

    /** A verified key. */
    public static ApiKeyAuthentication verified(VerifiedKey key) {
        return new ApiKeyAuthentication(null, key);
    }

    /** The presented key (only before verification). */
    @Override
    public Object getCredentials() {
        return presented;
    }

    /** The verified key, or {@code null} before verification. */
    @Override
    public Object getPrincipal() {
        return key;
    }

    /** The verified key, or {@code null}. */
    public VerifiedKey key() {
        return key;
    }

    @Override
    public String getName() {
        return key == null ? "" : key.subject();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeyAuthentication that
                && java.util.Objects.equals(key, that.key)
                && java.util.Objects.equals(presented, that.presented);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(key, presented);
    }
}
