package org.chapkit.ml.registry;

import java.util.Optional;

/**
 * Where a request goes: the version that answers, the alias that chose it (when routing or an alias did), and the
 * shadow version that runs beside it, if any.
 *
 * @param version the version that answers
 * @param alias the alias it was reached through, or {@code null} (a version number, or the latest version)
 * @param shadow the shadow version, when the model's routing has one and it differs from {@code version}
 * @param shadowAlias the shadow's alias, or {@code null}
 */
public record RoutedVersion(ModelVersion version, String alias, Optional<ModelVersion> shadow, String shadowAlias) {

    /** Normalises an absent shadow. */
    public RoutedVersion {
        shadow = shadow == null ? Optional.empty() : shadow;
    }
}
