package org.chapkit.schedule;

import java.time.Duration;

/**
 * Limits and defaults of schedules.
 *
 * @param minInterval shortest interval (and shortest gap between cron ticks) a schedule may have
 * @param missedRunGrace how late a tick may fire and still count as on time rather than missed
 * @param defaultMissedRunCap the {@code run_all} cap when a request gives none
 * @param maxMissedRunCap the largest {@code run_all} cap a schedule may ask for
 */
public record ScheduleSettings(
        Duration minInterval, Duration missedRunGrace, int defaultMissedRunCap, int maxMissedRunCap) {}
