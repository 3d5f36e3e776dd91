package org.chapkit.security.key;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.chapkit.id.Ulids;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.NotFoundException;
import org.chapkit.problem.ValidationFailedException;
import org.chapkit.security.access.Caller;
import org.chapkit.security.access.Role;
import org.chapkit.security.key.internal.ApiKeyStore;

/**
 * Managed API keys: made, listed and revoked through {@code /api/v1/keys}, stored as digests in the database that
 * all instances share. A verified key is remembered for at most {@code cacheTtl}, so a revocation on one instance
 * is seen by every other instance within that time (and at once on the instance that revoked it); expiry is checked
 * on every request.
 */
public class ApiKeyManager {

    /** Prefix of every managed secret, so a leaked key is recognisable (secret scanners, logs). */
    public static final String SECRET_PREFIX = "ck_";

    private static final int MAX_CACHED = 10_000;
    private static final int MAX_NAME = 200;

    private final ApiKeyStore store;
    private final Clock clock;
    private final Duration cacheTtl;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ApiKey key, Instant loadedAt) {}

    /**
     * @param store the key table
     * @param clock the service clock
     * @param cacheTtl how long a verified key is trusted without reading the table again: the longest time a
     *     revocation on another instance takes to be seen here
     */
    public ApiKeyManager(ApiKeyStore store, Clock clock, Duration cacheTtl) {
        this.store = store;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    /** Makes a key; the answer holds the secret, which is not stored and cannot be read again. */
    public ApiKeyCreated create(ApiKeyRequest request) {
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        String name = request == null ? null : request.name();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > MAX_NAME || name.indexOf('\0') >= 0) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters, without NUL"));
        }
        Optional<Role> role = request == null ? Optional.empty() : Role.fromName(request.role());
        if (role.isEmpty()) {
            errors.add(new FieldError("role", "must be one of viewer, operator, admin"));
        }
        if (request != null
                && request.expiresAt() != null
                && !request.expiresAt().isAfter(now)) {
            errors.add(new FieldError("expires_at", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw ValidationFailedException.invalid("API key request", errors);
        }
        String secret = newSecret();
        ApiKey key = new ApiKey(
                Ulids.newUlid(),
                name.trim(),
                role.orElseThrow(),
                Caller.prefixOf(secret),
                now,
                request.expiresAt(),
                null);
        store.insert(key, KeyDigest.hex(secret));
        return new ApiKeyCreated(key, secret);
    }

    /** Every key, newest first, without secrets. */
    public List<ApiKey> list() {
        return store.list();
    }

    /** The key with {@code id}. */
    public ApiKey get(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** Revokes the key; it stops working here at once and on other instances within the cache time. */
    public ApiKey revoke(String id) {
        if (!store.revoke(id, clock.instant())) {
            throw notFound(id);
        }
        cache.values().removeIf(cached -> cached.key().id().equals(id));
        return get(id);
    }

    /** The managed key whose secret is {@code presented}, if it exists and is active now. */
    public Optional<VerifiedKey> verify(String presented) {
        Instant now = clock.instant();
        String hash = KeyDigest.hex(presented);
        Cached cached = cache.get(hash);
        if (cached == null || cached.loadedAt().plus(cacheTtl).isBefore(now)) {
            Optional<ApiKey> stored = store.findByHash(hash);
            if (stored.isEmpty()) {
                cache.remove(hash);
                return Optional.empty();
            }
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cached = new Cached(stored.get(), now);
            cache.put(hash, cached);
        }
        ApiKey key = cached.key();
        return key.activeAt(now) ? Optional.of(new VerifiedKey(key.id(), key.prefix(), key.role())) : Optional.empty();
    }

    /** How long a revocation takes at most to reach every instance. */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("API key " + id + " not found");
    }
}
