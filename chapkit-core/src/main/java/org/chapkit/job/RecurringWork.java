package org.chapkit.job;

import java.time.Duration;

/**
 * Periodic work that runs on one instance at a time across the cluster (a db-scheduler recurring task with a fixed
 * delay): db-scheduler claims each run of {@code name} in the shared database, so a tick runs once however many
 * instances there are. Register as a Spring bean; the job system starts it.
 *
 * @param name unique db-scheduler task name, for example {@code chapkit-schedule-firing}
 * @param delay delay between the end of one run and the start of the next
 * @param work what to do; an exception is logged and the next run happens as usual
 */
public record RecurringWork(String name, Duration delay, Runnable work) {}
