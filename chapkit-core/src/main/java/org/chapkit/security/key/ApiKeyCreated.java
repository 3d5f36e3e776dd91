package org.chapkit.security.key;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Answer of {@code POST /api/v1/keys}: the key and, this one time only, its secret.
 *
 * @param key the stored key
 * @param secret the secret to send as {@code X-API-Key}; not retrievable later
 */
public record ApiKeyCreated(
        @JsonUnwrapped ApiKey key, @JsonProperty("secret") String secret) {

    /** Hides the secret. */
    @Override
    public String toString() {
        return "ApiKeyCreated[key=" + key + "]";
    }
}
