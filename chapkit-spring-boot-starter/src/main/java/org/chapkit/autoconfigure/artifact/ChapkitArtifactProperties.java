package org.chapkit.autoconfigure.artifact;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param storage where binary content goes
 */
@ConfigurationProperties("chapkit.artifacts")
public record ChapkitArtifactProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1GB") DataSize maxContentSize,
        @DefaultValue Hierarchy hierarchy,
        @DefaultValue("101") int maxTreeDepth,
        @DefaultValue("500") int maxRowsLimit,
        @DefaultValue Storage storage) {

    /** Backends for binary artifact content. */
    public enum StorageType {
        /** Chunks in the {@code artifact_content_chunks} table (the default). */
        DATABASE,
        /** Files under {@code chapkit.artifacts.storage.filesystem.directory}. */
        FILESYSTEM,
        /** An S3-compatible bucket; needs the {@code chapkit-artifact-s3} module. */
        S3
    }

    /**
     * Where binary artifact content goes; metadata always stays in the database. Content written before a change of
     * type stays readable as long as its backend is still configured (the database always is).
     *
     * @param type the backend new content is written to
     * @param filesystem settings of the filesystem backend
     * @param orphanGrace how old content without a row must be before the orphan sweep deletes it; longer than the
     *     time between an upload's last byte and its commit
     * @param sweepInterval delay between runs of the orphan sweep (a cluster-wide recurring task on the job system,
     *     one run at a time across instances); only for non-database storage
     */
    public record Storage(
            @DefaultValue("database") StorageType type,
            @DefaultValue Filesystem filesystem,
            @DefaultValue("1h") Duration orphanGrace,
            @DefaultValue("10m") Duration sweepInterval) {}

    /**
     * The filesystem backend.
     *
     * @param directory where content files go (a shared volume when several instances serve the same database);
     *     created when missing
     */
    public record Filesystem(
            @DefaultValue("./chapkit-artifacts") Path directory) {}

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
