package org.chapkit.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/** When a schedule fires: by cron expression in a time zone, at a fixed interval, or once. */
public sealed interface ScheduleTrigger {

    /** The first tick strictly after {@code after}, or null when there is none. */
    Instant nextAfter(Instant after);

    /**
     * A cron trigger; daylight-saving changes follow Spring's {@link CronExpression} (a skipped local time does not
     * fire, a repeated one fires once).
     *
     * @param expression the parsed expression
     * @param zone the zone in which it is evaluated
     */
    record Cron(CronExpression expression, ZoneId zone) implements ScheduleTrigger {
        @Override
        public Instant nextAfter(Instant after) {
            ZonedDateTime next = expression.next(after.atZone(zone));
            return next == null ? null : next.toInstant();
        }
    }

    /**
     * A fixed interval; ticks are anchored at the previous tick, not at when the previous run finished.
     *
     * @param interval the positive interval
     */
    record Interval(Duration interval) implements ScheduleTrigger {
        @Override
        public Instant nextAfter(Instant after) {
            return after.plus(interval);
        }
    }

    /**
     * A single run.
     *
     * @param runAt when it runs
     */
    record Once(Instant runAt) implements ScheduleTrigger {
        @Override
        public Instant nextAfter(Instant after) {
            return runAt.isAfter(after) ? runAt : null;
        }
    }
}
