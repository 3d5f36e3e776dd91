package org.chapkit.autoconfigure.cluster;

import java.util.function.Supplier;
import org.chapkit.job.JobManager;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code jobs} health contributor of a cluster member: UP while its job system runs (running jobs, or only
 * submitting them on an {@code api}-only member), OUT_OF_SERVICE while the member is fenced (declared dead by the
 * others: it claims nothing until the leader took its work over), DOWN when the job system is not running (not yet
 * started, or stopped). UP, with {@code job_system: absent}, in an application without a job system. Part of the
 * {@code readiness} group in cluster mode ({@link ClusterReadinessDefaults}).
 */
final class JobSystemHealthIndicator implements HealthIndicator {

    private final Supplier<JobManager> jobSystem;

    JobSystemHealthIndicator(Supplier<JobManager> jobSystem) {
        this.jobSystem = jobSystem;
    }

    @Override
    public Health health() {
        JobManager jobs = jobSystem.get();
        if (jobs == null) {
            return Health.up().withDetail("job_system", "absent").build();
        }
        // read once: the status and the details describe the same moment
        boolean running = jobs.isRunning();
        boolean fenced = jobs.isFenced();
        Health.Builder health = !running ? Health.down() : fenced ? Health.outOfService() : Health.up();
        return health.withDetail("running", running)
                .withDetail("runs_jobs", jobs.runsJobs())
                .withDetail("fenced", fenced)
                .build();
    }
}
