package org.chapkit.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTests {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void delaysDoubleWithJitterBetweenHalfAndAllOfTheBase() {
        SplittableRandom random = new SplittableRandom(42);
        for (int failures = 1; failures <= 12; failures++) {
            long base = Math.min(60_000, 1000L << (failures - 1));
            for (int i = 0; i < 200; i++) {
                Duration delay = backoff.delay(failures, random);
                assertThat(delay.toMillis()).isBetween(base / 2, base);
            }
        }
    }

    @Test
    void minimumNeverShrinksAndIsCappedByHalfTheMax() {
        Duration previous = Duration.ZERO;
        for (int failures = 1; failures <= 100; failures++) {
            Duration minimum = backoff.minimum(failures);
            assertThat(minimum).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofSeconds(30));
            previous = minimum;
        }
        assertThat(backoff.minimum(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.minimum(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterSpreadsInstancesThatFailedTogether() {
        SplittableRandom random = new SplittableRandom(7);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> backoff.delay(3, random))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void rejectsNonPositiveOrInvertedBounds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .withMessageContaining("initial");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .withMessageContaining("max");
    }
}
