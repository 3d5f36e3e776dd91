package org.chapkit.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's recovery of the jobs that dead members held: after each heartbeat of the leader, every job execution
 * still picked by a member declared {@code DEAD} is {@link JobManager#takeOverFrom taken over} in a transaction
 * fenced by the leader's epoch — re-queued when its type is idempotent, failed naming the instance otherwise. A leader
 * that lost its term meanwhile writes nothing ({@link StaleEpochException}); the new leader's recovery finds the same
 * executions. Runs on the membership's heartbeat thread ({@link ClusterMembership#onBeat(Runnable)}), so a member is
 * recovered in the beat that declares it dead when the leader is the one that notices.
 */
public final class DeadMemberRecovery implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DeadMemberRecovery.class);

    private final ClusterStore store;
    private final ClusterLeadership leadership;
    private final JobManager jobs;
    private final Duration deadAfter;
    private final Clock clock;

    /**
     * @param store the cluster tables
     * @param leadership this instance's leadership (only the leader recovers)
     * @param jobs the job system whose executions dead members held
     * @param deadAfter how long a member goes without a heartbeat before it is declared dead (for the record)
     * @param clock time source of the logged recovery times
     */
    public DeadMemberRecovery(
            ClusterStore store, ClusterLeadership leadership, JobManager jobs, Duration deadAfter, Clock clock) {
        this.store = store;
        this.leadership = leadership;
        this.jobs = jobs;
        this.deadAfter = deadAfter;
        this.clock = clock;
    }

    @Override
    public void run() {
        OptionalLong epoch = leadership.epoch();
        if (epoch.isEmpty()) {
            return;
        }
        for (ClusterMember member : store.deadMembers()) {
            List<String> held = jobs.jobsPickedBy(member.instanceId());
            for (String jobId : held) {
                if (!recover(epoch.getAsLong(), member, jobId)) {
                    return;
                }
            }
        }
    }

    /** Takes one job over; false when this instance is no longer the leader. */
    private boolean recover(long epoch, ClusterMember member, String jobId) {
        String reason = "no heartbeat for " + deadAfter + ", last at " + member.lastHeartbeat();
        Optional<JobStatus> outcome;
        try {
            outcome = leadership.fenced(epoch, () -> jobs.takeOverFrom(member.instanceId(), jobId, reason));
        } catch (StaleEpochException ex) {
            log.warn("Recovery of dead member {} stopped: {}", member.instanceId(), ex.getMessage());
            return false;
        }
        outcome.ifPresent(status -> log.info(
                "Leader {} (epoch {}) took job {} over from dead member {}: {}, {} ms after its last heartbeat",
                leadership.instanceId(),
                epoch,
                jobId,
                member.instanceId(),
                status.wireName(),
                Duration.between(member.lastHeartbeat(), Instant.now(clock)).toMillis()));
        return true;
    }
}
