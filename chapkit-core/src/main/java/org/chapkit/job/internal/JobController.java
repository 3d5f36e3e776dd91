package org.chapkit.job.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.chapkit.id.Ulids;
import org.chapkit.job.Job;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobRecord;
import org.chapkit.job.JobStatus;
import org.chapkit.problem.BadRequestException;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ProblemType;
import org.chapkit.schema.JsonSchemaGenerator;
import org.chapkit.sse.SseStreamer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/jobs}: chapkit's job endpoints (list, get, delete, {@code $schema}, {@code $stream}). */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs")
public class JobController {

    private static final String DELETED_FRAME = "{\"status\": \"deleted\"}";

    /** pydantic's {@code TypeAdapter(list[JobRecord]).json_schema()}, generated from {@link JobRecord}. */
    private static final ObjectNode LIST_SCHEMA =
            new JsonSchemaGenerator(JsonMapper.builder().build()).listSchema(JobRecord.class);

    private final JobManager jobs;
    private final SseStreamer streamer;

    public JobController(JobManager jobs, SseStreamer streamer) {
        this.jobs = jobs;
        this.streamer = streamer;
    }

    /** Lists jobs, newest first. */
    @GetMapping
    @Operation(summary = "List jobs", description = "Sorted by submitted_at, newest first.")
    public List<JobRecord> list(@RequestParam(name = "status_filter", required = false) String statusFilter) {
        JobStatus status = null;
        if (statusFilter != null) {
            status = JobStatus.fromWireName(statusFilter)
                    .orElseThrow(() -> invalidQuery(
                            "status_filter",
                            "Input should be 'pending', 'running', 'completed', 'failed' or 'canceled'"));
        }
        return jobs.list(status).stream().map(Job::toRecord).toList();
    }

    /** The JSON schema of the list response: {@code list[JobRecord]}. */
    @GetMapping("/$schema")
    @Operation(summary = "Job record JSON schema")
    public ObjectNode schema() {
        return LIST_SCHEMA.deepCopy();
    }

    /** One job. */
    @GetMapping("/{id}")
    @Operation(summary = "Get a job")
    public JobRecord get(@PathVariable String id) {
        return jobs.get(id).toRecord();
    }

    /**
     * The job's run log: metrics (every point, and the latest value of each), parameters and tags the runner logged.
     * 404 for an unknown job, like {@code GET /api/v1/jobs/{id}}.
     */
    @GetMapping("/{id}/$run-log")
    @Operation(summary = "Get a job's run log (metrics, parameters, tags)")
    public org.chapkit.job.JobRunLog runLog(@PathVariable String id) {
        return jobs.runLog(id).orElseThrow(org.chapkit.job.JobNotFoundException::new);
    }

    /**
     * The job's attempts that were cut short (its instance was declared dead, or shut down), oldest first: which
     * instance ran each, why it ended and what became of the job. 404 for an unknown job.
     */
    @GetMapping("/{id}/$attempts")
    @Operation(summary = "List a job's cut-short attempts (instance, reason, outcome)")
    public List<org.chapkit.job.JobAttempt> attempts(@PathVariable String id) {
        return jobs.attempts(id).orElseThrow(org.chapkit.job.JobNotFoundException::new);
    }

    /** Cancels the job if it runs (on any instance), then deletes it. */
    @DeleteMapping("/{id}")
    @ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel and delete a job")
    public void delete(@PathVariable String id) {
        jobs.delete(id);
    }

    /** Like FastAPI's 422 for an invalid query parameter, upgraded to problem+json with an {@code errors} list. */
    private static ChapkitException invalidQuery(String parameter, String message) {
        return new ChapkitException(ProblemType.UNPROCESSABLE, "Invalid query parameter " + parameter + ": " + message)
                .withFieldErrors(List.of(FieldError.query(parameter, message)));
    }

    /** Streams the job record every {@code poll_interval} seconds until it is terminal or deleted. */
    @GetMapping("/{id}/$stream")
    @Operation(summary = "Stream job status (server-sent events)")
    public ResponseEntity<ResponseBodyEmitter> stream(
            @PathVariable String id, @RequestParam(name = "poll_interval", defaultValue = "0.5") double pollInterval) {
        if (!Ulids.isValid(id)) {
            throw new BadRequestException("Invalid job ID format");
        }
        if (!(pollInterval > 0) || pollInterval > 3600) {
            throw invalidQuery("poll_interval", "Input should be greater than 0 and at most 3600 (seconds)");
        }
        String jobId = jobs.get(id).id();
        Duration interval = Duration.ofNanos((long) (pollInterval * 1_000_000_000L));
        return streamer.poll(interval, stream -> {
            Optional<Job> job = jobs.find(jobId);
            if (job.isEmpty()) {
                stream.sendJson(DELETED_FRAME);
                return false;
            }
            stream.send(job.get().toStreamFrame());
            return !job.get().status().isTerminal();
        });
    }
}
