package org.chapkit.security.key;

import java.util.Objects;
import org.chapkit.security.access.Role;

/**
 * A key from the service's configuration (a property, the key file or the environment variable).
 *
 * @param name how the key appears in the audit trail (never the key itself)
 * @param secret the key
 * @param role its role
 */
public record ConfiguredApiKey(String name, String secret, Role role) {

    public ConfiguredApiKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("API key '" + name + "' is empty");
        }
    }

    /** Hides the secret. */
    @Override
    public String toString() {
        return "ConfiguredApiKey[name=" + name + ", role=" + role.wireName() + "]";
    }
}
