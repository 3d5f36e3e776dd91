package org.chapkit.ml.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Where a model version came from: the config (and its version) and data it was trained on, what trained it and
 * with which software, how long it took and what it logged.
 *
 * @param configId the config ULID
 * @param configVersion the config's version when the training ran
 * @param dataSha256 SHA-256 (hex) of the training frame's columns and cells, independent of its JSON formatting
 * @param rows the training frame's row count
 * @param columns the training frame's column count
 * @param columnNames the training frame's columns
 * @param runnerType the model runner's class
 * @param modelClass the class of the trained model object ({@code null} when the runner returned none)
 * @param chapkitVersion chapkit for Java's version ({@code null} when the build did not record it)
 * @param javaVersion the Java runtime version
 * @param libraryVersions versions of the libraries on the model's path (Spring Framework, Jackson)
 * @param trainingDurationSeconds how long the runner's train took
 * @param trainingJobId the training job's id
 * @param metrics metrics logged during training, by name (empty when nothing was logged)
 */
public record ModelLineage(
        @JsonProperty("config_id") String configId,
        @JsonProperty("config_version") Long configVersion,
        @JsonProperty("data_sha256") String dataSha256,
        @JsonProperty("rows") int rows,
        @JsonProperty("columns") int columns,
        @JsonProperty("column_names") List<String> columnNames,
        @JsonProperty("runner_type") String runnerType,
        @JsonProperty("model_class") String modelClass,
        @JsonProperty("chapkit_version") String chapkitVersion,
        @JsonProperty("java_version") String javaVersion,
        @JsonProperty("library_versions") Map<String, String> libraryVersions,
        @JsonProperty("training_duration_seconds") Double trainingDurationSeconds,
        @JsonProperty("training_job_id") String trainingJobId,
        @JsonProperty("metrics") Map<String, Double> metrics) {

    /** Copies the collections; absent ones become empty. */
    public ModelLineage {
        columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
        libraryVersions = libraryVersions == null ? Map.of() : Map.copyOf(libraryVersions);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }
}
