package org.chapkit.autoconfigure.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the job system ({@code chapkit.jobs.*}).
 *
 * @param enabled whether the job system and {@code /api/v1/jobs} are set up
 * @param instanceName unique name of this instance among those sharing the database; default host name plus a
 *     random suffix
 * @param maxConcurrency jobs this instance runs at once; chapkit's default is 1 (more jobs wait as {@code pending})
 * @param pollingInterval how often this instance looks for jobs submitted on other instances; jobs submitted on this
 *     instance start at once regardless
 * @param heartbeatInterval how often this instance records that it still runs its jobs
 * @param missedHeartbeatsLimit missed heartbeats after which another instance treats a running job's instance as
 *     dead and applies the recovery policy; with the defaults a dead instance's jobs are handled within about 45 s
 * @param cancelCheckInterval how often this instance checks whether a job it runs was deleted on another instance
 * @param retention how long completed, failed and canceled job records are kept before they are deleted
 * @param shutdownGrace how long a stopping instance lets running jobs finish before it hands them back (idempotent
 *     ones) or fails them; by default Spring's {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s unless set)
 *     less 5 s for db-scheduler's own stop, so that the drain ends within the shutdown phase
 * @param reconcileInterval how often one instance fails jobs that are {@code running} without a live execution (or
 *     {@code pending} without any); a job is looked at once it has been in that state this long
 * @param exposeTraceback whether a failed job's stack trace is kept in {@code error_traceback}, and a failed task's in
 *     its result artifact's {@code error.traceback}; false stores neither, so no record, stream or artifact read
 *     (GET, {@code $tree}, {@code $download}, {@code $export}) shows one
 */
@ConfigurationProperties("chapkit.jobs")
public record ChapkitJobsProperties(
        @DefaultValue("true") boolean enabled,
        String instanceName,
        @DefaultValue("1") int maxConcurrency,
        @DefaultValue("1s") Duration pollingInterval,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("6") int missedHeartbeatsLimit,
        @DefaultValue("500ms") Duration cancelCheckInterval,
        @DefaultValue("7d") Duration retention,
        Duration shutdownGrace,
        @DefaultValue("1m") Duration reconcileInterval,
        @DefaultValue("true") boolean exposeTraceback) {}
