package org.chapkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code chapkit} command's usage, version and the exit codes of {@code test}. */
class CommandLineTests {

    @Test
    void withoutASubcommandItPrintsTheUsageNamingEverySubcommand() {
        StringWriter out = new StringWriter();
        CommandLine command = ChapkitCommand.commandLine();
        command.setOut(new PrintWriter(out));

        assertThat(command.execute()).isZero();
        assertThat(out.toString()).contains("init", "test", "artifact");
    }

    @Test
    void versionIsTheChapkitVersionOfTheGeneratedProjects() {
        StringWriter out = new StringWriter();
        CommandLine command = ChapkitCommand.commandLine();
        command.setOut(new PrintWriter(out));

        assertThat(command.execute("--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo("chapkit " + ProjectGenerator.chapkitVersion());
    }

    @Test
    void testAgainstAServiceThatDoesNotAnswerFailsWithExitCodeOne() {
        StringWriter out = new StringWriter();
        CommandLine command = ChapkitCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(new StringWriter()));

        assertThat(command.execute("test", "--url", "http://127.0.0.1:1", "--timeout", "2"))
                .isEqualTo(1);
        assertThat(out.toString()).contains("FAIL");
    }

    @Test
    void anUnknownArtifactFormatIsAUsageError() {
        CommandLine command = ChapkitCommand.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(new StringWriter()));

        assertThat(command.execute("artifact", "export", "01ABC", "--format", "xlsx", "--url", "http://127.0.0.1:1"))
                .isEqualTo(2);
    }
}
