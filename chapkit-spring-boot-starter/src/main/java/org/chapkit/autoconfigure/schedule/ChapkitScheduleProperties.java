package org.chapkit.autoconfigure.schedule;

import java.time.Duration;
import org.chapkit.schedule.ScheduleSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Schedules that run tasks by cron, fixed interval or once.
 *
 * @param enabled whether schedules are served under {@code /api/v1/schedules} and declared ones synced
 * @param minInterval shortest interval, and shortest gap between cron ticks, a schedule may have
 * @param missedRunGrace how late a tick may fire and still count as on time rather than missed
 * @param defaultMissedRunCap the {@code run_all} cap of a schedule that gives none
 * @param maxMissedRunCap the largest {@code run_all} cap a schedule may ask for
 * @param pollInterval how often the cluster looks for due schedules (one instance per poll); a tick runs at most
 *     this late
 * @param fire whether due schedules are fired; off keeps the schedules API but runs nothing on its own (the test
 *     kit's default, so a test never fires the application's schedules)
 */
@ConfigurationProperties("chapkit.schedules")
public record ChapkitScheduleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10s") Duration minInterval,
        @DefaultValue("1m") Duration missedRunGrace,
        @DefaultValue("10") int defaultMissedRunCap,
        @DefaultValue("100") int maxMissedRunCap,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("true") boolean fire) {

    /** These properties as the core feature's settings. */
    public ScheduleSettings toSettings() {
        return new ScheduleSettings(minInterval, missedRunGrace, defaultMissedRunCap, maxMissedRunCap);
    }
}
