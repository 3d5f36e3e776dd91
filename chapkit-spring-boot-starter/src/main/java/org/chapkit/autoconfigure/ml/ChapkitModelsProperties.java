package org.chapkit.autoconfigure.ml;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The model registry and the synchronous inference endpoints ({@code chapkit.ml.models.*}).
 *
 * @param enabled whether trainings register model versions and {@code /api/v1/models} is served
 * @param defaultModel the name of the service's model, where trainings register; default the service's display name
 *     in lowercase with runs of other characters as {@code -} ({@code default} when nothing is left)
 * @param cache the cache of decoded models that the synchronous inference endpoints predict with
 */
@ConfigurationProperties("chapkit.ml.models")
public record ChapkitModelsProperties(
        @DefaultValue("true") boolean enabled,
        String defaultModel,
        @DefaultValue Cache cache) {

    /**
     * The loaded-model cache: least recently used models are dropped first when either bound is reached.
     *
     * @param maxModels most models kept decoded
     * @param maxSize most bytes of stored models (the artifacts' content sizes) kept decoded
     * @param resolutionTtl how long the synchronous endpoints keep what a model, version or alias resolves to and a
     *     model's routing rule before reading the registry again: the longest another instance's alias move,
     *     archiving or routing change takes to be seen (this instance's own changes are seen at once); {@code 0}
     *     reads the registry on every request
     */
    public record Cache(
            @DefaultValue("8") int maxModels,
            @DefaultValue("256MB") DataSize maxSize,
            @DefaultValue("1s") Duration resolutionTtl) {}
}
