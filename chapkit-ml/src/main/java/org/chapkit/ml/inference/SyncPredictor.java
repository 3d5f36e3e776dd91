package org.chapkit.ml.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;
import org.chapkit.ml.registry.ModelRegistry;
import org.chapkit.ml.registry.ModelSelector;
import org.chapkit.ml.registry.ModelVersion;
import org.chapkit.ml.runner.RunContext;
import org.chapkit.ml.service.MlWorkflow;

/**
 * Predicts at once, without a job, with a registered model version: the model comes from the {@link ModelCache}
 * (loaded from storage on a miss, checked and seal-verified as for {@code $predict}), and the prediction runs
 * through {@link MlWorkflow#predictWith}, the code path of {@code $predict} jobs, so both give the same numbers.
 * A bare model goes through its A/B routing like {@code $predict}; the shadow is not run (nothing is stored here).
 * What a selection resolves to comes from {@link ModelRegistry#routeCached} (at most
 * {@code chapkit.ml.models.cache.resolution-ttl} old for another instance's changes). Counts
 * {@code ml.inference.requests} per model, version and protocol.
 */
public final class SyncPredictor {

    private final MlWorkflow workflow;
    private final ModelRegistry registry;
    private final ModelCache cache;
    private final MeterRegistry meters;
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    private record CounterKey(String model, int version, String protocol) {}

    /**
     * Creates the predictor.
     *
     * @param workflow the ML workflow
     * @param registry the model registry
     * @param cache the loaded-model cache
     * @param meters where the request counters go
     */
    public SyncPredictor(MlWorkflow workflow, ModelRegistry registry, ModelCache cache, MeterRegistry meters) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /**
     * A prediction with the version that made it.
     *
     * @param version the model version
     * @param predictions the predictions ({@code time_period}, {@code location} and the samples, as {@code $predict}
     *     stores them)
     */
    public record Prediction(ModelVersion version, DataFrame predictions) {}

    /**
     * The registry, to resolve and describe models.
     *
     * @return the registry
     */
    public ModelRegistry registry() {
        return registry;
    }

    /**
     * The cache.
     *
     * @return the loaded-model cache
     */
    public ModelCache cache() {
        return cache;
    }

    /**
     * Predicts with the version a selector names.
     *
     * @param selector model with version or alias (neither: its latest active version)
     * @param historic the history (may be empty)
     * @param future the periods to predict, with {@code time_period}
     * @param geo the optional GeoJSON
     * @param routingKey with the model's A/B routing, what keeps a caller on one version; {@code null}: random
     * @param protocol the protocol's name for the request counter ({@code v2}, {@code invocations})
     * @return the prediction
     * @throws IllegalArgumentException when {@code future} has no rows or no {@code time_period}
     * @throws Exception when the model cannot be loaded or the runner fails
     */
    public Prediction predict(
            ModelSelector selector,
            DataFrame historic,
            DataFrame future,
            FeatureCollection geo,
            String routingKey,
            String protocol)
            throws Exception {
        // resolved from the registry's short-lived resolution cache: no registry query per request
        ModelVersion version = registry.routeCached(selector, routingKey).version();
        requireFrame("future", future);
        DataFrame history = historic == null ? DataFrame.of(future.columns(), List.of()) : historic;
        var model = cache.get(version.artifactId(), workflow::load);
        DataFrame predictions = workflow.predictWith(model, history, future, geo, RunContext.none())
                .prediction()
                .content();
        counters.computeIfAbsent(
                        new CounterKey(version.model(), version.version(), protocol),
                        key -> Counter.builder("ml.inference.requests")
                                .description("Synchronous predictions per model version")
                                .tag("model", key.model())
                                .tag("version", Integer.toString(key.version()))
                                .tag("protocol", key.protocol())
                                .register(meters))
                .increment();
        return new Prediction(version, predictions);
    }

    /**
     * Loads a version's model into the cache (the readiness checks).
     *
     * @param version the version
     * @throws Exception when it cannot be loaded
     */
    public void load(ModelVersion version) throws Exception {
        cache.get(version.artifactId(), workflow::load);
    }

    private static void requireFrame(String name, DataFrame frame) {
        if (frame == null || frame.isEmpty()) {
            throw new IllegalArgumentException(name + " has no rows");
        }
        if (!frame.columns().contains("time_period")) {
            throw new IllegalArgumentException(name + " has no time_period column");
        }
    }
}
