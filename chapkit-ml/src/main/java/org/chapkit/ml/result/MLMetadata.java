package org.chapkit.ml.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.chapkit.time.UtcTimestamps;

/**
 * chapkit's {@code MLMetadata}, the {@code metadata} of every ML artifact. {@code exit_code}, {@code stdout} and
 * {@code stderr} are written as explicit {@code null}s when absent, as chapkit stores them.
 *
 * @param status {@code success} or {@code failed}
 * @param configId the config ULID
 * @param startedAt Python {@code isoformat()} of the UTC start, e.g. {@code 2026-06-30T10:11:12.345678+00:00}
 * @param completedAt the same for the end
 * @param durationSeconds the runner call's duration, rounded to 2 decimals
 * @param exitCode the command's exit code, or {@code null}
 * @param stdout the command's standard output, or {@code null}
 * @param stderr the command's standard error, or {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
    "status",
    "config_id",
    "started_at",
    "completed_at",
    "duration_seconds",
    "exit_code",
    "stdout",
    "stderr"
})
public record MLMetadata(
        @JsonProperty("status") String status,
        @JsonProperty("config_id") String configId,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("duration_seconds") Double durationSeconds,
        @JsonProperty("exit_code") Integer exitCode,
        @JsonProperty("stdout") String stdout,
        @JsonProperty("stderr") String stderr) {

    /** The status of a successful run. */
    public static final String SUCCESS = "success";

    /** The status of a failed run. */
    public static final String FAILED = "failed";

    /*
     * No checks in the canonical constructor: metadata is also read back from stored artifacts, which the artifact
     * API lets anyone write, so components may be missing there (the training artifact check reports them). of()
     * builds complete metadata.
     */

    /**
     * Builds metadata from instants, formatting and rounding as chapkit does.
     *
     * @param success whether the run succeeded
     * @param configId the config ULID
     * @param started the start
     * @param completed the end
     * @param exitCode the exit code, or {@code null}
     * @param stdout standard output, or {@code null}
     * @param stderr standard error, or {@code null}
     * @return the metadata
     */
    public static MLMetadata of(
            boolean success,
            String configId,
            Instant started,
            Instant completed,
            Integer exitCode,
            String stdout,
            String stderr) {
        Objects.requireNonNull(configId, "configId");
        return new MLMetadata(
                success ? SUCCESS : FAILED,
                configId,
                UtcTimestamps.isoformat(started),
                UtcTimestamps.isoformat(completed),
                roundedSeconds(Duration.between(started, completed)),
                exitCode,
                stdout,
                stderr);
    }

    private static double roundedSeconds(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 9)
                .setScale(2, RoundingMode.HALF_EVEN)
                .doubleValue();
    }

    /**
     * Whether the status is {@code success}.
     *
     * @return {@code true} on success
     */
    public boolean succeeded() {
        return SUCCESS.equals(status);
    }

    /**
     * Whether the status is {@code failed}; metadata without a status (written through the API) is not failed.
     *
     * @return {@code true} for a failed run
     */
    public boolean failed() {
        return FAILED.equals(status);
    }
}
