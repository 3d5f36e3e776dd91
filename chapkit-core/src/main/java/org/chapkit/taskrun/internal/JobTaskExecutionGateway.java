package org.chapkit.taskrun.internal;

import java.time.Clock;
import java.time.Instant;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.id.Ulids;
import org.chapkit.job.Job;
import org.chapkit.job.JobManager;
import org.chapkit.task.BoundTaskParams;
import org.chapkit.task.ExecutionOrigin;
import org.chapkit.task.TaskDefinition;
import org.chapkit.task.TaskExecutionGateway;
import org.chapkit.task.TaskSubmission;
import org.chapkit.taskrun.TaskJobPayload;
import org.chapkit.taskrun.TaskRun;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs tasks as durable jobs ({@link TaskJobHandler}). The job and its {@code task_runs} row are written in one
 * transaction, joining the caller's (a schedule's tick claim). A task with a cache TTL whose identical params
 * (same canonical JSON) completed within the TTL is answered with the stored artifact: the job still exists, so the
 * answer keeps its shape, and completes at once with that artifact.
 */
public class JobTaskExecutionGateway implements TaskExecutionGateway {

    private final JobManager jobs;
    private final TaskRunStore runs;
    private final ArtifactManager artifacts;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;
    private final Clock clock;

    public JobTaskExecutionGateway(
            JobManager jobs,
            TaskRunStore runs,
            ArtifactManager artifacts,
            TransactionTemplate transactions,
            ObjectMapper mapper,
            Clock clock) {
        this.jobs = jobs;
        this.runs = runs;
        this.artifacts = artifacts;
        this.transactions = transactions;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public TaskSubmission submit(BoundTaskParams params, ExecutionOrigin origin) {
        TaskDefinition task = params.task();
        String hash = CanonicalParams.hash(mapper, params.params());
        return transactions.execute(status -> {
            Instant now = clock.instant();
            String cached = task.cacheTtl() == null
                    ? null
                    : runs.findCached(task.name(), hash, now.minus(task.cacheTtl()))
                            .filter(id -> artifacts.find(id).isPresent())
                            .orElse(null);
            String artifactId = cached != null ? cached : Ulids.newUlid();
            Job job = jobs.submit(
                    TaskJobHandler.TYPE, new TaskJobPayload(task.name(), params.params(), 1, null, cached), artifactId);
            runs.insert(new TaskRun(
                    job.id(),
                    task.name(),
                    job.id(),
                    1,
                    hash,
                    cached,
                    origin.scheduleId(),
                    origin.tick(),
                    "pending",
                    now,
                    now,
                    null,
                    null,
                    null));
            return new TaskSubmission(job.id(), artifactId);
        });
    }
}
