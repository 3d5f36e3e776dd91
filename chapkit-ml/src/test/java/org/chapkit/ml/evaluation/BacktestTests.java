package org.chapkit.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chapkit.ml.data.DataFrame;
import org.junit.jupiter.api.Test;

/** {@link Backtest} splits and {@link ForecastScores} on hand-computed values. */
class BacktestTests {

    @Test
    void scoresMatchHandComputedMaeRmseCrpsAndCoverage() {
        double[] samples = {1, 2, 3, 4, 5};
        ForecastScores exact = new ForecastScores.Accumulator().add(samples, 3).scores();
        // median 3; CRPS = mean|x - 3| - Σ|x_i - x_j| / (2n²) = 1.2 - 40 / 50
        assertThat(exact.mae()).isZero();
        assertThat(exact.crps()).isCloseTo(0.4, within(1e-12));
        assertThat(exact.coverage50()).isEqualTo(1.0);

        ForecastScores both = new ForecastScores.Accumulator()
                .add(samples, 3)
                .add(new double[] {5, 4, 3, 2, 1}, 10)
                .scores();
        assertThat(both.count()).isEqualTo(2);
        assertThat(both.mae()).isCloseTo(3.5, within(1e-12));
        assertThat(both.rmse()).isCloseTo(Math.sqrt(24.5), within(1e-12));
        assertThat(both.crps()).isCloseTo((0.4 + 6.2) / 2, within(1e-12));
        assertThat(both.coverage50()).isEqualTo(0.5);
        assertThat(both.coverage90()).isEqualTo(0.5);
        // the 90 % interval of 1..5 is [1.2, 4.8]: 1.1 is outside it, inside nothing
        assertThat(new ForecastScores.Accumulator().add(samples, 1.1).scores().coverage90())
                .isZero();
        // one sample: CRPS is the absolute error
        assertThat(new ForecastScores.Accumulator()
                        .add(new double[] {2}, 5)
                        .scores()
                        .crps())
                .isCloseTo(3, within(1e-12));
    }

    @Test
    void rollingOriginSplitsTrainOnThePastAndHideTheTargetOfTheNextPeriods() {
        List<List<Object>> rows = new ArrayList<>();
        for (int month = 1; month <= 10; month++) {
            String period = "2020-%02d".formatted(month);
            rows.add(Arrays.asList(period, "a", (double) month));
            rows.add(Arrays.asList(period, "b", month * 2.0));
        }
        DataFrame data = DataFrame.of(List.of("time_period", "location", "disease_cases"), rows);

        List<Backtest.Split> splits = Backtest.plan(data, 3, 2);

        assertThat(splits).extracting(Backtest.Split::trainUntil).containsExactly("2020-04", "2020-06", "2020-08");
        assertThat(splits.get(0).periods()).containsExactly("2020-05", "2020-06");
        assertThat(splits.get(2).periods()).containsExactly("2020-09", "2020-10");
        assertThat(splits.get(0).train().size()).isEqualTo(8);
        assertThat(splits.get(0).future().column("disease_cases")).containsOnlyNulls();
        assertThat(splits.get(0).truth().column("disease_cases")).containsExactly(5.0, 10.0, 6.0, 12.0);
        assertThatThrownBy(() -> Backtest.plan(data, 5, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 11 periods");

        DataFrame predictions = DataFrame.of(
                List.of("time_period", "location", "sample_0", "sample_1"),
                List.of(
                        List.of("2020-09", "a", 9.0, 9.0),
                        List.of("2020-09", "b", 18.0, 18.0),
                        List.of("2020-10", "a", 12.0, 12.0),
                        List.of("2020-10", "b", 20.0, 20.0)));
        ForecastScores scores =
                Backtest.score(predictions, splits.get(2).truth()).scores();
        assertThat(scores.count()).isEqualTo(4);
        assertThat(scores.mae()).isCloseTo(0.5, within(1e-12));
        assertThat(scores.coverage50()).isEqualTo(0.75);
    }
}
