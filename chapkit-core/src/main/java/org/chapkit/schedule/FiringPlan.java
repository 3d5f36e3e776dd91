package org.chapkit.schedule;

import java.time.Instant;
import java.util.List;

/**
 * What one firing of a due schedule does.
 *
 * @param runs the ticks to run now, oldest first (one job each)
 * @param nextRunAt the schedule's next tick after now, or null when it has no more (a finished one-off)
 * @param skipped how many due ticks are not run because of the missed-run policy
 */
public record FiringPlan(List<Instant> runs, Instant nextRunAt, long skipped) {

    public FiringPlan {
        runs = List.copyOf(runs);
    }
}
