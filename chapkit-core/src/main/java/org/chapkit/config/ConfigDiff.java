package org.chapkit.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What changed between two versions of a config: the name, the tags, and each changed field of its data, by JSON
 * pointer ({@code /nested/field}); objects are compared field by field, anything else (arrays included) as a whole.
 *
 * @param configId the config's ULID
 * @param fromVersion the older version
 * @param toVersion the newer version
 * @param changes the changes, in field order
 */
public record ConfigDiff(
        @JsonProperty("config_id") String configId,
        @JsonProperty("from_version") long fromVersion,
        @JsonProperty("to_version") long toVersion,
        @JsonProperty("changes") List<Change> changes) {

    /** Copies the changes. */
    public ConfigDiff {
        changes = List.copyOf(changes);
    }

    /**
     * One change.
     *
     * @param path {@code name}, {@code tags}, or a JSON pointer into {@code data} ({@code /data/lags})
     * @param from the value before ({@code null} when the field was added)
     * @param to the value after ({@code null} when the field was removed)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(
            @JsonProperty("path") String path,
            @JsonProperty("from") JsonNode from,
            @JsonProperty("to") JsonNode to) {}

    /**
     * The diff of two versions.
     *
     * @param from the older version
     * @param to the newer version
     * @param factory makes JSON values of the name and tags
     * @return the diff
     */
    public static ConfigDiff between(ConfigVersion from, ConfigVersion to, JsonMapper factory) {
        List<Change> changes = new ArrayList<>();
        if (!Objects.equals(from.name(), to.name())) {
            changes.add(new Change("name", factory.valueToTree(from.name()), factory.valueToTree(to.name())));
        }
        if (!from.tags().equals(to.tags())) {
            changes.add(new Change("tags", factory.valueToTree(from.tags()), factory.valueToTree(to.tags())));
        }
        compare("/data", from.data(), to.data(), changes);
        return new ConfigDiff(from.configId(), from.version(), to.version(), changes);
    }

    private static void compare(String path, JsonNode from, JsonNode to, List<Change> changes) {
        if (from instanceof ObjectNode a && to instanceof ObjectNode b) {
            Set<String> names = new LinkedHashSet<>(a.propertyNames());
            names.addAll(b.propertyNames());
            for (String name : names) {
                compare(path + "/" + name.replace("~", "~0").replace("/", "~1"), a.get(name), b.get(name), changes);
            }
        } else if (!Objects.equals(from, to)) {
            changes.add(new Change(path, from, to));
        }
    }
}
