package org.chapkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.chapkit.task.MissedRunPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

class ScheduleCalculatorTests {

    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final ScheduleTrigger HOURLY = new ScheduleTrigger.Interval(Duration.ofHours(1));
    private static final ScheduleTrigger NIGHTLY_OSLO =
            new ScheduleTrigger.Cron(CronExpression.parse("0 0 3 * * *"), ZoneId.of("Europe/Oslo"));

    @Test
    void anOnTimeTickRunsUnderEveryPolicy() {
        Instant due = at("2026-01-10T10:00:00Z");
        Instant now = at("2026-01-10T10:00:05Z");
        for (MissedRunPolicy policy : MissedRunPolicy.values()) {
            FiringPlan plan = ScheduleCalculator.plan(HOURLY, due, now, policy, 10, GRACE);
            assertThat(plan.runs()).containsExactly(due);
            assertThat(plan.nextRunAt()).isEqualTo(at("2026-01-10T11:00:00Z"));
            assertThat(plan.skipped()).isZero();
        }
    }

    @Test
    void aScheduleNotYetDueDoesNothing() {
        Instant due = at("2026-01-10T10:00:00Z");
        FiringPlan plan =
                ScheduleCalculator.plan(HOURLY, due, at("2026-01-10T09:59:59Z"), MissedRunPolicy.RUN_ALL, 10, GRACE);
        assertThat(plan.runs()).isEmpty();
        assertThat(plan.nextRunAt()).isEqualTo(due);
    }

    @Test
    void missedIntervalTicksFollowThePolicy() {
        Instant due = at("2026-01-10T10:00:00Z");
        Instant now = at("2026-01-10T12:30:30Z");

        FiringPlan skip = ScheduleCalculator.plan(HOURLY, due, now, MissedRunPolicy.SKIP, 10, GRACE);
        assertThat(skip.runs()).isEmpty();
        assertThat(skip.skipped()).isEqualTo(3);
        assertThat(skip.nextRunAt()).isEqualTo(at("2026-01-10T13:00:00Z"));

        FiringPlan once = ScheduleCalculator.plan(HOURLY, due, now, MissedRunPolicy.RUN_ONCE, 10, GRACE);
        assertThat(once.runs()).containsExactly(at("2026-01-10T12:00:00Z"));
        assertThat(once.skipped()).isEqualTo(2);
        assertThat(once.nextRunAt()).isEqualTo(at("2026-01-10T13:00:00Z"));

        FiringPlan all = ScheduleCalculator.plan(HOURLY, due, now, MissedRunPolicy.RUN_ALL, 10, GRACE);
        assertThat(all.runs())
                .containsExactly(at("2026-01-10T10:00:00Z"), at("2026-01-10T11:00:00Z"), at("2026-01-10T12:00:00Z"));
        assertThat(all.skipped()).isZero();

        FiringPlan capped = ScheduleCalculator.plan(HOURLY, due, now, MissedRunPolicy.RUN_ALL, 2, GRACE);
        assertThat(capped.runs()).containsExactly(at("2026-01-10T11:00:00Z"), at("2026-01-10T12:00:00Z"));
        assertThat(capped.skipped()).isEqualTo(1);
    }

    @Test
    void aLongDowntimeOfAShortIntervalIsComputedWithoutWalkingEveryTick() {
        ScheduleTrigger everyTenSeconds = new ScheduleTrigger.Interval(Duration.ofSeconds(10));
        Instant due = at("2026-01-01T00:00:00Z");
        Instant now = at("2026-01-31T00:00:05Z");

        FiringPlan plan = ScheduleCalculator.plan(everyTenSeconds, due, now, MissedRunPolicy.RUN_ALL, 3, GRACE);

        assertThat(plan.runs())
                .containsExactly(at("2026-01-30T23:59:40Z"), at("2026-01-30T23:59:50Z"), at("2026-01-31T00:00:00Z"));
        assertThat(plan.skipped()).isEqualTo(30L * 24 * 360 + 1 - 3);
        assertThat(plan.nextRunAt()).isEqualTo(at("2026-01-31T00:00:10Z"));
    }

    @Test
    void cronTicksAreComputedInTheScheduleTimeZoneAcrossDaylightSaving() {
        // Europe/Oslo switches to summer time on 2026-03-29: 03:00 local is 02:00Z before and 01:00Z after.
        assertThat(ScheduleCalculator.firstRun(NIGHTLY_OSLO, at("2026-03-28T12:00:00Z")))
                .isEqualTo(at("2026-03-29T01:00:00Z"));

        FiringPlan plan = ScheduleCalculator.plan(
                NIGHTLY_OSLO,
                at("2026-03-28T02:00:00Z"),
                at("2026-03-30T12:00:00Z"),
                MissedRunPolicy.RUN_ALL,
                10,
                GRACE);

        assertThat(plan.runs())
                .containsExactly(at("2026-03-28T02:00:00Z"), at("2026-03-29T01:00:00Z"), at("2026-03-30T01:00:00Z"));
        assertThat(plan.nextRunAt()).isEqualTo(at("2026-03-31T01:00:00Z"));
    }

    @Test
    void aMissedOneOffRunsOnlyWhenThePolicyCatchesUp() {
        ScheduleTrigger once = new ScheduleTrigger.Once(at("2026-01-10T10:00:00Z"));
        Instant now = at("2026-01-10T18:00:00Z");

        FiringPlan skip =
                ScheduleCalculator.plan(once, at("2026-01-10T10:00:00Z"), now, MissedRunPolicy.SKIP, 1, GRACE);
        assertThat(skip.runs()).isEmpty();
        assertThat(skip.skipped()).isEqualTo(1);
        assertThat(skip.nextRunAt()).isNull();

        FiringPlan runOnce =
                ScheduleCalculator.plan(once, at("2026-01-10T10:00:00Z"), now, MissedRunPolicy.RUN_ONCE, 1, GRACE);
        assertThat(runOnce.runs()).isEqualTo(List.of(at("2026-01-10T10:00:00Z")));
        assertThat(runOnce.nextRunAt()).isNull();
    }

    @Test
    void theShortestGapOfACronExpressionIsFound() {
        ScheduleTrigger everyFiveSeconds =
                new ScheduleTrigger.Cron(CronExpression.parse("*/5 * * * * *"), ZoneId.of("UTC"));
        assertThat(ScheduleCalculator.shortestGap(everyFiveSeconds, at("2026-01-01T00:00:00Z"), 5))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(ScheduleCalculator.shortestGap(NIGHTLY_OSLO, at("2026-03-27T00:00:00Z"), 5))
                .isEqualTo(Duration.ofHours(23));
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }
}
