package org.chapkit.autoconfigure.job;

import java.util.List;
import org.chapkit.cluster.ClusterRole;
import org.chapkit.cluster.ClusterRoles;
import org.chapkit.cluster.LeaderOnlyWork;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobManager;
import org.chapkit.job.RecurringWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the {@link JobManager} once the application context has created every singleton, as db-scheduler's Spring
 * Boot starter waits for the context to be ready: every {@link JobHandler} and {@link RecurringWork} bean exists
 * then (and every {@code @Task} is discovered), so no job runs against a half-built context, and handlers may
 * depend on the {@code JobManager} without a cycle. A cluster member without the {@code worker} role
 * ({@link ClusterRoles}) starts it as a submitter only: jobs submitted here run on the workers. In a cluster the
 * {@code RecurringWork} runs on the leader only ({@link LeaderOnlyWork}), not as db-scheduler recurring tasks. Stops it
 * gracefully when the context stops or closes (a test context cache pauses idle contexts that way, and starts them
 * again when a test needs them).
 */
final class JobSystemLifecycle implements SmartLifecycle {

    /**
     * Below the web server's start/stop phase ({@code DEFAULT_PHASE - 2048}) and its graceful shutdown
     * ({@code DEFAULT_PHASE - 1024}): jobs run before requests arrive, and stop only after in-flight requests (which
     * may submit jobs) have drained. Above the declared-schedules sync (phase 0), so the first firing sees them.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final JobManager jobs;
    private final ObjectProvider<JobHandler<?>> handlers;
    private final ObjectProvider<RecurringWork> recurring;
    private final ObjectProvider<ClusterRoles> roles;
    private final ObjectProvider<LeaderOnlyWork> leaderOnly;

    JobSystemLifecycle(
            JobManager jobs,
            ObjectProvider<JobHandler<?>> handlers,
            ObjectProvider<RecurringWork> recurring,
            ObjectProvider<ClusterRoles> roles,
            ObjectProvider<LeaderOnlyWork> leaderOnly) {
        this.jobs = jobs;
        this.handlers = handlers;
        this.recurring = recurring;
        this.roles = roles;
        this.leaderOnly = leaderOnly;
    }

    @Override
    public void start() {
        List<RecurringWork> work = recurring.orderedStream().toList();
        LeaderOnlyWork leader = leaderOnly.getIfAvailable();
        if (roles.getIfAvailable(() -> ClusterRoles.ALL).has(ClusterRole.WORKER)) {
            jobs.start(handlers.orderedStream().toList(), leader == null ? work : List.of());
        } else {
            jobs.startSubmitOnly(handlers.orderedStream().toList());
        }
        if (leader != null) {
            leader.start(work);
        }
    }

    /** Waits for running jobs up to {@code chapkit.jobs.shutdown-grace}, then stops the rest (see JobManager). */
    @Override
    public void stop() {
        LeaderOnlyWork leader = leaderOnly.getIfAvailable();
        if (leader != null) {
            leader.stop();
        }
        jobs.stop();
    }

    @Override
    public boolean isRunning() {
        return jobs.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
