package org.chapkit.events.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The docs' check of an optional module's properties, which the starter's {@code DocumentedPropertiesTests} leaves to
 * the module (they are not on the starter's class path): every {@code chapkit.*} name under the module's prefix that
 * {@code README.md} or {@code docs/*.md} names exists in the module's configuration metadata, each {@code .enabled} is
 * a boolean, and a default a property table states is the metadata's.
 */
public final class DocumentedProperties {

    private static final Pattern NAME = Pattern.compile("(?<![\\w.])chapkit\\.[a-z][a-z0-9.-]*[a-z0-9]");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(chapkit\\.[a-z0-9.-]+)`\\s*\\|([^|]*)\\|");

    private DocumentedProperties() {}

    /**
     * Checks the docs' names under {@code prefix}.
     *
     * @param prefix the module's property prefix, e.g. {@code chapkit.events.rabbitmq}
     */
    public static void check(String prefix) {
        Map<String, JsonNode> properties = metadata();
        assertThat(properties).as("metadata of " + prefix).containsKey(prefix + ".enabled");
        Map<String, String> unknown = new TreeMap<>();
        Map<String, String> wrong = new TreeMap<>();
        int named = 0;
        for (Path doc : docs()) {
            String text = read(doc);
            Matcher matcher = NAME.matcher(text);
            while (matcher.find()) {
                String name = matcher.group();
                if (!name.equals(prefix) && !name.startsWith(prefix + ".")) {
                    continue;
                }
                named++;
                boolean known = properties.containsKey(name)
                        || properties.keySet().stream().anyMatch(p -> p.startsWith(name + "."));
                if (!known) {
                    unknown.putIfAbsent(name, doc.getFileName().toString());
                } else if (name.endsWith(".enabled")) {
                    assertThat(properties.get(name).path("type").asString())
                            .as(name)
                            .isEqualTo("java.lang.Boolean");
                }
            }
            for (String line : text.split("\n")) {
                Matcher row = ROW.matcher(line);
                if (row.find() && row.group(1).startsWith(prefix + ".") && properties.containsKey(row.group(1))) {
                    JsonNode property = properties.get(row.group(1));
                    String cell = row.group(2).strip();
                    if (property.has("defaultValue") && cell.startsWith("`") && cell.endsWith("`")) {
                        String documented = cell.substring(1, cell.length() - 1);
                        String actual = property.get("defaultValue").asString();
                        if (!documented.equals(actual)) {
                            wrong.put(row.group(1), "docs " + documented + ", metadata " + actual);
                        }
                    }
                }
            }
        }
        assertThat(named).as("docs naming " + prefix + ".*").isPositive();
        assertThat(unknown)
                .as("names under " + prefix + " in docs with no such property")
                .isEmpty();
        assertThat(wrong)
                .as("documented defaults that differ from the properties record's")
                .isEmpty();
    }

    private static Map<String, JsonNode> metadata() {
        Map<String, JsonNode> properties = new HashMap<>();
        JsonMapper mapper = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(DocumentedProperties.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    mapper.readTree(in)
                            .path("properties")
                            .forEach(p -> properties.put(p.get("name").asString(), p));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties;
    }

    private static List<Path> docs() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return docs;
    }

    private static String read(Path doc) {
        try {
            return Files.readString(doc);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
