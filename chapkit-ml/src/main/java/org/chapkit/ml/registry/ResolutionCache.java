package org.chapkit.ml.registry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What selections resolve to and models' routing rules, kept for a short time so that synchronous inference does not
 * query the registry's tables per request. Entries expire after the TTL (the bound on how stale another instance's
 * change can be seen); the registry's own changes empty the cache when they commit. A generation counter keeps a
 * read that raced with a change from storing what it read before the change.
 */
final class ResolutionCache {

    /**
     * A cached lookup: a selection ({@code routing} false) or a model's routing rule ({@code routing} true).
     *
     * @param model the model
     * @param version the selected version, or {@code null}
     * @param alias the selected alias, or {@code null}
     * @param routing whether this is the model's routing rule
     */
    record Key(String model, Integer version, String alias, boolean routing) {}

    private record Entry(Object value, long expiresAt) {}

    /** Entries beyond this are dropped all at once (selections are few; this bounds arbitrary aliases probed). */
    private static final int MAX_ENTRIES = 1_000;

    private final long ttlNanos;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    ResolutionCache(Duration ttl) {
        this.ttlNanos = ttl == null || ttl.isNegative() ? 0 : ttl.toNanos();
    }

    boolean enabled() {
        return ttlNanos > 0;
    }

    @SuppressWarnings("unchecked")
    <T> T get(Key key, Supplier<T> load) {
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return (T) entry.value();
        }
        long before = generation.get();
        T value = load.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(value, now + ttlNanos));
        if (generation.get() != before) {
            entries.remove(key);
        }
        return value;
    }

    /** Empties the cache now and, when a transaction is active, again when it commits. */
    void invalidateOnCommit() {
        invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    invalidate();
                }
            });
        }
    }

    private void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }
}
