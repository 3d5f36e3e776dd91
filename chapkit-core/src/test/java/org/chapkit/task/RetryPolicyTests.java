package org.chapkit.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.format.datetime.standard.DurationFormatterUtils;

class RetryPolicyTests {

    private static final RandomGenerator NO_SPREAD = fixed(0.5);

    @Test
    void delaysGrowByTheMultiplierUntilTheCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(2), 3.0, Duration.ofMinutes(1), 0.0, List.of());

        List<Duration> delays = IntStream.rangeClosed(1, 5)
                .mapToObj(attempt -> policy.delayAfter(attempt, NO_SPREAD))
                .toList();

        assertThat(delays)
                .containsExactly(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(6),
                        Duration.ofSeconds(18),
                        Duration.ofSeconds(54),
                        Duration.ofMinutes(1));
    }

    @Test
    void jitterSpreadsEachDelayByAFractionAndNeverPassesTheCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), 2.0, Duration.ofSeconds(30), 0.2, List.of());

        assertThat(policy.delayAfter(1, fixed(0.0))).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.delayAfter(1, NO_SPREAD)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(1, fixed(0.75))).isEqualTo(Duration.ofSeconds(11));
        assertThat(policy.delayAfter(2, fixed(0.25))).isEqualTo(Duration.ofSeconds(18));
        assertThat(policy.delayAfter(3, fixed(0.99))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retriesStopAtMaxAttemptsAndForNonRetryableFailures() {
        RetryPolicy policy = new RetryPolicy(
                3,
                Duration.ofSeconds(1),
                2.0,
                Duration.ofMinutes(1),
                0.1,
                List.of(IllegalArgumentException.class, IOException.class));

        assertThat(policy.shouldRetry(1, new IllegalStateException())).isTrue();
        assertThat(policy.shouldRetry(2, new IllegalStateException())).isTrue();
        assertThat(policy.shouldRetry(3, new IllegalStateException())).isFalse();
        assertThat(policy.shouldRetry(1, new NumberFormatException())).isFalse();
        assertThat(policy.shouldRetry(1, new TaskFailedException("t", new IOException("disk"))))
                .isFalse();
        assertThat(RetryPolicy.none().shouldRetry(1, new IllegalStateException()))
                .isFalse();
    }

    @Test
    void settingsOutsideTheBoundsAreRejected() {
        Duration second = Duration.ofSeconds(1);
        Duration minute = Duration.ofMinutes(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(0, second, 2, minute, 0, List.of()))
                .withMessageContaining("maxAttempts");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(21, second, 2, minute, 0, List.of()))
                .withMessageContaining("maxAttempts");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(3, second, 0.5, minute, 0, List.of()))
                .withMessageContaining("multiplier");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(3, minute, 2, second, 0, List.of()))
                .withMessageContaining("maxDelay");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(3, second, 2, Duration.ofDays(2), 0, List.of()))
                .withMessageContaining("maxDelay");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryPolicy(3, second, 2, minute, 1.5, List.of()))
                .withMessageContaining("jitter");
    }

    @Test
    void durationsAreReadInSpringsSimpleAndIsoForm() {
        assertThat(DurationFormatterUtils.detectAndParse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationFormatterUtils.detectAndParse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationFormatterUtils.detectAndParse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationFormatterUtils.detectAndParse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationFormatterUtils.detectAndParse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(DurationFormatterUtils.detectAndParse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationFormatterUtils.detectAndParse("250")).isEqualTo(Duration.ofMillis(250));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DurationFormatterUtils.detectAndParse("soon"))
                .withMessageContaining("'soon' is not a valid duration");
    }

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
