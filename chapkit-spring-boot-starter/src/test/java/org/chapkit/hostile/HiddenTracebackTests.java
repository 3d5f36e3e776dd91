package org.chapkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.job.Job;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.testtasks.TaskRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With {@code chapkit.jobs.expose-traceback=false} no stack trace reaches a client: not in job records, and not in the
 * result artifact of a failed task on any of the artifact read paths.
 */
@ServiceTestOnH2
@TestPropertySource(properties = "chapkit.jobs.expose-traceback=false")
class HiddenTracebackTests {

    @LocalServerPort
    int port;

    @Autowired
    JobManager jobs;

    @Autowired
    ArtifactManager artifacts;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void aFailedTasksResultArtifactShowsNoTracebackOnAnyReadPath() {
        String key = UUID.randomUUID().toString();
        String jobId = execute("{\"key\":\"" + key + "\",\"failures\":0,\"fatal\":true}");
        JsonNode outcome = new TaskRuns(jobs, artifacts).awaitOutcome(jobId);
        assertThat(outcome.get("error").get("message").asString()).isEqualTo("bad input " + key);
        String artifactId = jobs.get(jobId).artifactId();

        JsonNode stored = api.get("/api/v1/artifacts/" + artifactId).json();
        assertThat(stored.at("/data/error/type").asString()).isEqualTo("IllegalArgumentException");
        assertThat(stored.at("/data/error/traceback").isNull()).isTrue();
        for (String path : new String[] {"", "/$tree", "/$expand", "/$metadata", "/$download"}) {
            HttpApi.Response response = api.get("/api/v1/artifacts/" + artifactId + path);
            // $download: a task result has no content, so 404
            assertThat(response.status()).as(path).isEqualTo(path.equals("/$download") ? 404 : 200);
            assertThat(response.body())
                    .as(path)
                    .doesNotContain("JobTestTasks.flaky", "\tat ", "java.lang.IllegalArgumentException");
        }
        assertThat(api.get("/api/v1/artifacts").body()).doesNotContain("JobTestTasks.flaky");
    }

    @Test
    void aFailedAttemptsJobRecordHasNoTraceback() {
        String key = UUID.randomUUID().toString();
        String jobId = execute("{\"key\":\"" + key + "\",\"failures\":1,\"fatal\":false}");
        Job failed = await().atMost(Duration.ofSeconds(30))
                .until(() -> jobs.get(jobId), job -> job.status().isTerminal());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.errorTraceback()).isNull();
        JsonNode record = api.get("/api/v1/jobs/" + jobId).json();
        assertThat(record.get("error").asString()).contains("failure 1 of " + key);
        assertThat(record.get("error_traceback").isNull()).isTrue();
    }

    private String execute(String params) {
        HttpApi.Response response = api.postJson("/api/v1/tasks/flaky/$execute", "{\"params\":" + params + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().get("job_id").asString();
    }
}
