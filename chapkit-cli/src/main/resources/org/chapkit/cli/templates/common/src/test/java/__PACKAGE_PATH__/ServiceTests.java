package __PACKAGE__;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.cli.ChapkitTestCli;
import org.chapkit.test.ChapkitServiceTest;
import org.chapkit.test.JobWaiter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
__TEST_IMPORTS__
/** The service on a random port with its own throwaway database, driven with the typed client. */
@ChapkitServiceTest
__TEST_CONDITION__class ServiceTests {

    @Autowired
    ChapkitClient client;

    @Autowired
    JobWaiter jobs;

    @LocalServerPort
    int port;

    @Test
    void servesItsInfo() {
        assertThat(client.info().id()).isEqualTo("__ARTIFACT__");
    }

    @Test
    void runsItsTask() {
        String jobId = client.tasks().execute("hello", Map.of("name", "test")).jobId();

        assertThat(jobs.completed(jobId).status()).hasToString("COMPLETED");
    }

    @Test
    void passesChapkitsEndToEndCheck() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8);

        int status = ChapkitTestCli.run(new String[] {"--url", "http://127.0.0.1:" + port}, out, out);

        assertThat(status).as(report.toString(StandardCharsets.UTF_8)).isZero();
    }
__TEST_EXTRA__}
