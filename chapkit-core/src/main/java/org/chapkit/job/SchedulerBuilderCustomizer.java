package org.chapkit.job;

import com.github.kagkarlsson.scheduler.SchedulerBuilder;

/**
 * Adjusts the db-scheduler {@link SchedulerBuilder} the {@link JobManager} builds its scheduler with, for settings
 * chapkit has no property for (for example {@code pollUsingLockAndFetch}, {@code executorService} or
 * {@code enableImmediateExecution}). Customizers run in order after chapkit has applied {@code chapkit.jobs.*}, so
 * what they set wins.
 */
@FunctionalInterface
public interface SchedulerBuilderCustomizer {

    /**
     * Customizes the builder before the scheduler is built.
     *
     * @param builder the builder, already configured from {@link JobSettings}
     */
    void customize(SchedulerBuilder builder);
}
