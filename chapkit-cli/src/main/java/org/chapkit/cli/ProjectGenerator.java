package org.chapkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Writes a new chapkit project from a template: the common files (pom with the BOM, config record, a task, a test on
 * the test kit, README, Dockerfile, .gitignore) and the template's runner and {@code application.yml}.
 */
final class ProjectGenerator {

    private static final String ROOT = "/org/chapkit/cli/templates/";
    private static final Properties VERSIONS = versions();

    private ProjectGenerator() {}

    /** The chapkit version the generated pom asks for. */
    static String chapkitVersion() {
        return VERSIONS.getProperty("chapkit.version");
    }

    /** The Spring Boot version the generated pom asks for. */
    static String springBootVersion() {
        return VERSIONS.getProperty("spring-boot.version");
    }

    /**
     * Generates the project {@code name} into {@code directory}, which must not exist or be empty.
     *
     * @param directory the project directory to create
     * @param name the service id and artifactId (a slug: lower case letters, digits and '-')
     * @param groupId the Maven group and Java package
     * @param template the template
     * @return the files written, relative to {@code directory}
     */
    static List<Path> generate(Path directory, String name, String groupId, ProjectTemplate template) {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("The name '" + name
                    + "' must be a slug: lower-case letters, digits and '-', starting with a letter");
        }
        if (!groupId.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")) {
            throw new IllegalArgumentException("The group '" + groupId + "' must be a Java package name");
        }
        try {
            if (Files.exists(directory)) {
                try (var entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(directory + " exists and is not empty");
                    }
                }
            }
            String javaPackage = groupId + "." + name.replace("-", "");
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("__PACKAGE_PATH__", javaPackage.replace('.', '/'));
            variables.put("__PACKAGE__", javaPackage);
            variables.put("__GROUP__", groupId);
            variables.put("__ARTIFACT__", name);
            variables.put("__DB_NAME__", name.replace("-", "_"));
            variables.put("__DISPLAY__", display(name));
            variables.put("__AUTHOR__", System.getProperty("user.name", "author"));
            return write(directory, template, variables, text -> text, ".gitignore");
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the project into " + directory + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Writes the content of {@code chapkit-archetype} into {@code directory}: the {@code annotated} template as
     * {@code archetype-resources} (Velocity: the template's own {@code $} and {@code #} escaped, the project's
     * names as archetype properties) and {@code META-INF/maven/archetype-metadata.xml}. The archetype and
     * {@code chapkit init --template annotated} thus share one source.
     *
     * @param directory the archetype's resource root (its jar's content)
     * @return the files written, relative to {@code directory}
     */
    static List<Path> generateArchetype(Path directory) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("__PACKAGE_PATH__", "__packageInPathFormat__");
        variables.put("__PACKAGE__", "${package}");
        variables.put("__GROUP__", "${groupId}");
        variables.put("__ARTIFACT__", "${artifactId}");
        variables.put("__DB_NAME__", "${artifactId.replace(\"-\", \"_\")}");
        variables.put("__DISPLAY__", "${artifactId}");
        variables.put("__AUTHOR__", "${author}");
        try {
            Path resources = directory.resolve("archetype-resources");
            List<Path> written = new ArrayList<>();
            for (Path file : write(
                    resources,
                    ProjectTemplate.ANNOTATED,
                    variables,
                    ProjectGenerator::escapeVelocity,
                    "__gitignore__")) {
                written.add(directory.relativize(resources.resolve(file)));
            }
            Path metadata = directory.resolve("META-INF/maven/archetype-metadata.xml");
            Files.createDirectories(metadata.getParent());
            Files.writeString(metadata, read("/org/chapkit/cli/archetype-metadata.xml"));
            written.add(directory.relativize(metadata));
            return written;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the archetype into " + directory + ": " + ex.getMessage(), ex);
        }
    }

    private static List<Path> write(
            Path directory,
            ProjectTemplate template,
            Map<String, String> projectVariables,
            UnaryOperator<String> escape,
            String gitignore)
            throws IOException {
        Map<String, String> variables = new LinkedHashMap<>(projectVariables);
        variables.put("__TEMPLATE__", template.id());
        variables.put("__RUNNER_FILE__", template.runnerFile());
        variables.put("__CHAPKIT_VERSION__", chapkitVersion());
        variables.put("__BOOT_VERSION__", springBootVersion());
        variables.put("__AUTHOR_EMAIL__", "you@example.org");
        variables.put("__DOCKER_EXTRA__", template.dockerExtra());
        variables.put("__TEST_IMPORTS__", template.testImports());
        variables.put("__TEST_CONDITION__", template.testCondition());
        variables.put("__TEST_EXTRA__", template.testExtra());
        List<Path> written = new ArrayList<>();
        for (String dir : List.of("common", template.id())) {
            for (String file : read(ROOT + dir + "/files.txt").strip().split("\n")) {
                String target = replace(file.strip(), variables);
                if (target.equals("gitignore")) {
                    target = gitignore;
                }
                Path path = directory.resolve(target);
                Files.createDirectories(path.getParent());
                Files.writeString(path, replace(escape.apply(read(ROOT + dir + "/" + file.strip())), variables));
                written.add(directory.relativize(path));
            }
        }
        return written;
    }

    /**
     * Escapes a template's text for Velocity, which the archetype plugin runs over every file: each {@code $} and
     * {@code #} becomes a reference to a variable holding it, set in a header that Velocity drops (a line holding
     * only a directive produces no output), so {@code ${chapkit.version}} and YAML comments come out unchanged.
     */
    private static String escapeVelocity(String text) {
        if (text.indexOf('$') < 0 && text.indexOf('#') < 0) {
            return text;
        }
        StringBuilder escaped = new StringBuilder("#set( $symbol_pound = '#' )\n#set( $symbol_dollar = '$' )\n");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '$' -> escaped.append("${symbol_dollar}");
                case '#' -> escaped.append("${symbol_pound}");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String display(String name) {
        StringBuilder display = new StringBuilder();
        for (String word : name.split("-")) {
            if (!word.isEmpty()) {
                display.append(display.isEmpty() ? "" : " ")
                        .append(word.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(word.substring(1));
            }
        }
        return display.toString();
    }

    private static String replace(String text, Map<String, String> variables) {
        String result = text;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            result = result.replace(variable.getKey(), variable.getValue());
        }
        return result;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ProjectGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing template file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Properties versions() {
        Properties properties = new Properties();
        try (InputStream in = ProjectGenerator.class.getResourceAsStream("/org/chapkit/cli/versions.properties")) {
            properties.load(in);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties;
    }
}
