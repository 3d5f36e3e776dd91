package org.chapkit.client.ml;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The {@code metadata} of ML artifacts (training workspaces, predictions, prediction workspaces).
 *
 * @param status {@code success} or {@code failed}
 * @param configId id of the config the model was trained with
 * @param startedAt when the runner started
 * @param completedAt when the runner finished
 * @param durationSeconds runner duration, rounded to two decimals
 * @param exitCode exit code of a shell runner, or {@code null}
 * @param stdout standard output of a shell runner, or {@code null}
 * @param stderr standard error of a shell runner, or {@code null}
 */
public record MlMetadata(
        String status,
        @JsonProperty("config_id") String configId,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("completed_at") Instant completedAt,
        @JsonProperty("duration_seconds") Double durationSeconds,
        @JsonProperty("exit_code") Integer exitCode,
        String stdout,
        String stderr) {}
