package org.chapkit.security.key;

import java.util.Objects;
import org.chapkit.security.access.Role;

/**
 * An API key that was presented and found valid.
 *
 * @param subject the key's name (configured keys) or id (managed keys), used in the audit trail and for rate limits
 * @param prefix the loggable prefix of the key
 * @param role the key's role
 */
public record VerifiedKey(String subject, String prefix, Role role) {

    public VerifiedKey {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
    }
}
