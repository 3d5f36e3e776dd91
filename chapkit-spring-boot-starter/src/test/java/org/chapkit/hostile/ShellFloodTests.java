package org.chapkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, case 3: a training script that writes 1 GB to stdout completes (before, capturing it ran the JVM out of
 * memory and left the job {@code running}); the artifact keeps the tail of the output and says it was cut.
 */
@ServiceTestOnH2
class ShellFloodTests {

    @LocalServerPort
    int port;

    @Test
    void aTrainingThatWritesOneGigabyteToStdoutCompletesWithTheTail() {
        HttpApi api = new HttpApi(port);
        String config = api.postJson("/api/v1/configs", "{\"name\":\"flood-" + System.nanoTime() + "\",\"data\":{}}")
                .json()
                .get("id")
                .asString();
        HttpApi.Response submitted = api.postJson(
                "/api/v1/ml/$train",
                "{\"config_id\":\"" + config + "\",\"data\":{\"columns\":[\"time_period\",\"location\","
                        + "\"disease_cases\"],\"data\":[[\"2020-01\",\"flood\",1]]}}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);

        JsonNode job = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> api.get("/api/v1/jobs/"
                                        + submitted.json().get("job_id").asString())
                                .json(),
                        record -> record.get("status").asString().matches("completed|failed|canceled"));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        JsonNode metadata = api.get("/api/v1/artifacts/"
                        + submitted.json().get("artifact_id").asString())
                .json()
                .get("data")
                .get("metadata");
        String stdout = metadata.get("stdout").asString();
        assertThat(stdout)
                .startsWith("[output cut: ")
                .contains("bytes written, only the last 1048576 are kept]")
                .endsWith("flood done\ntrained on 1 rows\n");
        assertThat(stdout.length()).isLessThan(1024 * 1024 + 200);
    }
}
