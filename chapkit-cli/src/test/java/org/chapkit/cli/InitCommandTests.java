package org.chapkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code chapkit init} writes a complete project for each template and refuses bad input. */
class InitCommandTests {

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"annotated", "functional", "shell-python", "shell-r"})
    void writesACompleteProject(String template) throws IOException {
        Path project = directory.resolve("my-model");

        int status = run("init", "my-model", "--template", template, "--directory", project.toString());

        assertThat(status).isZero();
        Path sources = project.resolve("src/main/java/org/example/mymodel");
        assertThat(project.resolve("README.md")).exists();
        assertThat(project.resolve("Dockerfile")).exists();
        assertThat(project.resolve(".gitignore")).content().contains("data/", "target/");
        assertThat(sources.resolve("ModelConfig.java")).content().contains("implements BaseConfig");
        assertThat(sources.resolve("MaintenanceTasks.java")).content().contains("@Task(name = \"hello\"");
        assertThat(project.resolve("src/test/java/org/example/mymodel/ServiceTests.java"))
                .content()
                .contains("@ChapkitServiceTest");
        assertThat(project.resolve("pom.xml"))
                .content()
                .contains("<artifactId>chapkit-bom</artifactId>", "<scope>import</scope>")
                .contains("<chapkit.version>" + ProjectGenerator.chapkitVersion() + "</chapkit.version>")
                .doesNotContain("__");
        assertThat(project.resolve("src/main/resources/application.yml"))
                .content()
                .contains("H2 file database", "#     url: jdbc:postgresql://localhost:5432/my_model")
                .contains("type: org.example.mymodel.ModelConfig");
        try (var files = Files.walk(project)) {
            assertThat(files.filter(Files::isRegularFile).map(this::read)).noneMatch(text -> text.contains("__"));
        }
    }

    @Test
    void refusesANameThatIsNoSlugAndAnUnknownTemplate() {
        assertThat(run("init", "My Model", "--directory", directory.resolve("a").toString()))
                .isEqualTo(2);
        assertThat(run(
                        "init",
                        "ok",
                        "--template",
                        "cobol",
                        "--directory",
                        directory.resolve("b").toString()))
                .isEqualTo(2);
        assertThat(directory.resolve("a")).doesNotExist();
    }

    @Test
    void refusesANonEmptyDirectory() throws IOException {
        Files.writeString(directory.resolve("keep.txt"), "mine");

        assertThat(run("init", "my-model", "--directory", directory.toString())).isEqualTo(2);
        assertThat(directory.resolve("keep.txt")).content().isEqualTo("mine");
    }

    private String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    static int run(String... args) {
        CommandLine command = ChapkitCommand.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(new StringWriter()));
        return command.execute(args);
    }
}
