package org.chapkit.task;

import java.time.Duration;

/**
 * A schedule declared in code through the schedule attributes of {@link Task}; synced into the schedules table
 * at start-up. Exactly one of {@code cron} and {@code fixedInterval} is set.
 *
 * @param cron cron expression as written, or null
 * @param fixedInterval fixed interval, or null
 * @param timeZone time zone id in which the cron expression is evaluated
 * @param missedRunPolicy the missed-run policy
 * @param missedRunCap most missed ticks run at once by {@code run_all}
 */
public record DeclaredSchedule(
        String cron, Duration fixedInterval, String timeZone, MissedRunPolicy missedRunPolicy, int missedRunCap) {}
