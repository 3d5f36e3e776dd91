package org.chapkit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the docs honest: every {@code chapkit.*} property that {@code README.md} or {@code docs/*.md} names exists
 * in the configuration metadata the build generates from the properties records, and a default a property table
 * states is the default the metadata has. A missing name means a doc promises a property that does not exist (or
 * whose record lacks it, so IDEs do not know it).
 */
class DocumentedPropertiesTests {

    /** A name outside a package (not {@code org.chapkit.…}), ending in a letter or digit. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])chapkit\\.[a-z][a-z0-9.-]*[a-z0-9]");

    /** A property table row: {@code | `chapkit.x.y` | default | meaning |}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(chapkit\\.[a-z0-9.-]+)`\\s*\\|([^|]*)\\|");

    /** A heading naming the properties of the table below it: {@code ## Configuration (`chapkit.jobs.*`)}. */
    private static final Pattern HEADING = Pattern.compile("`(chapkit\\.[a-z0-9.-]+)\\.\\*`");

    /** A row of such a table: {@code | `max-concurrency` | `1` | meaning |}. */
    private static final Pattern RELATIVE_ROW = Pattern.compile("^\\|\\s*`([a-z][a-z0-9.-]*)`\\s*\\|([^|]*)\\|");

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    /** Names the docs use that are not Spring properties, and what they are. */
    private static final Map<String, String> NOT_PROPERTIES = Map.ofEntries(
            Map.entry("chapkit.admin", "a role name in a JWT example"),
            Map.entry("chapkit.audit", "the audit logger's name"),
            Map.entry("chapkit.task", "the job type of task runs"),
            Map.entry("chapkit.run", "the run log's own tags, chapkit.run_log.truncated and .rejected_lines"),
            Map.entry("chapkit.job", "an MLflow run tag, chapkit.job_id"),
            Map.entry("chapkit.artifact", "an MLflow run tag, chapkit.artifact_id"),
            Map.entry("chapkit.model", "an MLflow run tag, chapkit.model_url"),
            Map.entry("chapkit.error", "an MLflow run tag"),
            Map.entry("chapkit.version", "a Maven property in a POM example"),
            Map.entry("chapkit.jobs.submitted", "a meter"),
            Map.entry("chapkit.jobs.completed", "a meter"),
            Map.entry("chapkit.jobs.failed", "a meter"),
            Map.entry("chapkit.jobs.canceled", "a meter"),
            Map.entry("chapkit.jobs.pending", "a meter"),
            Map.entry("chapkit.jobs.running", "a meter"),
            Map.entry("chapkit.jobs.duration", "a meter"),
            Map.entry("chapkit.schedules.lag", "a meter"),
            Map.entry("chapkit.artifacts.storage.bytes", "a meter"),
            Map.entry("chapkit.artifacts.storage.operations", "a meter"),
            Map.entry("chapkit.events.delivered", "a meter"),
            Map.entry("chapkit.events.retries", "a meter"),
            Map.entry("chapkit.events.dead.letters", "a meter"),
            Map.entry("chapkit.events.lag", "a meter"),
            Map.entry("chapkit.test.postgres.url", "a system property of chapkit-test's TestDatabases"),
            Map.entry("chapkit.test.postgres.embedded", "a system property of chapkit-test's TestDatabases"));

    /**
     * Property prefixes of optional modules (not on this module's class path), and the module whose own {@code
     * DocumentedPropertiesTests} checks the docs' names under it against its metadata.
     */
    private static final Map<String, String> OPTIONAL_MODULES = Map.of(
            "chapkit.events.rabbitmq", "chapkit-events-rabbitmq",
            "chapkit.events.kafka", "chapkit-events-kafka",
            "chapkit.events.redis", "chapkit-events-redis",
            "chapkit.events.nats", "chapkit-events-nats",
            "chapkit.mlflow", "chapkit-mlflow");

    private static final Map<String, JsonNode> properties = new HashMap<>();

    private static final Set<String> groups = new HashSet<>();

    private static final List<Path> docs = new ArrayList<>();

    @BeforeAll
    static void readMetadataAndDocs() throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        for (URL url : Collections.list(DocumentedPropertiesTests.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode metadata = mapper.readTree(in);
                metadata.path("properties")
                        .forEach(p -> properties.put(p.get("name").asString(), p));
                metadata.path("groups").forEach(g -> groups.add(g.get("name").asString()));
            }
        }
        Path root = Path.of("..").toAbsolutePath().normalize();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
    }

    @Test
    void theMetadataHasChapkitsProperties() {
        assertThat(properties).containsKeys("chapkit.web.max-request-size", "chapkit.jobs.enabled");
        assertThat(docs).hasSizeGreaterThan(5);
    }

    @Test
    void everyChapkitPropertyTheDocsNameExists() throws IOException {
        Map<String, String> unknown = new TreeMap<>();
        for (Path doc : docs) {
            Matcher matcher = NAME.matcher(Files.readString(doc));
            while (matcher.find()) {
                String name = matcher.group();
                if (!NOT_PROPERTIES.containsKey(name) && !known(name)) {
                    unknown.putIfAbsent(name, doc.getFileName().toString());
                }
            }
        }
        assertThat(unknown)
                .as("chapkit.* names in docs with no such property (name → first doc)")
                .isEmpty();
    }

    @Test
    void everyEnabledSwitchTheDocsNameIsABooleanProperty() throws IOException {
        for (Path doc : docs) {
            Matcher matcher = NAME.matcher(Files.readString(doc));
            while (matcher.find()) {
                String name = matcher.group();
                if (name.endsWith(".enabled") && !optional(name)) {
                    assertThat(properties).as(name + " in " + doc.getFileName()).containsKey(name);
                    assertThat(properties.get(name).path("type").asString())
                            .as(name)
                            .isEqualTo("java.lang.Boolean");
                }
            }
        }
    }

    @Test
    void everyRowOfAPropertyTableIsAProperty() throws IOException {
        Map<String, String> unknown = new TreeMap<>();
        for (Path doc : docs) {
            for (TableRow row : rows(doc)) {
                if (!known(row.name())) {
                    unknown.putIfAbsent(row.name(), doc.getFileName().toString());
                }
            }
        }
        assertThat(unknown)
                .as("property table rows with no such property (name → doc)")
                .isEmpty();
    }

    @Test
    void defaultsInPropertyTablesAreTheMetadatasDefaults() throws IOException {
        Map<String, String> wrong = new TreeMap<>();
        for (Path doc : docs) {
            for (TableRow row : rows(doc)) {
                JsonNode property = properties.get(row.name());
                String cell = row.defaultCell();
                List<String> documented = codeValues(cell);
                if (property == null || !property.has("defaultValue") || documented == null) {
                    continue; // prose ("the service id", "none") or no default to compare with
                }
                List<String> actual = new ArrayList<>();
                JsonNode value = property.get("defaultValue");
                if (value.isArray()) {
                    value.forEach(v -> actual.addAll(items(v.asString())));
                } else {
                    String text = value.asString();
                    // the processor writes a list default as its toString: "[a, b]"
                    actual.addAll(
                            text.startsWith("[") && text.endsWith("]")
                                    ? items(text.substring(1, text.length() - 1))
                                    : List.of(text));
                }
                documented = documented.stream().flatMap(v -> items(v).stream()).toList();
                if (!documented.equals(actual)) {
                    wrong.put(row.name() + " in " + doc.getFileName(), "docs " + documented + ", metadata " + actual);
                }
            }
        }
        assertThat(wrong)
                .as("documented default differs from the properties record's")
                .isEmpty();
    }

    @Test
    void everyChapkitSwitchOfAnAutoConfigurationIsAPropertyOfItsRecord() throws Exception {
        Set<String> switches = new HashSet<>();
        for (URL url : Collections.list(DocumentedPropertiesTests.class
                .getClassLoader()
                .getResources("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))) {
            try (InputStream in = url.openStream()) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("org.chapkit.")) {
                        collectSwitches(Class.forName(line.strip()), switches);
                    }
                }
            }
        }
        assertThat(switches).contains("chapkit.health.enabled", "chapkit.artifacts.enabled");
        assertThat(switches)
                .as("chapkit.* switches of @ConditionalOnBooleanProperty missing from the metadata")
                .allSatisfy(name -> assertThat(properties).containsKey(name));
    }

    private static void collectSwitches(Class<?> type, Set<String> switches) {
        List<java.lang.reflect.AnnotatedElement> elements = new ArrayList<>();
        elements.add(type);
        elements.addAll(List.of(type.getDeclaredMethods()));
        for (java.lang.reflect.AnnotatedElement element : elements) {
            org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty condition =
                    element.getAnnotation(
                            org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty.class);
            if (condition != null) {
                String prefix = condition.prefix().isEmpty() ? "" : condition.prefix() + ".";
                Stream.concat(Stream.of(condition.name()), Stream.of(condition.value()))
                        .map(name -> prefix + name)
                        .filter(name -> name.startsWith("chapkit."))
                        .forEach(switches::add);
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collectSwitches(nested, switches);
        }
    }

    private static List<String> items(String text) {
        return Stream.of(text.split(",")).map(String::strip).toList();
    }

    /** One row of a property table: a full name, or a name relative to a {@code chapkit.x.*} heading above it. */
    record TableRow(String name, String defaultCell) {}

    private static List<TableRow> rows(Path doc) throws IOException {
        List<TableRow> rows = new ArrayList<>();
        String prefix = null;
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("#")) {
                Matcher heading = HEADING.matcher(line);
                prefix = heading.find() ? heading.group(1) : null;
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.add(new TableRow(row.group(1), row.group(2).strip()));
                continue;
            }
            Matcher relative = RELATIVE_ROW.matcher(line);
            if (prefix != null && relative.find()) {
                rows.add(new TableRow(
                        prefix + "." + relative.group(1), relative.group(2).strip()));
            }
        }
        return rows;
    }

    /** A name an optional module checks ({@link #OPTIONAL_MODULES}). */
    private static boolean optional(String name) {
        return OPTIONAL_MODULES.keySet().stream()
                .anyMatch(prefix -> name.equals(prefix) || name.startsWith(prefix + "."));
    }

    /** A property, a group of properties, or a prefix of some property (a doc naming {@code chapkit.service}). */
    private static boolean known(String name) {
        return optional(name)
                || properties.containsKey(name)
                || groups.contains(name)
                || properties.keySet().stream().anyMatch(p -> p.startsWith(name + ".") || p.startsWith(name + "["));
    }

    /** The cell's values when it holds only back-quoted values separated by commas, else {@code null}. */
    private static List<String> codeValues(String cell) {
        List<String> values = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        int end = 0;
        while (code.find()) {
            if (!cell.substring(end, code.start()).matches("\\s*,?\\s*")) {
                return null;
            }
            values.add(code.group(1));
            end = code.end();
        }
        return values.isEmpty() || !cell.substring(end).isBlank() ? null : values;
    }
}
