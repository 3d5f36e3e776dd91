package org.chapkit.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A version of a registered model: a successful training artifact with its lineage.
 *
 * @param model the model
 * @param version the version number
 * @param artifactId the training artifact
 * @param status {@code active} or {@code archived}
 * @param lineage where it came from
 * @param aliases the aliases pointing at it
 * @param createdAt when it was registered
 * @param archivedAt when it was archived, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelVersion(
        @JsonProperty("model") String model,
        @JsonProperty("version") int version,
        @JsonProperty("artifact_id") String artifactId,
        @JsonProperty("status") String status,
        @JsonProperty("lineage") Lineage lineage,
        @JsonProperty("aliases") List<String> aliases,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("archived_at") Instant archivedAt) {

    /**
     * A version's lineage.
     *
     * @param configId the config
     * @param configVersion its version
     * @param dataSha256 the training data's hash
     * @param rows training rows
     * @param columns training columns
     * @param columnNames the training columns' names
     * @param runnerType the runner's class
     * @param modelClass the trained model's class
     * @param chapkitVersion chapkit's version
     * @param javaVersion the JVM's version
     * @param libraryVersions library versions
     * @param trainingDurationSeconds the training's duration
     * @param trainingJobId the training job
     * @param metrics metrics logged during training
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lineage(
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
            @JsonProperty("metrics") Map<String, Double> metrics) {}
}
