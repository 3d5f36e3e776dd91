package org.chapkit.autoconfigure.artifact;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the artifact feature.
 *
 * @param enabled whether artifacts are stored and served under {@code /api/v1/artifacts} (and the DataFrame file
 *     formats are registered)
 * @param maxContentSize largest binary content accepted by {@code PUT /api/v1/artifacts/{id}/$content}; larger
 *     uploads get 413. Independent of {@code chapkit.web.max-request-size}
 * @param hierarchy labels of the artifact tree's levels
 * @param maxTreeDepth most levels of an artifact tree (roots are level 0, so the default allows levels 0 to 100), 3 to
 *     400; an artifact that would be deeper, on create or move, is a 400 naming {@code parent_id}. Trees are rendered
 *     recursively, and the ML workflow stores three levels (training workspace, prediction, prediction workspace)
 * @param maxRowsLimit largest {@code limit} of {@code GET /api/v1/artifacts/{id}/$rows} (a window of a DataFrame's
 *     rows); a larger one is a 400
 */
@ConfigurationProperties("chapkit.artifacts")
public record ChapkitArtifactProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1GB") DataSize maxContentSize,
        @DefaultValue Hierarchy hierarchy,
        @DefaultValue("101") int maxTreeDepth,
        @DefaultValue("500") int maxRowsLimit) {

    /**
     * The artifact hierarchy shown in {@code $tree} and {@code $expand} responses.
     *
     * @param name the hierarchy's name ({@code hierarchy} in responses); the service id when empty
     * @param levelLabels label per level ({@code level_label}); levels without one show as {@code level_<n>}; when
     *     none are set, chapkit's ML labels {@code 0=ml_training_workspace} and {@code 1=ml_prediction}
     */
    public record Hierarchy(String name, Map<Integer, String> levelLabels) {

        /** The labels in effect. */
        public Map<Integer, String> effectiveLevelLabels() {
            return levelLabels == null || levelLabels.isEmpty()
                    ? Map.of(0, "ml_training_workspace", 1, "ml_prediction")
                    : levelLabels;
        }
    }
}
