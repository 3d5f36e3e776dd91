package org.chapkit.security.access;

/**
 * Who made a request, as the audit trail and the rate limiter see it. Never holds a secret: an API key is
 * identified by its id or name and at most its first {@value #PREFIX_LENGTH} characters.
 *
 * @param kind how the caller proved who it is
 * @param subject the key's name (configured keys) or id (managed keys), the token's subject, or the client address
 * @param keyPrefix the first characters of the API key, or {@code null}
 * @param role the caller's role, or {@code null} when anonymous
 */
public record Caller(Kind kind, String subject, String keyPrefix, Role role) {

    /** Longest part of a key that may appear in logs, the audit trail or responses (servicekit uses 7). */
    public static final int PREFIX_LENGTH = 7;

    /** How a caller authenticated. */
    public enum Kind {
        /** An {@code X-API-Key} header. */
        API_KEY,
        /** A JWT bearer token. */
        JWT,
        /** No credentials (or security off). */
        ANONYMOUS
    }

    /** An anonymous caller known by its client address. */
    public static Caller anonymous(String clientAddress) {
        return new Caller(Kind.ANONYMOUS, clientAddress, null, null);
    }

    /**
     * The loggable prefix of a presented key: at most {@value #PREFIX_LENGTH} characters and never more than half
     * of the key, so a short key is not logged whole.
     */
    public static String prefixOf(String key) {
        return key == null ? null : key.substring(0, Math.min(PREFIX_LENGTH, key.length() / 2));
    }
}
