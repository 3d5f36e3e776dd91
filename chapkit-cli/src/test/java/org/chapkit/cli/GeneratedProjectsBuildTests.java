package org.chapkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every template of {@code chapkit init}, generated into a temporary directory, builds and passes its own tests
 * against the modules of this build. One offline Maven run builds all of them (an aggregator pom lists them). The
 * chapkit artifacts come from a private local repository seeded from this build's classes, with the shared local
 * repository as its read-only tail ({@code maven.repo.local.tail}), so nothing is installed into {@code ~/.m2}.
 */
class GeneratedProjectsBuildTests {

    private static final List<String> MODULES =
            List.of("chapkit-core", "chapkit-ml", "chapkit-client", "chapkit-test", "chapkit-spring-boot-starter");

    @TempDir
    Path work;

    @Test
    void everyTemplateBuildsAndPassesItsTests() throws Exception {
        Path root = Path.of(System.getProperty("chapkit.cli.root", ".."));
        String mavenHome = System.getProperty("chapkit.cli.maven.home", "");
        String sharedRepository = System.getProperty("chapkit.cli.maven.repo.local", "");
        assumeTrue(
                !mavenHome.isBlank() && !sharedRepository.isBlank(),
                "runs under Maven only: maven.home=" + mavenHome + ", local repository=" + sharedRepository);

        Path repository = work.resolve("repository");
        String version = ProjectGenerator.chapkitVersion();
        seedPom(repository, "chapkit-parent", version, root.resolve("pom.xml"));
        seedPom(repository, "chapkit-bom", version, root.resolve("chapkit-bom/pom.xml"));
        for (String module : MODULES) {
            seedModule(repository, module, version, root.resolve(module));
        }

        Path projects = work.resolve("projects");
        StringBuilder modules = new StringBuilder();
        for (ProjectTemplate template : ProjectTemplate.values()) {
            String name = "generated-" + template.id();
            ProjectGenerator.generate(projects.resolve(name), name, "org.example", template);
            modules.append("    <module>").append(name).append("</module>\n");
        }
        Files.writeString(projects.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>generated-projects</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <modules>
                %s  </modules>
                </project>
                """.formatted(modules));

        Path log = work.resolve("build.log");
        Process build = new ProcessBuilder(
                        Path.of(mavenHome, "bin", "mvn").toString(),
                        "-B",
                        "-o",
                        "-T1",
                        "-Dmaven.repo.local=" + repository,
                        "-Dmaven.repo.local.tail=" + sharedRepository,
                        "-Dsurefire.printSummary=true",
                        "-f",
                        projects.resolve("pom.xml").toString(),
                        "verify")
                .directory(projects.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        build.getOutputStream().close();
        boolean finished = build.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            build.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.copy(
                log,
                Path.of("target", "generated-projects-build.log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(finished).as("the build finished").isTrue();
        assertThat(build.exitValue()).as(tail(output)).isZero();
        assertThat(output).contains("BUILD SUCCESS");
        for (ProjectTemplate template : ProjectTemplate.values()) {
            assertThat(projects.resolve("generated-" + template.id() + "/target/generated-" + template.id()
                            + "-0.1.0-SNAPSHOT.jar"))
                    .exists();
        }
    }

    private static void seedPom(Path repository, String artifact, String version, Path pom) throws IOException {
        Path directory = directory(repository, artifact, version);
        Files.copy(pom, directory.resolve(artifact + "-" + version + ".pom"));
    }

    private static void seedModule(Path repository, String artifact, String version, Path module) throws IOException {
        Path classes = module.resolve("target/classes");
        assertThat(classes).as("compiled classes of " + artifact).isDirectory();
        seedPom(repository, artifact, version, module.resolve("pom.xml"));
        Path jar = directory(repository, artifact, version).resolve(artifact + "-" + version + ".jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(classes)) {
            // directory entries too: class path scanners (Flyway's migrations) look directories up
            for (Path path :
                    files.filter(path -> !path.equals(classes)).sorted().toList()) {
                String name = classes.relativize(path).toString().replace('\\', '/');
                if (Files.isDirectory(path)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
    }

    private static Path directory(Path repository, String artifact, String version) throws IOException {
        return Files.createDirectories(repository.resolve("org/chapkit/" + artifact + "/" + version));
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
}
