package org.chapkit.testtasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chapkit.id.Ulids;
import org.chapkit.task.BoundTaskParams;
import org.chapkit.task.ExecutionOrigin;
import org.chapkit.task.TaskExecutionGateway;
import org.chapkit.task.TaskInvocation;
import org.chapkit.task.TaskInvoker;
import org.chapkit.task.TaskSubmission;

/**
 * TEST ONLY, temporary: runs a submitted task at once on the caller's thread and remembers the outcome, standing
 * in for the job-backed gateway until the job system is wired. Never registered by auto-configuration.
 */
public class InProcessTaskExecutionGatewayForTests implements TaskExecutionGateway {

    private final TaskInvoker invoker;
    private final List<Execution> executions = new CopyOnWriteArrayList<>();

    public InProcessTaskExecutionGatewayForTests(TaskInvoker invoker) {
        this.invoker = invoker;
    }

    @Override
    public TaskSubmission submit(BoundTaskParams params, ExecutionOrigin origin) {
        String jobId = Ulids.newUlid();
        String artifactId = Ulids.newUlid();
        Object result = null;
        String error = null;
        try {
            result = invoker.invoke(
                    params, new TaskInvocation(params.task().name(), jobId, artifactId, params.params(), Map.of()));
        } catch (RuntimeException ex) {
            error = ex.toString();
        }
        executions.add(new Execution(jobId, params.task().name(), origin, result, error));
        return new TaskSubmission(jobId, artifactId);
    }

    /** The execution of job {@code jobId}. */
    public Optional<Execution> execution(String jobId) {
        return executions.stream().filter(e -> e.jobId().equals(jobId)).findFirst();
    }

    /** How many runs were submitted so far. */
    public int executionCount() {
        return executions.size();
    }

    /** Executions that a schedule submitted. */
    public List<Execution> executionsOfSchedule(String scheduleId) {
        return executions.stream()
                .filter(e -> scheduleId.equals(e.origin().scheduleId()))
                .toList();
    }

    /**
     * One run.
     *
     * @param jobId the job id handed out
     * @param task the task name
     * @param origin why it ran
     * @param result what the task returned
     * @param error what it threw, or null
     */
    public record Execution(String jobId, String task, ExecutionOrigin origin, Object result, String error) {}
}
