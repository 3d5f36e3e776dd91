package org.chapkit.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.chapkit.task.MissedRunPolicy;

/**
 * Pure schedule arithmetic: the first tick of a new schedule and the plan for a due one under its missed-run
 * policy. A tick older than {@code grace} at firing time counts as missed (the service was down or overloaded);
 * a younger one is on time and runs under every policy.
 */
public final class ScheduleCalculator {

    /** Upper bound on ticks walked through for one firing (a cron trigger after a very long downtime). */
    static final int MAX_TICKS_WALKED = 1_000_000;

    private ScheduleCalculator() {}

    /** The first tick of a schedule created or enabled at {@code now}. */
    public static Instant firstRun(ScheduleTrigger trigger, Instant now) {
        return switch (trigger) {
            case ScheduleTrigger.Once once -> once.runAt();
            default -> trigger.nextAfter(now);
        };
    }

    /**
     * The plan for a schedule whose next tick is {@code due}, fired at {@code now}.
     *
     * @param cap most ticks {@link MissedRunPolicy#RUN_ALL} runs at once (at least 1)
     */
    public static FiringPlan plan(
            ScheduleTrigger trigger, Instant due, Instant now, MissedRunPolicy policy, int cap, Duration grace) {
        if (due == null || due.isAfter(now)) {
            return new FiringPlan(List.of(), due, 0);
        }
        int keep = policy == MissedRunPolicy.RUN_ALL ? Math.max(1, cap) : 1;
        Deque<Instant> latest = new ArrayDeque<>(keep);
        long total = 0;
        Instant tick = due;
        if (trigger instanceof ScheduleTrigger.Interval interval) {
            long intervalMillis = interval.interval().toMillis();
            long passed = Duration.between(due, now).toMillis() / intervalMillis;
            long jump = Math.max(0, passed + 1 - keep);
            total = jump;
            tick = due.plusMillis(jump * intervalMillis);
        }
        int walked = 0;
        while (tick != null && !tick.isAfter(now) && walked < MAX_TICKS_WALKED) {
            if (latest.size() == keep) {
                latest.removeFirst();
            }
            latest.addLast(tick);
            total++;
            walked++;
            tick = trigger.nextAfter(tick);
        }
        if (tick != null && !tick.isAfter(now)) {
            tick = trigger.nextAfter(now);
        }
        List<Instant> runs = new ArrayList<>();
        Instant newest = latest.peekLast();
        switch (policy) {
            case SKIP -> {
                if (newest != null && !newest.isBefore(now.minus(grace))) {
                    runs.add(newest);
                }
            }
            case RUN_ONCE -> runs.add(newest);
            case RUN_ALL -> runs.addAll(latest);
        }
        return new FiringPlan(runs, tick, total - runs.size());
    }

    /** The shortest gap between the next {@code samples} ticks after {@code from}, or null when fewer exist. */
    public static Duration shortestGap(ScheduleTrigger trigger, Instant from, int samples) {
        Duration shortest = null;
        Instant previous = trigger.nextAfter(from);
        for (int i = 0; i < samples && previous != null; i++) {
            Instant next = trigger.nextAfter(previous);
            if (next == null) {
                break;
            }
            Duration gap = Duration.between(previous, next);
            shortest = shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
            previous = next;
        }
        return shortest;
    }
}
