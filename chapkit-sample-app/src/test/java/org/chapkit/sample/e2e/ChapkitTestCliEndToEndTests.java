package org.chapkit.sample.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chapkit.client.cli.ChapkitTestCli;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@code chapkit test}-style command-line check ({@link ChapkitTestCli}) passes against the running sample app:
 * health, info, config, sample data, validate, train, wait, predict, verify. Its report is written to
 * {@code target/chapkit-test-cli-report.txt} (the README shows one).
 */
class ChapkitTestCliEndToEndTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 {

        @LocalServerPort
        int port;

        @Test
        void theFullFlowPassesAgainstTheSampleApp() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit;
            try (PrintStream report = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                exit = ChapkitTestCli.run(
                        new String[] {"--url", "http://127.0.0.1:" + port, "--timeout", "120", "--seed", "1"},
                        report,
                        errors);
            }
            String text = out.toString(StandardCharsets.UTF_8);
            Files.writeString(Path.of("target", "chapkit-test-cli-report.txt"), text);
            assertThat(exit).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(text).contains("PASSED");
        }
    }
}
