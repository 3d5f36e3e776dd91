package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sample app starts on H2 and on PostgreSQL with its own configuration, serves its identity and runs its tasks. */
class SampleAppStartupTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Test
        void servesTheSampleServiceInfoAndIsHealthy() {
            HttpApi api = new HttpApi(port);
            var info = api.get("/api/v1/info").json();
            assertThat(info.get("id").asString()).isEqualTo("chapkit-sample");
            assertThat(info.get("required_covariates").toString()).contains("rainfall", "mean_temperature");
            var health = api.get("/health").json();
            assertThat(health.get("status").asString()).isEqualTo("healthy");
            assertThat(api.get("/").body())
                    .as("/ sends the browser on to the console")
                    .contains("url=console/");
        }

        @Test
        void runsItsMaintenanceTasksAndDeclaresTheNightlyCleanup() {
            HttpApi api = new HttpApi(port);
            assertThat(api.get("/api/v1/tasks").body()).contains("cleanup-old-artifacts", "summarize-artifacts");
            var schedules =
                    api.get("/api/v1/schedules?task=cleanup-old-artifacts").json();
            assertThat(schedules.size()).isEqualTo(1);
            assertThat(schedules.get(0).get("cron").asString()).isEqualTo("30 3 * * *");

            var accepted = api.postJson(
                            "/api/v1/tasks/cleanup-old-artifacts/$execute",
                            "{\"params\":{\"olderThanDays\":30,\"dryRun\":true}}")
                    .json();
            String jobId = accepted.get("job_id").asString();
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> api.get("/api/v1/jobs/" + jobId)
                                    .json()
                                    .get("status")
                                    .asString(),
                            "completed"::equals);
            var outcome = api.get(
                            "/api/v1/artifacts/" + accepted.get("artifact_id").asString())
                    .json()
                    .get("data");
            assertThat(outcome.get("error").isNull()).isTrue();
            assertThat(outcome.get("result").get("dry_run").asBoolean()).isTrue();
            assertThat(outcome.get("result").get("deleted_roots").asInt()).isZero();
        }
    }
}
