package org.chapkit.sample;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chapkit.job.Job;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A job slow enough to watch: sleeps for the requested seconds, reporting progress every second. Start one with
 * {@code POST /demo/$sleep?seconds=30}, then follow {@code GET /api/v1/jobs/{job_id}/$stream} or cancel it with
 * {@code DELETE /api/v1/jobs/{job_id}}. With {@code seconds=0} it does nothing: the bare job system round trip the
 * {@code predict} benchmark compares {@code $predict} with.
 */
@Component
public class DemoSleepJob implements JobHandler<DemoSleepJob.Input> {

    /** Name of the demo job type, as stored with each job. */
    static final String NAME = "demo.sleep";

    /** The demo job type: the only place its name and payload class are written. */
    public static final JobType<Input> TYPE = JobType.of(NAME, Input.class);

    /**
     * What to do.
     *
     * @param seconds how long to sleep
     */
    public record Input(int seconds) {}

    @Override
    public JobType<Input> jobType() {
        return TYPE;
    }

    @Override
    public String run(Input input, JobContext context) throws InterruptedException {
        for (int second = 1; second <= input.seconds(); second++) {
            context.throwIfCancelled();
            Thread.sleep(1000);
            context.reportProgress(
                    (double) second / input.seconds(), "slept " + second + " of " + input.seconds() + " s");
        }
        return null;
    }

    /**
     * Answer of {@code POST /demo/$sleep}.
     *
     * @param jobId the new job's id
     * @param stream where to follow it
     */
    record Submitted(@JsonProperty("job_id") String jobId, String stream) {}

    /** Submits demo jobs over HTTP (the sample app's own endpoint, not part of chapkit's contract). */
    @RestController
    @Tag(name = "Demo", description = "The sample app's own endpoint, not part of chapkit's contract")
    static class Endpoint {

        private final JobManager jobs;

        Endpoint(JobManager jobs) {
            this.jobs = jobs;
        }

        @PostMapping("/demo/$sleep")
        @ResponseStatus(HttpStatus.ACCEPTED)
        @Operation(
                summary = "Start a demo job that sleeps",
                description = "Submits a job of the sample's own type '" + NAME + "' that sleeps `seconds` (0–3600,"
                        + " default 30) with progress, so job listing, $stream and cancellation can be tried out."
                        + " Answers 202 with the job id and its $stream URL.")
        Submitted sleep(@RequestParam(defaultValue = "30") int seconds) {
            Job job = jobs.submit(TYPE, new Input(Math.clamp(seconds, 0, 3600)));
            return new Submitted(job.id(), "/api/v1/jobs/" + job.id() + "/$stream");
        }
    }
}
