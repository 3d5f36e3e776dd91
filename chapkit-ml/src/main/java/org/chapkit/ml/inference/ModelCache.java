package org.chapkit.ml.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.chapkit.ml.service.LoadedModel;

/**
 * Decoded models by training artifact id, least recently used dropped first once more than {@code maxModels} are
 * kept or their stored sizes add up to more than {@code maxBytes}. Models are loaded from the database, so every
 * instance of a cluster loads the same model for the same id; nothing is shared between instances but storage.
 * Loading happens outside the lock (two threads may load the same model once each; the second copy wins).
 *
 * <p>Meters: {@code ml.model.cache.hits}, {@code ml.model.cache.misses}, {@code ml.model.cache.size}.
 */
public final class ModelCache {

    /** Loads a model on a miss. */
    @FunctionalInterface
    public interface Loader {
        /**
         * Loads the model of a training artifact.
         *
         * @param trainingId the training artifact's ULID
         * @return the loaded model
         * @throws Exception when it cannot be loaded
         */
        LoadedModel load(String trainingId) throws Exception;
    }

    private final int maxModels;
    private final long maxBytes;
    private final LinkedHashMap<String, LoadedModel> models = new LinkedHashMap<>(16, 0.75f, true);
    private final Counter hits;
    private final Counter misses;
    private long bytes;

    /**
     * Creates the cache.
     *
     * @param maxModels most models kept
     * @param maxBytes most bytes of stored models kept
     * @param meters where the hit and miss counters go
     */
    public ModelCache(int maxModels, long maxBytes, MeterRegistry meters) {
        if (maxModels < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("maxModels and maxBytes must be positive");
        }
        this.maxModels = maxModels;
        this.maxBytes = maxBytes;
        this.hits = Counter.builder("ml.model.cache.hits")
                .description("Synchronous predictions served from a decoded model")
                .register(meters);
        this.misses = Counter.builder("ml.model.cache.misses")
                .description("Synchronous predictions that loaded their model from storage")
                .register(meters);
        Gauge.builder("ml.model.cache.size", this, ModelCache::size)
                .description("Decoded models kept")
                .register(meters);
    }

    /**
     * The cached model of a training artifact, loaded on a miss.
     *
     * @param trainingId the training artifact's ULID
     * @param loader loads it on a miss
     * @return the model
     * @throws Exception when loading fails
     */
    public LoadedModel get(String trainingId, Loader loader) throws Exception {
        Objects.requireNonNull(trainingId, "trainingId");
        synchronized (models) {
            LoadedModel cached = models.get(trainingId);
            if (cached != null) {
                hits.increment();
                return cached;
            }
        }
        misses.increment();
        LoadedModel loaded = loader.load(trainingId);
        if (loaded.contentSize() <= maxBytes) {
            synchronized (models) {
                LoadedModel previous = models.put(trainingId, loaded);
                if (previous != null) {
                    bytes -= previous.contentSize();
                }
                bytes += loaded.contentSize();
                evict();
            }
        }
        return loaded;
    }

    /**
     * Drops a model (an archived version, a deleted artifact).
     *
     * @param trainingId the training artifact's ULID
     */
    public void evict(String trainingId) {
        synchronized (models) {
            LoadedModel removed = models.remove(trainingId);
            if (removed != null) {
                bytes -= removed.contentSize();
            }
        }
    }

    /**
     * How many models are kept.
     *
     * @return the count
     */
    public int size() {
        synchronized (models) {
            return models.size();
        }
    }

    /**
     * The hit rate so far.
     *
     * @return hits / (hits + misses), or 0 before the first lookup
     */
    public double hitRate() {
        double total = hits.count() + misses.count();
        return total == 0 ? 0 : hits.count() / total;
    }

    private void evict() {
        Iterator<Map.Entry<String, LoadedModel>> eldest = models.entrySet().iterator();
        while ((models.size() > maxModels || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().contentSize();
            eldest.remove();
        }
    }
}
