package org.chapkit.ml.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.chapkit.artifact.ArtifactKind;

/**
 * The {@code ml_evaluation} artifact of a backtest: per split and overall scores, with what was evaluated, so that
 * backtests of different configs (or config versions) on the same data compare field by field.
 *
 * @param type always {@code ml_evaluation}
 * @param configId the config
 * @param configVersion the config's version when the backtest ran
 * @param runnerType the model runner's class
 * @param target the column scored ({@code disease_cases})
 * @param horizon periods predicted per split
 * @param splits the per-split results, in time order
 * @param overall the scores over every split's forecasts together
 * @param startedAt when the backtest started
 * @param completedAt when it completed
 */
@JsonPropertyOrder({
    "type",
    "config_id",
    "config_version",
    "runner_type",
    "target",
    "horizon",
    "overall",
    "splits",
    "started_at",
    "completed_at"
})
public record EvaluationArtifactData(
        @JsonProperty("type") String type,
        @JsonProperty("config_id") String configId,
        @JsonProperty("config_version") long configVersion,
        @JsonProperty("runner_type") String runnerType,
        @JsonProperty("target") String target,
        @JsonProperty("horizon") int horizon,
        @JsonProperty("splits") List<SplitResult> splits,
        @JsonProperty("overall") ForecastScores overall,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("completed_at") String completedAt) {

    /** The artifact {@code data.type}. */
    public static final String TYPE = "ml_evaluation";

    /** The artifact kind. */
    public static final ArtifactKind<EvaluationArtifactData> KIND =
            new ArtifactKind<>(TYPE, EvaluationArtifactData.class);

    /** Copies the splits. */
    public EvaluationArtifactData {
        splits = List.copyOf(splits);
    }

    /**
     * One split of a backtest.
     *
     * @param split its number, from 1
     * @param trainUntil the last period trained on
     * @param periods the periods predicted
     * @param trainRows the rows trained on
     * @param scores its scores
     */
    public record SplitResult(
            @JsonProperty("split") int split,
            @JsonProperty("train_until") String trainUntil,
            @JsonProperty("periods") List<String> periods,
            @JsonProperty("train_rows") int trainRows,
            @JsonProperty("scores") ForecastScores scores) {}
}
