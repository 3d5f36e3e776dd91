package org.chapkit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chapkit init NAME --template …}: a complete new service project. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = "Creates a new chapkit service project: pom (with chapkit-bom), config record, model runner,"
                + " a task, application.yml (H2 file database, PostgreSQL block), a test on the test kit, README,"
                + " Dockerfile and .gitignore.")
final class InitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "service id and directory name, a slug such as my-model")
    String name;

    @Option(
            names = {"-t", "--template"},
            defaultValue = "annotated",
            description = "annotated, functional, shell-python or shell-r (default: ${DEFAULT-VALUE})")
    String template;

    @Option(
            names = {"-g", "--group"},
            defaultValue = "org.example",
            description = "Maven group and Java package")
    String group;

    @Option(
            names = {"-d", "--directory"},
            description = "where to create the project (default: ./NAME)")
    Path directory;

    @Override
    public Integer call() {
        ProjectTemplate chosen;
        try {
            chosen = ProjectTemplate.of(template);
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
        Path target = directory != null ? directory : Path.of(name);
        List<Path> files;
        try {
            files = ProjectGenerator.generate(target, name, group, chosen);
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
        var out = spec.commandLine().getOut();
        out.printf("Created %s (%s template) in %s:%n", name, chosen.id(), target.toAbsolutePath());
        files.forEach(file -> out.println("  " + file));
        out.printf("Next: cd %s && mvn verify && java -jar target/%s-0.1.0-SNAPSHOT.jar%n", target, name);
        return 0;
    }
}
