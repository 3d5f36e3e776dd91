package org.chapkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every template of {@code chapkit init}, generated into a temporary directory, and the project that
 * {@code mvn archetype:generate} makes from {@code chapkit-archetype} (its content as chapkit-cli's build wrote it
 * into {@code target/archetype}) build and pass their own tests against the modules of this build. One offline
 * Maven run builds all of them (an aggregator pom lists them). The
 * chapkit artifacts come from a private local repository seeded from this build's classes, with the shared local
 * repository as its read-only tail ({@code maven.repo.local.tail}), so nothing is installed into {@code ~/.m2}.
 */
class GeneratedProjectsBuildTests {

    private static final List<String> MODULES =
            List.of("chapkit-core", "chapkit-ml", "chapkit-client", "chapkit-test", "chapkit-spring-boot-starter");

    @TempDir
    Path work;

    private static final String FROM_ARCHETYPE = "from-archetype";

    @Test
    void everyTemplateAndTheArchetypeBuildAndPassTheirTests() throws Exception {
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

        seedArchetype(repository, version, root);

        Path projects = Files.createDirectories(work.resolve("projects"));
        // chapkit-archetype is built after this module, so on a fresh machine its plugin may not be downloaded yet
        boolean pluginThere = Files.isDirectory(
                Path.of(sharedRepository, "org/apache/maven/plugins/maven-archetype-plugin", archetypePluginVersion()));
        runMaven(
                mavenHome,
                projects,
                work.resolve("archetype.log"),
                pluginThere,
                List.of(
                        "-Dmaven.repo.local=" + repository,
                        "-Dmaven.repo.local.tail=" + sharedRepository,
                        "org.apache.maven.plugins:maven-archetype-plugin:" + archetypePluginVersion() + ":generate",
                        "-DarchetypeGroupId=org.chapkit",
                        "-DarchetypeArtifactId=chapkit-archetype",
                        "-DarchetypeVersion=" + version,
                        "-DgroupId=org.example",
                        "-DartifactId=" + FROM_ARCHETYPE,
                        "-Dversion=0.1.0-SNAPSHOT",
                        "-Dpackage=org.example.fromarchetype",
                        "-DinteractiveMode=false"));
        assertThat(projects.resolve(FROM_ARCHETYPE + "/.gitignore")).exists();
        assertThat(projects.resolve(FROM_ARCHETYPE + "/src/main/java/org/example/fromarchetype/MeanModel.java"))
                .content()
                .startsWith("package org.example.fromarchetype;");
        assertThat(projects.resolve(FROM_ARCHETYPE + "/pom.xml"))
                .content()
                .startsWith("<?xml")
                .contains("<artifactId>" + FROM_ARCHETYPE + "</artifactId>", "${chapkit.version}");

        StringBuilder modules = new StringBuilder("    <module>" + FROM_ARCHETYPE + "</module>\n");
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

        String output = runMaven(
                mavenHome,
                projects,
                work.resolve("build.log"),
                true,
                List.of(
                        "-Dmaven.repo.local=" + repository,
                        "-Dmaven.repo.local.tail=" + sharedRepository,
                        "-Dsurefire.printSummary=true",
                        "-f",
                        projects.resolve("pom.xml").toString(),
                        "verify"));
        assertThat(output).contains("BUILD SUCCESS");
        for (ProjectTemplate template : ProjectTemplate.values()) {
            assertThat(projects.resolve("generated-" + template.id() + "/target/generated-" + template.id()
                            + "-0.1.0-SNAPSHOT.jar"))
                    .exists();
        }
        assertThat(projects.resolve(FROM_ARCHETYPE + "/target/" + FROM_ARCHETYPE + "-0.1.0-SNAPSHOT.jar"))
                .exists();
    }

    /** Runs Maven in {@code directory}, its output in {@code log} (and target/), and checks success. */
    private static String runMaven(String mavenHome, Path directory, Path log, boolean offline, List<String> arguments)
            throws Exception {
        List<String> command =
                new ArrayList<>(List.of(Path.of(mavenHome, "bin", "mvn").toString(), "-B", "-T1"));
        if (offline) {
            command.add("-o");
        }
        command.addAll(arguments);
        Process build = new ProcessBuilder(command)
                .directory(directory.toFile())
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
                Path.of("target", "generated-projects-" + log.getFileName()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(finished)
                .as("the build finished: " + String.join(" ", command))
                .isTrue();
        assertThat(build.exitValue()).as(tail(output)).isZero();
        return output;
    }

    private static String archetypePluginVersion() {
        return System.getProperty("chapkit.cli.archetype-plugin.version", "3.4.1");
    }

    /** The archetype's jar, made from the content chapkit-cli's build wrote, as chapkit-archetype packages it. */
    private static void seedArchetype(Path repository, String version, Path root) throws IOException {
        Path content = Path.of("target", "archetype");
        assertThat(content.resolve("META-INF/maven/archetype-metadata.xml"))
                .as("chapkit-cli's build writes the archetype's content at process-classes")
                .exists();
        seedPom(repository, "chapkit-archetype", version, root.resolve("chapkit-archetype/pom.xml"));
        jar(
                content,
                directory(repository, "chapkit-archetype", version).resolve("chapkit-archetype-" + version + ".jar"));
    }

    private static void seedPom(Path repository, String artifact, String version, Path pom) throws IOException {
        Path directory = directory(repository, artifact, version);
        Files.copy(pom, directory.resolve(artifact + "-" + version + ".pom"));
    }

    private static void seedModule(Path repository, String artifact, String version, Path module) throws IOException {
        Path classes = module.resolve("target/classes");
        assertThat(classes).as("compiled classes of " + artifact).isDirectory();
        seedPom(repository, artifact, version, module.resolve("pom.xml"));
        jar(classes, directory(repository, artifact, version).resolve(artifact + "-" + version + ".jar"));
    }

    private static void jar(Path classes, Path jar) throws IOException {
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
