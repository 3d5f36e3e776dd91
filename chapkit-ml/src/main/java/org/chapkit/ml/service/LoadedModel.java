package org.chapkit.ml.service;

import java.util.Objects;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.Config;

/**
 * A training artifact ready to predict with: checked, its seal verified, its model decoded, with its config.
 *
 * @param trainingId the training artifact's ULID
 * @param config the config it was trained with
 * @param model the decoded model (the runner's model type)
 * @param contentSize the size of the stored model, the cache's measure of its memory
 */
public record LoadedModel(String trainingId, Config<? extends BaseConfig> config, Object model, long contentSize) {

    /** Checks the components. */
    public LoadedModel {
        Objects.requireNonNull(trainingId, "trainingId");
        Objects.requireNonNull(config, "config");
    }
}
